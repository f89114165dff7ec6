package acctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

func TestReplay_CanonicalMatchingAndOrder(t *testing.T) {
	replayMode(t)
	fake := newFakeTB(t, "TestReplay_CanonicalMatchingAndOrder")
	var f *FixtureServer
	if !fake.run(func() { f = NewFixtureServer(fake, WithCassette("replay_basics")) }) {
		t.Fatalf("NewFixtureServer did not return: %v", fake.fatals)
	}
	if f.AccessToken() != "replay-access-token" || f.AppSecret() != "" {
		t.Fatalf("replay credentials = %q/%q", f.AccessToken(), f.AppSecret())
	}
	if !strings.HasPrefix(f.URL(), "http://127.0.0.1:") {
		t.Fatalf("URL() = %q, want the local server", f.URL())
	}
	base := f.URL() + "/v26.0/102290129340398"
	tok := f.AccessToken()

	// Query in another order, with credentials the matcher ignores.
	r := send(t, "GET", base+"/assigned_users?fields=id,name,tasks&appsecret_proof=abc&business=506914307656634&access_token="+tok, tok, "", "")
	if r.code != 200 || !strings.Contains(r.body, `"name":"Ada"`) {
		t.Fatalf("GET assigned_users = %d %s", r.code, r.body)
	}
	if got := r.header.Get("X-Business-Use-Case-Usage"); !strings.Contains(got, `"call_count":1`) {
		t.Errorf("recorded usage header not replayed: %q", got)
	}
	if got := r.header.Get("Facebook-Api-Version"); got != "v26.0" {
		t.Errorf("facebook-api-version = %q", got)
	}
	// Form body with the keys the other way round.
	r = send(t, "POST", base+"/assigned_users", tok, "application/x-www-form-urlencoded", "user=100000000000101&tasks=%5B%22MANAGE%22%5D")
	if r.code != 200 || r.body != `{"success":true}` {
		t.Fatalf("POST assigned_users = %d %s", r.code, r.body)
	}
	// JSON in another key order and a verify_token the cassette redacted.
	r = send(t, "POST", base+"/subscribed_apps", tok, "application/json", `{"verify_token":"my-real-verify-token","override_callback_uri":"https://hooks.example.com/wa"}`)
	if r.code != 200 {
		t.Fatalf("POST subscribed_apps = %d %s", r.code, r.body)
	}
	// Identical requests replay in recorded order.
	first := send(t, "GET", base+"/subscribed_apps", tok, "", "")
	second := send(t, "GET", base+"/subscribed_apps", tok, "", "")
	if first.body != `{"data":[]}` || !strings.Contains(second.body, "670843887433847") {
		t.Fatalf("identical GETs replayed out of order: %q then %q", first.body, second.body)
	}
	// Error responses replay status, headers and body exactly.
	r = send(t, "DELETE", base+"/assigned_users?user=100000000000105", tok, "", "")
	if r.code != 400 || r.header.Get("X-Fb-Trace-Id") != "AbCdEf" ||
		r.body != `{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"AbCdEf"}}` {
		t.Fatalf("DELETE = %d %v %s", r.code, r.header, r.body)
	}

	if n := f.Count("GET", "/subscribed_apps"); n != 2 {
		t.Errorf("Count(GET, /subscribed_apps) = %d, want 2", n)
	}
	if n := f.Count("POST", "/assigned_users"); n != 1 {
		t.Errorf("Count(POST, /assigned_users) = %d, want 1", n)
	}
	reqs := f.Requests()
	if len(reqs) != 6 {
		t.Fatalf("Requests() has %d entries, want 6", len(reqs))
	}
	if got := reqs[0]; got.Method != "GET" || got.Path != "/v26.0/102290129340398/assigned_users" ||
		got.Query != "business=506914307656634&fields=id%2Cname%2Ctasks" {
		t.Errorf("Requests()[0] = %+v (secrets must be dropped, keys sorted)", got)
	}
	if got := reqs[1].Body; got != "tasks=%5B%22MANAGE%22%5D&user=100000000000101" {
		t.Errorf("Requests()[1].Body = %q", got)
	}
	if got := reqs[2].Body; got != `{"override_callback_uri":"https://hooks.example.com/wa","verify_token":"my-real-verify-token"}` {
		t.Errorf("Requests()[2].Body = %q", got)
	}

	fake.finish()
	if errs, fatals, _ := fake.snapshot(); len(errs)+len(fatals) > 0 {
		t.Fatalf("a fully replayed cassette reported failures: %q %q", errs, fatals)
	}
}

