package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadSeedJSONAndYAML(t *testing.T) {
	fromJSON, err := LoadSeed(filepath.Join("testdata", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := LoadSeed(filepath.Join("testdata", "seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromJSON, fromYAML) {
		t.Fatalf("JSON and YAML seeds differ:\n%+v\n%+v", fromJSON, fromYAML)
	}
	s := fromJSON
	if s.AppSecret != "json-secret" || s.PageSize != 10 || s.MaxPageSize != 50 || !s.StrictLimit ||
		!s.SuccessAsString || !s.TasksMerge || s.HourlyBudget != 20 || !s.EnforceBudget {
		t.Errorf("settings not loaded: %+v", s)
	}
	if len(s.WABAs) != 1 || s.WABAs[0].Subscriptions[0].OverrideCallbackURI != "https://hooks.example.com/json" ||
		!reflect.DeepEqual(s.WABAs[0].Assignments[0].Tasks, []string{"MANAGE", "DEVELOP"}) {
		t.Errorf("WABA not loaded: %+v", s.WABAs)
	}
	if want := []ClientAccess{{BusinessID: "777", PermittedTasks: []string{"MANAGE", "VIEW_COST"}}}; !reflect.DeepEqual(s.WABAs[0].ClientOf, want) {
		t.Errorf("client_of = %+v, want %+v", s.WABAs[0].ClientOf, want)
	}
	if s.SubscribedAppsShape != SubscribedAppsFlat || s.HeavyPageSize != 40 ||
		!reflect.DeepEqual(s.Tokens[1].HiddenWABAs, []string{"444"}) {
		t.Errorf("shape, heavy page size or hidden WABAs not loaded: %+v", s)
	}
	wantSubs := map[string][]AppSubscription{"111": {{
		Object: "whatsapp_business_account", CallbackURL: "https://hooks.example.com/app", IncludeValues: true,
		Fields: []SubscribedField{{Name: "messages"}, {Name: "account_update", Version: "v24.0"}},
	}}}
	if !reflect.DeepEqual(s.AppSubscriptions, wantSubs) {
		t.Errorf("app subscriptions = %+v", s.AppSubscriptions)
	}

	// Round trip: the loaded seed written back as JSON loads to the same value.
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "again.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	again, err := LoadSeed(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, s) {
		t.Fatalf("round trip changed the seed:\n%+v\n%+v", s, again)
	}
}

func TestLoadedSeedServes(t *testing.T) {
	seed, err := LoadSeed(filepath.Join("testdata", "seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := New(seed)
	proof := AppSecretProof("json-secret", "json-token")
	res := send(t, s, apiReq{target: "/v25.0/444?fields=name,creation_time&appsecret_proof=" + proof, token: "json-token"})
	wantStatus(t, res, http.StatusOK)
	if res.body["name"] != "JSON WABA" || !strings.Contains(res.raw, `"creation_time":1700000000`) {
		t.Fatalf("body = %s", res.raw)
	}

	blind := AppSecretProof("json-secret", "json-blind-token")
	wantError(t, send(t, s, apiReq{target: "/v25.0/444?appsecret_proof=" + blind, token: "json-blind-token"}), 400, 100, 33, "")

	subs := send(t, s, apiReq{target: "/v25.0/444/subscribed_apps?appsecret_proof=" + proof, token: "json-token"})
	if subs.raw != `{"data":[{"id":"111","name":"JSON App","override_callback_uri":"https://hooks.example.com/json"}]}` {
		t.Errorf("flat subscribed_apps = %s", subs.raw)
	}
	heavy := send(t, s, apiReq{target: "/v25.0/444/phone_numbers?limit=41&appsecret_proof=" + proof, token: "json-token"})
	wantError(t, heavy, http.StatusInternalServerError, 1, 99, "")

	clients := dataOf(t, send(t, s, apiReq{target: "/v25.0/777/client_whatsapp_business_accounts?fields=id,permitted_tasks&appsecret_proof=" + proof, token: "json-token"}))
	if want := []map[string]any{{"id": "444", "permitted_tasks": []any{"MANAGE", "VIEW_COST"}}}; !reflect.DeepEqual(clients, want) {
		t.Errorf("seeded client WABAs = %v, want %v", clients, want)
	}

	appSubs := send(t, s, apiReq{target: "/v25.0/111/subscriptions", token: "111|s3"})
	want := `{"data":[{"active":true,"callback_url":"https://hooks.example.com/app","fields":[{"name":"messages","version":"` +
		latestVersion + `"},{"name":"account_update","version":"v24.0"}],"object":"whatsapp_business_account"}]}`
	if appSubs.raw != want {
		t.Errorf("seeded app subscriptions =\n%s\nwant\n%s", appSubs.raw, want)
	}
}

func TestLoadSeedErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{name: "missing file", path: filepath.Join(dir, "nope.json"), want: "no such file"},
		{name: "bad extension", path: write("seed.txt", "{}"), want: "unsupported extension"},
		{name: "unknown key", path: write("typo.json", `{"tokenz":[]}`), want: "tokenz"},
		{name: "bad yaml", path: write("bad.yaml", "tokens: [unclosed"), want: "bad.yaml"},
		{name: "bad json", path: write("bad.json", "{"), want: "bad.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadSeed(tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if s, err := LoadSeed(write("empty.yml", "")); err != nil || len(s.Tokens) != 0 {
		t.Fatalf("empty YAML seed: %+v, %v", s, err)
	}
}

func TestDefaultSeed(t *testing.T) {
	seed := DefaultSeed()
	if len(seed.Users) != 606 {
		t.Fatalf("users = %d, want 6 named + 600 bench users", len(seed.Users))
	}
	last := seed.Users[len(seed.Users)-1]
	if last.ID != "200000000000600" || last.Name != "bench-user-600" || last.UserType != "SYSTEM_USER" {
		t.Errorf("last bench user = %+v", last)
	}
	if first := seed.Users[6]; first.ID != "200000000000001" || first.Name != "bench-user-001" {
		t.Errorf("first bench user = %+v", first)
	}
	ids := map[string]bool{}
	for _, u := range seed.Users {
		if ids[u.ID] {
			t.Fatalf("duplicate user %s", u.ID)
		}
		ids[u.ID] = true
	}
	w := seed.WABAs[0]
	if w.ID != fixtureWABA || len(w.PhoneNumbers) != 2 || len(w.MessageTemplates) != 3 ||
		len(w.Subscriptions) != 1 || w.Subscriptions[0].AppID != fixtureOtherApp {
		t.Errorf("main WABA = %+v", w)
	}
	if seed.WABAs[1].ID != fixtureWABA2 || len(seed.WABAs[1].Subscriptions) != 0 || len(seed.WABAs[1].Assignments) != 0 {
		t.Errorf("sandbox WABA = %+v", seed.WABAs[1])
	}
	if fmt.Sprint(seed.Apps) != "[{670843887433847 Acme Platform sim-app-secret} {480237915630121 Acme Analytics }]" {
		t.Errorf("apps = %v", seed.Apps)
	}
}

func TestNewCopiesTheSeed(t *testing.T) {
	seed := DefaultSeed()
	s := New(seed)
	seed.WABAs[0].Fields["name"] = "Changed"
	seed.WABAs[0].Assignments[0].Tasks[0] = "DEVELOP"
	if res := get(t, s, wabaPath+"?fields=name"); res.body["name"] != "Acme Support" {
		t.Errorf("server shares the seed's fields map: %s", res.raw)
	}
	if tasks := assignedTasks(t, s)[fixtureSystemUser]; tasks[0] != "MANAGE" {
		t.Errorf("server shares the seed's task slices: %v", tasks)
	}
}

func TestSeedValidation(t *testing.T) {
	sub := func() AppSubscription {
		return AppSubscription{Object: "whatsapp_business_account", CallbackURL: "https://h.example.com", Fields: []SubscribedField{{Name: "messages"}}}
	}
	tests := []struct {
		name   string
		mutate func(*Seed)
		want   string
	}{
		{name: "shape", mutate: func(s *Seed) { s.SubscribedAppsShape = "round" }, want: `subscribed_apps_shape "round"`},
		{name: "heavy page size", mutate: func(s *Seed) { s.HeavyPageSize = -1 }, want: "heavy_page_size -1"},
		{name: "hidden WABA not seeded", mutate: func(s *Seed) { s.Tokens[2].HiddenWABAs = []string{"999"} }, want: `tokens[2].hidden_wabas: WABA "999"`},
		{name: "client of an unknown business", mutate: func(s *Seed) {
			s.WABAs[0].ClientOf = []ClientAccess{{BusinessID: "999", PermittedTasks: []string{"MANAGE"}}}
		}, want: `wabas[` + fixtureWABA + `].client_of: business "999" is not in the seed`},
		{name: "client of its owner", mutate: func(s *Seed) {
			s.WABAs[0].ClientOf = []ClientAccess{{BusinessID: fixtureBusiness}}
		}, want: "owns the WABA"},
		{name: "client of a business twice", mutate: func(s *Seed) {
			s.Businesses = append(s.Businesses, Business{ID: "777", Name: "Partner"})
			s.WABAs[0].ClientOf = []ClientAccess{{BusinessID: "777"}, {BusinessID: "777"}}
		}, want: "business 777 appears twice"},
		{name: "client permitted an unknown task", mutate: func(s *Seed) {
			s.Businesses = append(s.Businesses, Business{ID: "777", Name: "Partner"})
			s.WABAs[0].ClientOf = []ClientAccess{{BusinessID: "777", PermittedTasks: []string{"MANAGER"}}}
		}, want: `permitted task "MANAGER"`},
		{name: "subscription of an unknown app", mutate: func(s *Seed) {
			s.AppSubscriptions = map[string][]AppSubscription{"999": {sub()}}
		}, want: `app "999"`},
		{name: "unknown object", mutate: func(s *Seed) {
			bad := sub()
			bad.Object = "whatsapp"
			s.AppSubscriptions = map[string][]AppSubscription{fixtureApp: {bad}}
		}, want: `object "whatsapp"`},
		{name: "object twice", mutate: func(s *Seed) {
			s.AppSubscriptions = map[string][]AppSubscription{fixtureApp: {sub(), sub()}}
		}, want: "appears twice"},
		{name: "no callback", mutate: func(s *Seed) {
			bad := sub()
			bad.CallbackURL = ""
			s.AppSubscriptions = map[string][]AppSubscription{fixtureApp: {bad}}
		}, want: "no callback_url"},
		{name: "no fields", mutate: func(s *Seed) {
			bad := sub()
			bad.Fields = nil
			s.AppSubscriptions = map[string][]AppSubscription{fixtureApp: {bad}}
		}, want: "no fields"},
		{name: "bad version", mutate: func(s *Seed) {
			bad := sub()
			bad.Fields = []SubscribedField{{Name: "messages", Version: "26"}}
			s.AppSubscriptions = map[string][]AppSubscription{fixtureApp: {bad}}
		}, want: `version "26"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := DefaultSeed()
			tt.mutate(&seed)
			err := seed.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), tt.want) {
					t.Fatalf("New must panic on an invalid seed, recovered %v", r)
				}
			}()
			New(seed)
		})
	}
	if err := DefaultSeed().Validate(); err != nil {
		t.Fatalf("the default seed is invalid: %v", err)
	}
}

func TestLoadSeedRejectsInvalidOptions(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ file, content, want string }{
		{"shape.yaml", "subscribed_apps_shape: wide\n", `subscribed_apps_shape "wide"`},
		{"field.json", `{"apps":[{"id":"1"}],"app_subscriptions":{"1":[{"object":"page","callback_url":"https://h","fields":[{"name":"feed","extra":1}]}]}}`, `unknown field "extra"`},
		{"hidden.json", `{"tokens":[{"value":"t","hidden_wabas":["1"]}]}`, `tokens[0].hidden_wabas: WABA "1"`},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.file)
		if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := LoadSeed(path)
		if err == nil || !strings.Contains(err.Error(), tt.file) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to name the file and mention %q", tt.file, err, tt.want)
		}
	}
}
