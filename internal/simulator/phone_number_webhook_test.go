package simulator

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

const (
	phonePath      = "/v25.0/" + fixturePhone
	phoneHooksPath = wabaPath + "/phone_numbers?fields=id,webhook_configuration"
	appCallback    = "https://hooks.example.com/app"
	wabaOverride   = "https://hooks.example.com/waba"
	numberHook     = "https://hooks.example.com/number"
)

// subscribedSeed subscribes the token's app to the WABA with a WABA-level
// override and gives it a callback for WABA webhooks: every level is set
// but the number's.
func subscribedSeed(seed *Seed) {
	seed.WABAs[0].Subscriptions = append(seed.WABAs[0].Subscriptions, Subscription{AppID: fixtureApp, OverrideCallbackURI: wabaOverride})
	seed.AppSubscriptions = map[string][]AppSubscription{fixtureApp: {{Object: "whatsapp_business_account", CallbackURL: appCallback, Fields: []SubscribedField{{Name: "messages"}}}}}
}

func setNumberWebhook(t *testing.T, s *Server, body string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: phonePath, token: tokenOK, json: body})
}

// webhookConfigurations reads every number's webhook_configuration from the
// edge, by number ID.
func webhookConfigurations(t *testing.T, s *Server) map[string]any {
	t.Helper()
	res := get(t, s, phoneHooksPath)
	wantStatus(t, res, http.StatusOK)
	out := map[string]any{}
	for _, item := range dataOf(t, res) {
		out[item["id"].(string)] = item["webhook_configuration"]
	}
	return out
}

func TestPhoneNumberWebhookLifecycle(t *testing.T) {
	s := newTestServer(t, subscribedSeed)
	before := map[string]any{"whatsapp_business_account": wabaOverride, "application": appCallback}
	if got := webhookConfigurations(t, s); !reflect.DeepEqual(got, map[string]any{fixturePhone: before, fixturePhone2: before}) {
		t.Fatalf("before = %v", got)
	}

	wantSuccess(t, setNumberWebhook(t, s, `{"webhook_configuration":{"override_callback_uri":"`+numberHook+`","verify_token":"vt"}}`))
	want := map[string]any{"phone_number": numberHook, "whatsapp_business_account": wabaOverride, "application": appCallback}
	if got := webhookConfigurations(t, s); !reflect.DeepEqual(got[fixturePhone], want) || !reflect.DeepEqual(got[fixturePhone2], before) {
		t.Fatalf("after = %v", got)
	}
	// The node answers the same, with its id.
	node := get(t, s, phonePath+"?fields=webhook_configuration")
	wantStatus(t, node, http.StatusOK)
	if !reflect.DeepEqual(node.body, map[string]any{"id": fixturePhone, "webhook_configuration": want}) {
		t.Errorf("node = %s", node.raw)
	}
	// The WABA node's phone_numbers expansion too, cut to the sub-field asked.
	expanded := get(t, s, wabaPath+"?fields=phone_numbers{id,webhook_configuration{phone_number}}")
	wantStatus(t, expanded, http.StatusOK)
	if !strings.Contains(expanded.raw, `"webhook_configuration":{"phone_number":"`+numberHook+`"}`) {
		t.Errorf("expansion = %s", expanded.raw)
	}

	// An empty override_callback_uri removes the override; no token needed.
	wantSuccess(t, setNumberWebhook(t, s, `{"webhook_configuration":{"override_callback_uri":""}}`))
	if got := webhookConfigurations(t, s)[fixturePhone]; !reflect.DeepEqual(got, before) {
		t.Errorf("after clearing = %v", got)
	}
	if got := s.Counts()["POST "+tmplPhoneNumber]; got != 2 {
		t.Errorf("POST %s counted %d times, want 2", tmplPhoneNumber, got)
	}
}

// TestPhoneNumberWebhookSeeded: a seed gives a number's override in its
// item; the levels the token's app lacks are left out.
func TestPhoneNumberWebhookSeeded(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) {
		seed.WABAs[0].PhoneNumbers[1]["webhook_configuration"] = map[string]any{"phone_number": numberHook}
	})
	got := webhookConfigurations(t, s)
	if !reflect.DeepEqual(got[fixturePhone2], map[string]any{"phone_number": numberHook}) || !reflect.DeepEqual(got[fixturePhone], map[string]any{}) {
		t.Errorf("configurations = %v", got)
	}
	// Asked only by the edge's default fields, it is not served.
	res := get(t, s, wabaPath+"/phone_numbers")
	for _, item := range dataOf(t, res) {
		if _, ok := item["webhook_configuration"]; ok {
			t.Errorf("webhook_configuration served without being asked for: %v", item)
		}
	}
}

