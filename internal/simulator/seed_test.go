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
