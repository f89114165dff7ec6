package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// A phone number's own node, /{phone-number-id}, serves its fields (GET) and
// sets its webhook callback override (POST with webhook_configuration).
// webhook_configuration is computed for the token's app: the number's own
// override, kept in the number's seed data as webhook_configuration
// {phone_number}, then the app's WABA-level override and the app's callback
// URL for WABA webhooks.

// webhookConfigurationObject is a number's webhook_configuration. Its Graph
// type name is undocumented.
var webhookConfigurationObject = &objectType{
	node:   "WhatsAppBusinessPhoneNumberWebhookConfiguration",
	fields: setOf("phone_number", "whatsapp_business_account", "application"),
}

// routePhoneNumberNode gives a request for a phone number's node its own
// template: by its shape alone, /{id} is a WABA's.
func (s *Server) routePhoneNumberNode(c *call) {
	if c.template != tmplWABA {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, isWABA := s.st.wabas[c.segs[0]]; isWABA {
		return
	}
	if w, _ := s.st.phoneNumber(c.segs[0]); w != nil {
		c.template = tmplPhoneNumber
	}
}

// phoneNumber finds the WABA that lists the number, and the number. The
// caller holds s.mu.
func (st *state) phoneNumber(id string) (*WABA, map[string]any) {
	for _, wabaID := range st.wabaOrder {
		w := st.wabas[wabaID]
		for _, p := range w.PhoneNumbers {
			if fmt.Sprint(p["id"]) == id {
				return w, p
			}
		}
	}
	return nil, nil
}

// servePhoneNumber handles /{phone-number-id}. A number answers like its
// WABA: missing to a token that cannot see the WABA, and counted against
// the WABA's Business Use Case budget.
func (s *Server) servePhoneNumber(c *call) response {
	if !c.hasScopes(scopeWABAManagement) {
		return errorResponse(errPermission())
	}
	s.mu.Lock()
	w, phone := s.st.phoneNumber(c.segs[0])
	if w == nil || s.st.hidden(c.token, w.ID) {
		s.mu.Unlock()
		return errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	buc, gerr := s.admitWABACall(c.appID, w.ID, c.now)
	var resp response
	switch {
	case gerr != nil:
		s.mu.Unlock()
		resp = errorResponse(gerr)
	case c.method == http.MethodGet:
		resp = s.getPhoneNumber(c, w, phone)
		s.mu.Unlock()
	case c.method == http.MethodPost:
		s.mu.Unlock()
		resp = s.setPhoneNumberWebhook(c, w, phone)
	default:
		s.mu.Unlock()
		resp = errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	resp.setHeader("X-Business-Use-Case-Usage", buc)
	return resp
}

// getPhoneNumber serves GET /{phone-number-id}. The caller holds s.mu.
func (s *Server) getPhoneNumber(c *call, w *WABA, phone map[string]any) response {
	fields := parseFields(c.params.Get("fields"))
	if gerr := phoneRules.check(fields, c.version); gerr != nil {
		return errorResponse(gerr)
	}
	item := project(withAutomation(withLegacyTier(phone)), fields, defaultPhoneFields, phoneObjectFields)
	items := s.withWebhookConfigurations(c.appID, w, []any{item}, fields)
	return jsonResponse(s.withBusinessProfiles(w, items, fields)[0])
}

// withWebhookConfigurations puts each number's webhook_configuration into
// its projected item when fields asks for it. The value depends on the
// token's app, so it is computed here rather than stored. The caller holds
// s.mu.
func (s *Server) withWebhookConfigurations(appID string, w *WABA, items []any, fields []fieldSpec) []any {
	i := slices.IndexFunc(fields, func(f fieldSpec) bool { return f.name == "webhook_configuration" })
	if i < 0 {
		return items
	}
	for _, item := range items {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		id := fmt.Sprint(m["id"])
		if j := slices.IndexFunc(w.PhoneNumbers, func(p map[string]any) bool { return fmt.Sprint(p["id"]) == id }); j >= 0 {
			config := s.webhookConfiguration(appID, w, w.PhoneNumbers[j])
			m["webhook_configuration"] = webhookConfigurationObject.project(config, fields[i].subFields())
		}
	}
	return items
}

// webhookConfiguration is where the number's webhooks go for the app, level
// by level; a level without a URL is left out, as Graph leaves out
// whatsapp_business_account when the WABA has no override. The caller holds
// s.mu.
func (s *Server) webhookConfiguration(appID string, w *WABA, phone map[string]any) map[string]any {
	out := map[string]any{}
	if uri := numberOverride(phone); uri != "" {
		out["phone_number"] = uri
	}
	for _, sub := range w.Subscriptions {
		if sub.AppID == appID && sub.OverrideCallbackURI != "" {
			out["whatsapp_business_account"] = sub.OverrideCallbackURI
		}
	}
	if sub := findAppSubscription(s.st.appSubs[appID], "whatsapp_business_account"); sub != nil && sub.CallbackURL != "" {
		out["application"] = sub.CallbackURL
	}
	return out
}

// numberOverride is the number's own callback override, "" when none.
func numberOverride(phone map[string]any) string {
	config, _ := phone["webhook_configuration"].(map[string]any)
	uri, _ := config["phone_number"].(string)
	return uri
}

// setNumberOverride keeps the number's override in its data, where
// /_sim/state shows it; "" removes it.
func setNumberOverride(phone map[string]any, uri string) {
	if uri == "" {
		delete(phone, "webhook_configuration")
		return
	}
	phone["webhook_configuration"] = map[string]any{"phone_number": uri}
}

// setPhoneNumberWebhook serves POST /{phone-number-id} with
// webhook_configuration {override_callback_uri, verify_token}; an empty
// override_callback_uri removes the override. Meta verifies a new override
// with a handshake: the simulator performs it when the callback is on a
// loopback host, and accepts any other URL unverified, since it never
// contacts another machine. It runs outside the state lock, since it waits
// on the network.
func (s *Server) setPhoneNumberWebhook(c *call, w *WABA, phone map[string]any) response {
	uri, verifyToken, gerr := webhookOverrideParam(c.params)
	if gerr != nil {
		return errorResponse(gerr)
	}
	if uri != "" {
		s.mu.Lock()
		subscribed := slices.ContainsFunc(w.Subscriptions, func(sub Subscription) bool { return sub.AppID == c.appID })
		s.mu.Unlock()
		if !subscribed {
			return errorResponse(errAppNotSubscribed(c.appID, w.ID))
		}
		if u, err := url.Parse(uri); err == nil && isLoopbackHost(u.Hostname()) {
			if err := verifyCallback(c.r.Context(), uri, verifyToken, s.challenge()); err != nil {
				return errorResponse(newError(2200, "(#2200) callback verification failed: "+err.Error()))
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	setNumberOverride(phone, uri)
	return jsonResponse(s.successBody())
}

// webhookOverrideParam reads webhook_configuration, a JSON object in a JSON
// body or a JSON-encoded form parameter.
func webhookOverrideParam(params url.Values) (uri, verifyToken string, gerr *graphError) {
	raw := params.Get("webhook_configuration")
	if raw == "" {
		return "", "", errParam("The parameter webhook_configuration is required")
	}
	var config struct {
		URI         *string `json:"override_callback_uri"`
		VerifyToken string  `json:"verify_token"`
	}
	if err := json.Unmarshal([]byte(raw), &config); err != nil {
		return "", "", errParam("Param webhook_configuration must be a JSON object")
	}
	if config.URI == nil {
		return "", "", errParam("Param webhook_configuration[override_callback_uri] is required")
	}
	uri = strings.TrimSpace(*config.URI)
	if uri == "" {
		return "", "", nil
	}
	if config.VerifyToken == "" {
		return "", "", errParam("The parameter verify_token is required")
	}
	if !validCallbackURI(uri) {
		return "", "", errParam("Invalid callback URI format")
	}
	return uri, config.VerifyToken, nil
}

// errAppNotSubscribed refuses a number-level override from an app that is
// not subscribed to the number's WABA. Meta documents the precondition but
// not the error: code 100 and this wording are modelled.
func errAppNotSubscribed(appID, wabaID string) *graphError {
	return errParam("Cannot set override_callback_uri: app %s is not subscribed to the webhooks of WhatsApp Business Account %s, "+
		"which owns this phone number. Subscribe the app to the WhatsApp Business Account first", appID, wabaID)
}