func TestPhoneNumberWebhookFormBody(t *testing.T) {
	s := newTestServer(t, subscribedSeed)
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: phonePath, token: tokenOK,
		form: url.Values{"webhook_configuration": {`{"override_callback_uri":"` + numberHook + `","verify_token":"vt"}`}}}))
	if got := webhookConfigurations(t, s)[fixturePhone].(map[string]any)["phone_number"]; got != numberHook {
		t.Errorf("override = %v", got)
	}
}

func TestPhoneNumberWebhookRefusals(t *testing.T) {
	cases := []struct {
		name, body string
		seed       func(*Seed)
		message    string
	}{
		{"app not subscribed", `{"webhook_configuration":{"override_callback_uri":"` + numberHook + `","verify_token":"vt"}}`, nil,
			"(#100) Cannot set override_callback_uri: app " + fixtureApp + " is not subscribed to the webhooks of WhatsApp Business Account " + fixtureWABA +
				", which owns this phone number. Subscribe the app to the WhatsApp Business Account first"},
		{"no verify token", `{"webhook_configuration":{"override_callback_uri":"` + numberHook + `"}}`, subscribedSeed, "(#100) The parameter verify_token is required"},
		{"http callback", `{"webhook_configuration":{"override_callback_uri":"http://hooks.example.com/x","verify_token":"vt"}}`, subscribedSeed, "(#100) Invalid callback URI format"},
		{"too long", `{"webhook_configuration":{"override_callback_uri":"https://hooks.example.com/` + strings.Repeat("a", 180) + `","verify_token":"vt"}}`, subscribedSeed, "(#100) Invalid callback URI format"},
		{"no configuration", `{"name":"x"}`, subscribedSeed, "(#100) The parameter webhook_configuration is required"},
		{"not an object", `{"webhook_configuration":"x"}`, subscribedSeed, "(#100) Param webhook_configuration must be a JSON object"},
		{"no uri", `{"webhook_configuration":{"verify_token":"vt"}}`, subscribedSeed, "(#100) Param webhook_configuration[override_callback_uri] is required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var mutate []func(*Seed)
			if tc.seed != nil {
				mutate = append(mutate, tc.seed)
			}
			s := newTestServer(t, mutate...)
			wantError(t, setNumberWebhook(t, s, tc.body), http.StatusBadRequest, 100, 0, tc.message)
			if got := webhookConfigurations(t, s)[fixturePhone].(map[string]any)["phone_number"]; got != nil {
				t.Errorf("a refused POST set the override to %v", got)
			}
		})
	}
}

func TestPhoneNumberWebhookVisibility(t *testing.T) {
	s := newTestServer(t, subscribedSeed)
	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	wantError(t, get(t, s, phonePath+"?fields=webhook_configuration"), http.StatusBadRequest, 100, 33, "")
	wantError(t, setNumberWebhook(t, s, `{"webhook_configuration":{"override_callback_uri":""}}`), http.StatusBadRequest, 100, 33, "")
	// A number no WABA lists is missing like any unknown object.
	wantError(t, get(t, s, "/v25.0/106540352242999?fields=webhook_configuration"), http.StatusBadRequest, 100, 33, "")
	res := send(t, s, apiReq{target: phonePath, token: fixtureReadonlyToken})
	wantError(t, res, http.StatusForbidden, 200, 0, "")
}

func TestPhoneNumberWebhookHandshake(t *testing.T) {
	endpoint, hits := webhookEndpoint(t, "right-token", true)
	s := newTestServer(t, subscribedSeed)
	post := func(uri, token string) result {
		return setNumberWebhook(t, s, `{"webhook_configuration":{"override_callback_uri":"`+uri+`","verify_token":"`+token+`"}}`)
	}
	wantSuccess(t, post(endpoint.URL+"/wa", "right-token"))
	if hits.Load() != 1 {
		t.Errorf("the loopback callback was verified %d times, want 1", hits.Load())
	}
	res := post(endpoint.URL+"/wa", "wrong-token")
	wantError(t, res, http.StatusBadRequest, 2200, 0, "")
	if !strings.Contains(res.raw, "HTTP 403") {
		t.Errorf("the error does not say what the callback answered: %s", res.raw)
	}
	if got := webhookConfigurations(t, s)[fixturePhone].(map[string]any)["phone_number"]; got != endpoint.URL+"/wa" {
		t.Errorf("a failed verification changed the override to %v", got)
	}
	// Another host is accepted unverified: the simulator never dials out.
	wantSuccess(t, post(numberHook, "any-token"))
	if hits.Load() != 2 {
		t.Errorf("%d verifications, want 2 (none for a host that is not loopback)", hits.Load())
	}
}