func TestReplay_UnmatchedRequestAnswers501AndFails(t *testing.T) {
	replayMode(t)
	fake := newFakeTB(t, "TestReplay_Unmatched")
	var f *FixtureServer
	fake.run(func() { f = NewFixtureServer(fake, WithCassette("replay_single")) })
	if f == nil {
		t.Fatal("no fixture server")
	}
	r := send(t, "GET", f.URL()+"/v26.0/102290129340398?fields=id", f.AccessToken(), "", "")
	if r.code != http.StatusNotImplemented {
		t.Fatalf("status = %d, want 501", r.code)
	}
	if r.header.Get("X-Fixture-Unmatched") != "1" {
		t.Errorf("missing X-Fixture-Unmatched header: %v", r.header)
	}
	var graphErr struct {
		Error struct {
			Message string `json:"message"`
			Type    string `json:"type"`
			Code    int    `json:"code"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(r.body), &graphErr); err != nil {
		t.Fatalf("501 body is not Graph-shaped JSON: %v: %s", err, r.body)
	}
	if graphErr.Error.Type != "FixtureMismatch" || graphErr.Error.Code != -1 ||
		!strings.HasPrefix(graphErr.Error.Message, "fixture: no recorded interaction matches GET /v26.0/102290129340398?fields=id") {
		t.Errorf("501 error = %+v", graphErr.Error)
	}
	errs, _, _ := fake.snapshot()
	mustContainOne(t, "error", errs, "no recorded interaction", "GET /v26.0/102290129340398?fields=id",
		"closest unused: interaction 0", `query: got "fields=id", recorded "fields=id%2Cname"`)

	// The unmatched request consumed nothing: the real one still replays.
	if r := send(t, "GET", f.URL()+"/v26.0/102290129340398?fields=id,name", f.AccessToken(), "", ""); r.code != 200 {
		t.Fatalf("matching request after a mismatch = %d %s", r.code, r.body)
	}
	// Once everything is used, a repeat has no candidate left.
	if r := send(t, "GET", f.URL()+"/v26.0/102290129340398?fields=id,name", f.AccessToken(), "", ""); r.code != 501 {
		t.Fatalf("a request beyond the recording = %d, want 501", r.code)
	}
	errs, _, _ = fake.snapshot()
	mustContainOne(t, "error", errs, "closest unused: none: all 1 recorded interactions were already served")
	fake.finish()
	if errs, _, _ := fake.snapshot(); len(errs) != 2 {
		t.Fatalf("want only the two mismatch errors, got %q", errs)
	}
}

func TestReplay_UnusedInteractionFailsAtCleanup(t *testing.T) {
	replayMode(t)
	for _, tc := range []struct {
		name    string
		paths   []string
		wantErr bool
	}{
		{"one unused", []string{"/v26.0/102290129340398?fields=id"}, true},
		{"all used", []string{"/v26.0/102290129340398?fields=id", "/v26.0/102290129340399?fields=id"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := newFakeTB(t, "TestReplay_Unused")
			var f *FixtureServer
			fake.run(func() { f = NewFixtureServer(fake, WithCassette("replay_two")) })
			for _, p := range tc.paths {
				if r := send(t, "GET", f.URL()+p, f.AccessToken(), "", ""); r.code != 200 {
					t.Fatalf("GET %s = %d", p, r.code)
				}
			}
			if fake.Failed() {
				t.Fatal("failed before cleanup")
			}
			fake.finish()
			errs, _, _ := fake.snapshot()
			if !tc.wantErr {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %q", errs)
				}
				return
			}
			mustContainOne(t, "error", errs, "1 of 2 recorded interactions", "never requested",
				"interaction 1: GET https://graph.facebook.com/v26.0/102290129340399?fields=id")
		})
	}
}

func TestReplay_ConcurrentIdenticalRequestsEachServeOnce(t *testing.T) {
	replayMode(t)
	fake := newFakeTB(t, "TestReplay_Concurrent")
	var f *FixtureServer
	fake.run(func() { f = NewFixtureServer(fake, WithCassette("replay_concurrent")) })
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		bodies []string
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := send(t, "GET", f.URL()+"/v26.0/102290129340398/phone_numbers", f.AccessToken(), "", "")
			mu.Lock()
			bodies = append(bodies, fmt.Sprint(r.code, " ", r.body))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(bodies)
	for i, b := range bodies {
		if want := fmt.Sprintf(`200 {"n":%d}`, i); b != want {
			t.Fatalf("responses = %q; want each recorded answer exactly once", bodies)
		}
	}
	fake.finish()
	if fake.Failed() {
		errs, _, _ := fake.snapshot()
		t.Fatalf("unexpected failure: %q", errs)
	}
}

func TestReplay_MissingCassetteIsFatal(t *testing.T) {
	replayMode(t)
	fake := newFakeTB(t, "TestDoesNotExist/sub_case")
	completed := fake.run(func() { NewFixtureServer(fake, withCassetteDir(t.TempDir())) })
	if completed {
		t.Fatal("NewFixtureServer returned for a missing cassette")
	}
	_, fatals, skips := fake.snapshot()
	if len(skips) > 0 {
		t.Fatalf("a missing cassette must not skip: %q", skips)
	}
	mustContainOne(t, "fatal", fatals, "TestDoesNotExist__sub_case.yaml not found",
		"record it with: WA_VCR_MODE=record go test ./internal/acctest -run '^TestDoesNotExist$/^sub_case$'")
}

func TestReplay_UnreadableCassetteIsFatal(t *testing.T) {
	replayMode(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("version: 2\ninteractions: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fake := newFakeTB(t, "broken")
	if fake.run(func() { NewFixtureServer(fake, withCassetteDir(dir)) }) {
		t.Fatal("NewFixtureServer returned for an unparsable cassette")
	}
	_, fatals, _ := fake.snapshot()
	mustContainOne(t, "fatal", fatals, "loading cassette", "broken.yaml")
}

func TestInvalidModeIsFatal(t *testing.T) {
	t.Setenv(EnvMode, "replay-ish")
	if CurrentMode().Valid() {
		t.Fatalf("mode %q reported valid", CurrentMode())
	}
	fake := newFakeTB(t, "TestInvalidMode")
	if fake.run(func() { NewFixtureServer(fake) }) {
		t.Fatal("NewFixtureServer accepted an unknown mode")
	}
	_, fatals, _ := fake.snapshot()
	mustContainOne(t, "fatal", fatals, `WA_VCR_MODE="replay-ish"`)
}

func TestCurrentMode(t *testing.T) {
	for env, want := range map[string]Mode{"": ModeReplay, "replay": ModeReplay, " Record ": ModeRecord, "LIVE": ModeLive} {
		t.Setenv(EnvMode, env)
		if got := CurrentMode(); got != want || !got.Valid() {
			t.Errorf("%s=%q: CurrentMode() = %q, want %q", EnvMode, env, got, want)
		}
	}
}

func TestReplay_WithAppSecret(t *testing.T) {
	replayMode(t)
	fake := newFakeTB(t, "TestReplay_WithAppSecret")
	var f *FixtureServer
	fake.run(func() { f = NewFixtureServer(fake, WithCassette("replay_single"), WithAppSecret("replay-app-secret")) })
	if f.AppSecret() != "replay-app-secret" {
		t.Fatalf("AppSecret() = %q", f.AppSecret())
	}
	// appsecret_proof and appsecret_time differ every run and never match.
	if r := send(t, "GET", f.URL()+"/v26.0/102290129340398?fields=id,name&appsecret_proof=0123abcd&appsecret_time=1700000000", f.AccessToken(), "", ""); r.code != 200 {
		t.Fatalf("GET with appsecret_proof = %d %s", r.code, r.body)
	}
	fake.finish()
	if fake.Failed() {
		t.Fatal("unexpected failure")
	}
}

func TestCassettePath(t *testing.T) {
	fake := newFakeTB(t, "TestAccThing/step_one")
	if got, want := CassettePath(fake), filepath.Join("testdata", "cassettes", "TestAccThing__step_one.yaml"); got != want {
		t.Fatalf("CassettePath = %q, want %q", got, want)
	}
}
