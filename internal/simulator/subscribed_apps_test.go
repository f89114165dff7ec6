package simulator

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func subscribedApps(t *testing.T, s *Server) map[string]map[string]any {
	t.Helper()
	res := get(t, s, subsPath)
	wantStatus(t, res, http.StatusOK)
	out := map[string]map[string]any{}
	for _, item := range dataOf(t, res) {
		app := item["whatsapp_business_api_data"].(map[string]any)
		out[app["id"].(string)] = item
	}
	return out
}

func TestSubscribedAppsInitialList(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, subsPath)
	wantStatus(t, res, http.StatusOK)
	items := dataOf(t, res)
	if len(items) != 1 {
		t.Fatalf("want 1 subscribed app, got %d", len(items))
	}
	app := items[0]["whatsapp_business_api_data"].(map[string]any)
	if app["id"] != fixtureOtherApp || app["name"] != "Acme Analytics" || app["link"] != appLink(fixtureOtherApp) {
		t.Errorf("unexpected app %v", app)
	}
	if _, ok := items[0]["override_callback_uri"]; ok {
		t.Error("override_callback_uri must be absent when not set")
	}
	if _, ok := res.body["paging"]; ok {
		t.Error("a single page must not carry paging")
	}
}

func TestSubscribeOverrideLifecycle(t *testing.T) {
	s := newTestServer(t)
	const hook = "https://hooks.example.com/waba"

	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK}))
	apps := subscribedApps(t, s)
	if _, ok := apps[fixtureApp]; !ok || len(apps) != 2 {
		t.Fatalf("the token's app must be added next to the existing one, got %v", apps)
	}

	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK,
		json: `{"override_callback_uri":"` + hook + `","verify_token":"vt"}`}))
	if got := subscribedApps(t, s)[fixtureApp]["override_callback_uri"]; got != hook {
		t.Fatalf("override = %v, want %s", got, hook)
	}
	if n := len(subscribedApps(t, s)); n != 2 {
		t.Fatalf("re-subscribing must not duplicate the app, got %d apps", n)
	}

	// The documented trap: a POST without the override removes it.
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK}))
	if _, ok := subscribedApps(t, s)[fixtureApp]["override_callback_uri"]; ok {
		t.Fatal("a bare POST must remove the override")
	}

	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK,
		form: url.Values{"override_callback_uri": {hook + "/form"}, "verify_token": {"vt"}}}))
	if got := subscribedApps(t, s)[fixtureApp]["override_callback_uri"]; got != hook+"/form" {
		t.Fatalf("form override = %v", got)
	}
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, token: tokenOK,
		target: subsPath + "?" + url.Values{"override_callback_uri": {hook + "/query"}, "verify_token": {"vt"}}.Encode()}))
	if got := subscribedApps(t, s)[fixtureApp]["override_callback_uri"]; got != hook+"/query" {
		t.Fatalf("query override = %v", got)
	}

	wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: subsPath, token: tokenOK}))
	if _, ok := subscribedApps(t, s)[fixtureApp]; ok {
		t.Fatal("DELETE must unsubscribe the token's app")
	}
	if _, ok := subscribedApps(t, s)[fixtureOtherApp]; !ok {
		t.Fatal("DELETE must leave other apps subscribed")
	}
	wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: subsPath, token: tokenOK}))
}

func TestSubscribeOverrideValidation(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name    string
		body    string
		message string
	}{
		{name: "missing verify token", body: `{"override_callback_uri":"https://a.example.com/h"}`, message: "(#100) The parameter verify_token is required"},
		{name: "plain http", body: `{"override_callback_uri":"http://a.example.com/h","verify_token":"v"}`, message: "(#100) Invalid callback URI format"},
		{name: "relative", body: `{"override_callback_uri":"/hook","verify_token":"v"}`, message: "(#100) Invalid callback URI format"},
		{name: "too long", body: `{"override_callback_uri":"https://a.example.com/` + strings.Repeat("x", 200) + `","verify_token":"v"}`, message: "(#100) Invalid callback URI format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK, json: tt.body})
			wantError(t, res, 400, 100, 0, tt.message)
		})
	}
	if _, ok := subscribedApps(t, s)[fixtureApp]; ok {
		t.Fatal("a rejected POST must not subscribe the app")
	}
}

func TestSubscribedAppsPaging(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK}))
	res := get(t, s, subsPath+"?limit=1")
	if n := len(dataOf(t, res)); n != 1 {
		t.Fatalf("page has %d items, want 1", n)
	}
	paging, ok := res.body["paging"].(map[string]any)
	if !ok || paging["next"] == nil {
		t.Fatalf("a split list must carry paging with next: %s", res.raw)
	}
}

func TestSuccessAsString(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.SuccessAsString = true })
	res := send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK})
	wantStatus(t, res, http.StatusOK)
	if res.raw != `{"success":"true"}` {
		t.Fatalf("body = %s, want the string form", res.raw)
	}
}

func TestSubscribedAppsFlatShape(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.SubscribedAppsShape = SubscribedAppsFlat })
	if res := get(t, s, subsPath); res.raw != `{"data":[{"id":"`+fixtureOtherApp+`","name":"Acme Analytics"}]}` {
		t.Fatalf("flat list = %s", res.raw)
	}
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK,
		json: `{"override_callback_uri":"https://hooks.example.com/flat","verify_token":"vt"}`}))
	items := dataOf(t, get(t, s, subsPath))
	want := map[string]any{"id": fixtureApp, "name": "Acme Platform", "override_callback_uri": "https://hooks.example.com/flat"}
	if len(items) != 2 || !reflect.DeepEqual(items[1], want) {
		t.Fatalf("flat item with override = %v, want %v", items, want)
	}
	inline := get(t, s, wabaPath+"?fields=subscribed_apps")
	if first := inline.body["subscribed_apps"].(map[string]any)["data"].([]any)[0].(map[string]any); first["id"] != fixtureOtherApp {
		t.Fatalf("inline subscribed_apps must use the flat shape too: %s", inline.raw)
	}
}

func TestSubscribedAppsShapeSwitchedMidRun(t *testing.T) {
	s := newTestServer(t)
	if _, ok := dataOf(t, get(t, s, subsPath))[0]["whatsapp_business_api_data"]; !ok {
		t.Fatal("the default shape must be nested")
	}
	status, body := admin(t, s, http.MethodPost, "/_sim/settings", `{"subscribed_apps_shape":"flat"}`)
	if status != http.StatusOK || body != `{"subscribed_apps_shape":"flat","heavy_page_size":0,"business_profile_shape":"flat"`+templateDefaults+"}\n" {
		t.Fatalf("settings: %d %s", status, body)
	}
	if item := dataOf(t, get(t, s, subsPath))[0]; item["id"] != fixtureOtherApp || item["whatsapp_business_api_data"] != nil {
		t.Fatalf("flat item = %v", item)
	}
	if status, _ := admin(t, s, http.MethodPost, "/_sim/settings", `{"subscribed_apps_shape":"sideways"}`); status != http.StatusBadRequest {
		t.Fatalf("an unknown shape must be refused, status %d", status)
	}
	if got := s.Settings().SubscribedAppsShape; got != SubscribedAppsFlat {
		t.Fatalf("a refused change must leave the shape, got %q", got)
	}
	admin(t, s, http.MethodPost, "/_sim/settings", `{"subscribed_apps_shape":"nested"}`)
	subscribedApps(t, s) // decodes the nested shape
}
