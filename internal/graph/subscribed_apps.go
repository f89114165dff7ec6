package graph

import (
	"context"
	"encoding/json"
	"slices"
)

// SubscribedApp is one app subscribed to a WABA's webhooks. The app's fields
// sit in whatsapp_business_api_data; override_callback_uri is their sibling
// and is present only while a WABA-level callback override is set.
type SubscribedApp struct {
	App
	OverrideCallbackURI string
}

type subscribedAppJSON struct {
	Data struct {
		ID   flexString `json:"id"`
		Name string     `json:"name"`
		Link string     `json:"link"`
	} `json:"whatsapp_business_api_data"`
	OverrideCallbackURI string `json:"override_callback_uri"`
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
	scope := "subscribed_apps|" + wabaID
	v, err := cachedAs[[]SubscribedApp](c.cached(ctx, scope, scope, func(ctx context.Context) (any, error) {
		var apps []SubscribedApp
		err := c.listAll(ctx, "subscribed_apps", subscribedAppsPath(wabaID), nil, func(raw json.RawMessage) error {
			var j subscribedAppJSON
			if err := json.Unmarshal(raw, &j); err != nil {
				return err
			}
			apps = append(apps, SubscribedApp{App: App{ID: string(j.Data.ID), Name: j.Data.Name, Link: j.Data.Link}, OverrideCallbackURI: j.OverrideCallbackURI})
			return nil
		})
		return apps, err
	}))
	if err != nil {
		return nil, err
	}
	return slices.Clone(v), nil
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
	for _, a := range apps {
		if a.ID == app.ID {
			found := a
			return &found, nil
		}
	}
	return nil, nil
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
	return c.writing("subscribed_apps|"+wabaID, func() error {
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
	return c.writing("subscribed_apps|"+wabaID, func() error {
		var res writeResult
		if err := c.do(ctx, "DELETE", path, nil, nil, &res); err != nil {
			return err
		}
		return res.check("DELETE", path)
	})
}
