package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
)

// SubscribedApp is one app subscribed to a WABA's webhooks. The app's fields
// sit in whatsapp_business_api_data or at the top level of the item (see
// decodeSubscribedApp); override_callback_uri is always a top-level sibling
// and is present only while a WABA-level callback override is set.
type SubscribedApp struct {
	App
	OverrideCallbackURI string
}

// subscribedAppFields are an app's fields, wherever the item puts them.
type subscribedAppFields struct {
	ID   flexString `json:"id"`
	Name string     `json:"name"`
	Link string     `json:"link"`
}

type subscribedAppJSON struct {
	subscribedAppFields
	Data                *subscribedAppFields `json:"whatsapp_business_api_data"`
	OverrideCallbackURI string               `json:"override_callback_uri"`
}

// decodeSubscribedApp reads one item of the subscribed_apps edge. Meta's
// reference nests the app in whatsapp_business_api_data{id,name,link}, while
// Graph has also answered with the app's id and name at the top level of the
// item. Each field is taken from whatsapp_business_api_data when it is there,
// else from the top level.
// Seen in real v25.0 responses in public client code: {"data":[{"name":"...","id":"..."}]}.
func decodeSubscribedApp(raw []byte) (SubscribedApp, error) {
	var j subscribedAppJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return SubscribedApp{}, err
	}
	app := App{ID: string(j.ID), Name: j.Name, Link: j.Link}
	if d := j.Data; d != nil {
		app.ID = cmp.Or(string(d.ID), app.ID)
		app.Name = cmp.Or(d.Name, app.Name)
		app.Link = cmp.Or(d.Link, app.Link)
	}
	return SubscribedApp{App: app, OverrideCallbackURI: j.OverrideCallbackURI}, nil
}

// CallbackOverride is a WABA-level alternate callback URL and the verify
// token Meta echoes to it when checking the endpoint.
type CallbackOverride struct {
	URI         string `json:"override_callback_uri"`
	VerifyToken string `json:"verify_token"`
}

func subscribedAppsPath(wabaID string) string { return "/" + pathSegment(wabaID) + "/subscribed_apps" }

// ListSubscribedApps lists every app subscribed to the WABA, following every
// page. Reads of the same WABA in one run share one fetch until this client
// writes to the edge.
func (c *Client) ListSubscribedApps(ctx context.Context, wabaID string) ([]SubscribedApp, error) {
	scope := subscribedAppsScope(wabaID)
	v, err := cachedAs[[]SubscribedApp](c.cached(ctx, scope, scope, c.fetchSubscribedApps(wabaID)))
	if err != nil {
		return nil, err
	}
	return slices.Clone(v), nil
}

func subscribedAppsScope(wabaID string) string { return "subscribed_apps|" + wabaID }

func (c *Client) fetchSubscribedApps(wabaID string) func(context.Context) (any, error) {
	return func(ctx context.Context) (any, error) {
		var apps []SubscribedApp
		err := c.listAll(ctx, "subscribed_apps", subscribedAppsPath(wabaID), nil, func(raw json.RawMessage) error {
			app, err := decodeSubscribedApp(raw)
			if err != nil {
				return err
			}
			apps = append(apps, app)
			return nil
		})
		return apps, err
	}
}

// FindTokenAppSubscription returns the subscription of the app that owns the
// token on the WABA, or nil when that app is not subscribed.
func (c *Client) FindTokenAppSubscription(ctx context.Context, wabaID string) (*SubscribedApp, error) {
	app, err := c.TokenApp(ctx)
	if err != nil {
		return nil, err
	}
	apps, err := c.ListSubscribedApps(ctx, wabaID)
	if err != nil {
		return nil, err
	}
	return findSubscribedApp(apps, app.ID), nil
}

// ExistingTokenAppSubscription is the check before subscribing the token's
// app to the WABA: its subscription as the latest read of the edge in this
// run saw it (the edge is read when it has not been yet), or nil when it was
// not subscribed. Creates on the same WABA in one run share that read (see
// knownOrFetch). Reads that must see this client's own writes use
// FindTokenAppSubscription.
func (c *Client) ExistingTokenAppSubscription(ctx context.Context, wabaID string) (*SubscribedApp, error) {
	app, err := c.TokenApp(ctx)
	if err != nil {
		return nil, err
	}
	scope := subscribedAppsScope(wabaID)
	apps, err := cachedAs[[]SubscribedApp](c.knownOrFetch(ctx, scope, scope, c.fetchSubscribedApps(wabaID)))
	if err != nil {
		return nil, err
	}
	return findSubscribedApp(apps, app.ID), nil
}

// findSubscribedApp copies the app's entry out of a list, or is nil.
func findSubscribedApp(apps []SubscribedApp, appID string) *SubscribedApp {
	for _, a := range apps {
		if a.ID == appID {
			found := a
			return &found
		}
	}
	return nil
}

// SubscribeApp subscribes the token's app to the WABA's webhooks. Graph
// treats a POST without an override as "remove any override", so the desired
// override is sent every time: nil means none.
func (c *Client) SubscribeApp(ctx context.Context, wabaID string, override *CallbackOverride) error {
	var b body
	if override != nil {
		b = jsonBody{override}
	}
	path := subscribedAppsPath(wabaID)
	return c.writing(subscribedAppsScope(wabaID), func() error {
		var res writeResult
		if err := c.do(ctx, "POST", path, nil, b, &res); err != nil {
			return err
		}
		return res.check("POST", path)
	})
}

// UnsubscribeApp removes the token's app from the WABA's webhooks.
func (c *Client) UnsubscribeApp(ctx context.Context, wabaID string) error {
	path := subscribedAppsPath(wabaID)
	return c.writing(subscribedAppsScope(wabaID), func() error {
		var res writeResult
		if err := c.do(ctx, "DELETE", path, nil, nil, &res); err != nil {
			return err
		}
		return res.check("DELETE", path)
	})
}
