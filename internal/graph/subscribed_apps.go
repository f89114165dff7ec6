package graph

import (
	"cmp"
	"context"
	"encoding/json"
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

// clone is a plain copy: a SubscribedApp holds no pointers or slices.
func (a SubscribedApp) clone() SubscribedApp { return a }

// CallbackOverride is a WABA-level alternate callback URL and the verify
// token Meta echoes to it when checking the endpoint.
type CallbackOverride struct {
	URI         string `json:"override_callback_uri"`
	VerifyToken string `json:"verify_token"`
}

// subscribedApps is the WABA's subscribed_apps edge.
func (c *Client) subscribedApps(wabaID string) edge[SubscribedApp] {
	return edge[SubscribedApp]{via: c, cache: &c.reads.subscribedApps, name: "subscribed_apps", object: wabaID,
		path: edgePath(wabaID, "subscribed_apps"), decode: decodeSubscribedApp}
}

// isApp matches the app's subscription.
func isApp(appID string) func(SubscribedApp) bool {
	return func(a SubscribedApp) bool { return a.ID == appID }
}

// ListSubscribedApps lists every app subscribed to the WABA, following every
// page. Reads of the same WABA in one run share one fetch until this client
// writes to the edge.
func (c *Client) ListSubscribedApps(ctx context.Context, wabaID string) ([]SubscribedApp, error) {
	return c.subscribedApps(wabaID).list(ctx, edgeQuery{})
}

// FindTokenAppSubscription returns the subscription of the app that owns the
// token on the WABA, or nil when that app is not subscribed.
func (c *Client) FindTokenAppSubscription(ctx context.Context, wabaID string) (*SubscribedApp, error) {
	app, err := c.TokenApp(ctx)
	if err != nil {
		return nil, err
	}
	return c.subscribedApps(wabaID).find(ctx, edgeQuery{}, isApp(app.ID))
}

// ExistingTokenAppSubscription is the check before subscribing the token's
// app to the WABA: its subscription as the latest read of the edge in this
// run saw it (the edge is read when it has not been yet), or nil when it was
// not subscribed. Creates on the same WABA in one run share that read (see
// readCache.lastKnown). Reads that must see this client's own writes use
// FindTokenAppSubscription.
func (c *Client) ExistingTokenAppSubscription(ctx context.Context, wabaID string) (*SubscribedApp, error) {
	app, err := c.TokenApp(ctx)
	if err != nil {
		return nil, err
	}
	return c.subscribedApps(wabaID).findLastKnown(ctx, edgeQuery{}, isApp(app.ID))
}

// SubscribeApp subscribes the token's app to the WABA's webhooks. Graph
// treats a POST without an override as "remove any override", so the desired
// override is sent every time: nil means none.
func (c *Client) SubscribeApp(ctx context.Context, wabaID string, override *CallbackOverride) error {
	var b body
	if override != nil {
		b = jsonBody{override}
	}
	return c.subscribedApps(wabaID).write(ctx, edgeWrite{method: "POST", body: b})
}

// UnsubscribeApp removes the token's app from the WABA's webhooks.
func (c *Client) UnsubscribeApp(ctx context.Context, wabaID string) error {
	return c.subscribedApps(wabaID).write(ctx, edgeWrite{method: "DELETE"})
}
