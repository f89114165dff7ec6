package graph

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
)

// SubscribedAppsFields is the explicit field list of the subscribed_apps
// read behind the whatsapp_subscribed_apps data source: the two members each
// item has in every response Meta documents. Whether Graph honours fields on
// this edge is not documented; asking for what it returns anyway is safe
// either way.
var SubscribedAppsFields = []string{"whatsapp_business_api_data", "override_callback_uri"}

// ListSubscribedAppsWithFields is ListSubscribedApps with an explicit field
// list. It shares the edge's cache scope, so a subscribe or unsubscribe made
// by this client is never followed by a stale list.
func (c *Client) ListSubscribedAppsWithFields(ctx context.Context, wabaID string) ([]SubscribedApp, error) {
	q := url.Values{"fields": {strings.Join(SubscribedAppsFields, ",")}}
	scope := "subscribed_apps|" + wabaID
	v, err := cachedAs[[]SubscribedApp](c.cached(ctx, scope, scope+"|"+q.Encode(), func(ctx context.Context) (any, error) {
		var apps []SubscribedApp
		err := c.listAll(ctx, "subscribed_apps", subscribedAppsPath(wabaID), q, func(raw json.RawMessage) error {
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
