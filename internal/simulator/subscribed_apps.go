package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// maxCallbackURILength is Meta's documented limit for override_callback_uri.
const maxCallbackURILength = 200

// serveSubscribedApps handles /{waba-id}/subscribed_apps. The subscribed app
// is always the app that owns the token; there is no app parameter.
func (s *Server) serveSubscribedApps(c *call, w *WABA) response {
	switch c.method {
	case http.MethodGet:
		return s.listResponse(c, s.subscribedAppItems(w), listOptions{pagingOnlyWhenSplit: true})
	case http.MethodPost:
		return s.subscribeApp(c, w)
	case http.MethodDelete:
		w.Subscriptions = slices.DeleteFunc(w.Subscriptions, func(sub Subscription) bool { return sub.AppID == c.appID })
		return jsonResponse(s.successBody())
	}
	return errorResponse(errUnknownObject(c.method, w.ID))
}

// subscribedAppItems lists the WABA's subscriptions in the configured
// shape. The caller holds s.mu.
func (s *Server) subscribedAppItems(w *WABA) []any {
	flat := s.settings.SubscribedAppsShape == SubscribedAppsFlat
	items := make([]any, 0, len(w.Subscriptions))
	for _, sub := range w.Subscriptions {
		name := s.st.apps[sub.AppID].Name
		var item map[string]any
		if flat {
			// Seen in a real v25.0 response: {"data":[{"name":"...","id":"..."}]}.
			item = map[string]any{"id": sub.AppID, "name": name}
		} else {
			// Seen in Meta's reference and webhook override guide.
			item = map[string]any{
				"whatsapp_business_api_data": map[string]string{
					"id":   sub.AppID,
					"link": appLink(sub.AppID),
					"name": name,
				},
			}
		}
		if sub.OverrideCallbackURI != "" {
			item["override_callback_uri"] = sub.OverrideCallbackURI
		}
		items = append(items, item)
	}
	return items
}

// subscribeApp subscribes the token's app. As on Meta, a POST without
// override_callback_uri removes an existing override: callers must always
// send the override they want to keep.
func (s *Server) subscribeApp(c *call, w *WABA) response {
	override := strings.TrimSpace(c.params.Get("override_callback_uri"))
	if override != "" {
		if c.params.Get("verify_token") == "" {
			return errorResponse(errParam("The parameter verify_token is required"))
		}
		if !validCallbackURI(override) {
			return errorResponse(errParam("Invalid callback URI format"))
		}
	}
	i := slices.IndexFunc(w.Subscriptions, func(sub Subscription) bool { return sub.AppID == c.appID })
	if i < 0 {
		w.Subscriptions = append(w.Subscriptions, Subscription{AppID: c.appID, OverrideCallbackURI: override})
	} else {
		w.Subscriptions[i].OverrideCallbackURI = override
	}
	return jsonResponse(s.successBody())
}

// validCallbackURI accepts absolute https URLs of at most 200 characters.
func validCallbackURI(raw string) bool {
	if len(raw) > maxCallbackURILength || strings.ContainsAny(raw, " \t\r\n") {
		return false
	}
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.Host != ""
}
