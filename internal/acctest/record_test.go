package acctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// recordMode selects recording against the simulator.
func recordMode(t *testing.T) {
	t.Helper()
	t.Setenv(EnvMode, "record")
	t.Setenv(EnvAccessToken, "")
	t.Setenv(EnvOverwrite, "")
}

// startFake runs NewFixtureServer on a fake test and fails t if it did not
// return.
func startFake(t *testing.T, fake *fakeTB, opts ...Option) *FixtureServer {
	t.Helper()
	var f *FixtureServer
	if !fake.run(func() { f = NewFixtureServer(fake, opts...) }) {
		_, fatals, skips := fake.snapshot()
		t.Fatalf("NewFixtureServer stopped the test: fatals %q, skips %q", fatals, skips)
	}
	return f
}

// noFailures fails t if the fake test recorded any failure.
func noFailures(t *testing.T, fake *fakeTB) {
	t.Helper()
	if errs, fatals, _ := fake.snapshot(); len(errs)+len(fatals) > 0 || fake.Failed() {
		t.Fatalf("fixture server reported failures: %q %q", errs, fatals)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// simulatorSession is the request sequence the record-then-replay tests
// send: a form write, a paged list that now spans two pages, a JSON write
// with a verify_token, and two identical reads.
func simulatorSession(t *testing.T, f *FixtureServer, verifyToken string) []reply {
	t.Helper()
	waba := f.URL() + "/v26.0/102290129340398"
	tok := f.AccessToken()
	return []reply{
		send(t, "POST", waba+"/assigned_users", tok, "application/x-www-form-urlencoded", "user=100000000000104&tasks=%5B%22MANAGE%22%5D"),
		send(t, "GET", waba+"/assigned_users?business=506914307656634&limit=1", tok, "", ""),
		send(t, "POST", waba+"/subscribed_apps", tok, "application/json", `{"override_callback_uri":"https://hooks.example.com/wa","verify_token":"`+verifyToken+`"}`),
		send(t, "GET", waba+"/subscribed_apps", tok, "", ""),
		send(t, "GET", waba+"/subscribed_apps", tok, "", ""),
	}
}

func TestRecord_AgainstSimulatorThenReplay(t *testing.T) {
	recordMode(t)
	dir := t.TempDir()
	const name = "TestAccRecorded"

	rec := newFakeTB(t, name)
	f := startFake(t, rec, withCassetteDir(dir))
	if f.AccessToken() != "sim-access-token" {
		t.Fatalf("record AccessToken() = %q, want the seed's first token", f.AccessToken())
	}
	live := simulatorSession(t, f, "my-verify-token")
	for i, r := range live {
		if r.code != 200 {
			t.Fatalf("recording request %d = %d %s", i, r.code, r.body)
		}
	}
	// Scrubbing happens on save only: the provider sees Graph's real answer.
	if !strings.Contains(live[1].body, "access_token=sim-access-token") {
		t.Fatalf("live paging link was altered or missing: %s", live[1].body)
	}
	for _, r := range f.Requests() {
		if strings.Contains(r.Query+r.Body, "sim-access-token") {
			t.Fatalf("Requests() leaks the token: %+v", r)
		}
	}
	rec.finish()
	noFailures(t, rec)

	path := filepath.Join(dir, name+".yaml")
	text := readFile(t, path)
	for _, leak := range []string{"sim-access-token", "my-verify-token", "127.0.0.1", "Authorization", "Bearer"} {
		if strings.Contains(text, leak) {
			t.Errorf("cassette contains %q", leak)
		}
	}
	for _, want := range []string{
		"url: https://graph.facebook.com/v26.0/102290129340398/assigned_users?business=506914307656634&limit=1",
		"access_token=REDACTED",
		`"verify_token":"REDACTED"`,
		"User-Agent",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("cassette lacks %q", want)
		}
	}
	if problems := LintCassette(path); len(problems) > 0 {
		t.Errorf("recorded cassette fails the lint: %q", problems)
	}

	// Replay the same session offline, with another token and verify_token.
	t.Setenv(EnvMode, "replay")
	play := newFakeTB(t, name)
	g := startFake(t, play, withCassetteDir(dir))
	replayed := simulatorSession(t, g, "a-different-verify-token")
	for i := range live {
		if replayed[i].code != live[i].code {
			t.Errorf("request %d: replay %d, recorded %d", i, replayed[i].code, live[i].code)
		}
	}
	for _, i := range []int{0, 2, 3, 4} {
		if replayed[i].body != live[i].body {
			t.Errorf("request %d: replay body %s, recorded %s", i, replayed[i].body, live[i].body)
		}
	}
	if ids(t, replayed[1].body) != ids(t, live[1].body) {
		t.Errorf("paged list differs: %s vs %s", replayed[1].body, live[1].body)
	}
	if !strings.Contains(replayed[1].body, "access_token=REDACTED") {
		t.Errorf("replayed paging link is not the scrubbed one: %s", replayed[1].body)
	}
	play.finish()
	noFailures(t, play)
}

// ids lists the data[].id values of a Graph list response.
func ids(t *testing.T, body string) string {
	t.Helper()
	var list struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	var out []string
	for _, d := range list.Data {
		out = append(out, d.ID)
	}
	return strings.Join(out, ",")
}

func TestRecord_OneByteChangeInRecordedBodyFailsReplay(t *testing.T) {
	recordMode(t)
	dir := t.TempDir()
	const name = "TestAccOneByte"
	body := `{"override_callback_uri":"https://hooks.example.com/wa","verify_token":"vt"}`
	post := func(f *FixtureServer) reply {
		return send(t, "POST", f.URL()+"/v26.0/102290129340398/subscribed_apps", f.AccessToken(), "application/json", body)
	}

	rec := newFakeTB(t, name)
	if r := post(startFake(t, rec, withCassetteDir(dir))); r.code != 200 {
		t.Fatalf("recording = %d %s", r.code, r.body)
	}
	rec.finish()
	noFailures(t, rec)

	path := filepath.Join(dir, name+".yaml")
	text := readFile(t, path)
	if n := strings.Count(text, "hooks.example.com/wa"); n != 1 {
		t.Fatalf("expected the callback URL once in the cassette, found %d times:\n%s", n, text)
	}
	t.Setenv(EnvMode, "replay")

	// Unchanged, the cassette replays.
	ok := newFakeTB(t, name)
	if r := post(startFake(t, ok, withCassetteDir(dir))); r.code != 200 {
		t.Fatalf("unchanged replay = %d %s", r.code, r.body)
	}
	ok.finish()
	noFailures(t, ok)

	// One byte different in the recorded request body, and it must not.
	if err := os.WriteFile(path, []byte(strings.Replace(text, "hooks.example.com/wa", "hooks.example.com/wb", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := newFakeTB(t, name)
	if r := post(startFake(t, bad, withCassetteDir(dir))); r.code != http.StatusNotImplemented {
		t.Fatalf("replay against an edited body = %d %s, want 501", r.code, r.body)
	}
	bad.finish()
	errs, _, _ := bad.snapshot()
	mustContainOne(t, "error", errs, "no recorded interaction", "closest unused: interaction 0", "body: got", "hooks.example.com/wb")
	mustContainOne(t, "error", errs, "never requested")
}

func TestRecord_ScrubsTokenFromPagingLinksAndHeaders(t *testing.T) {
	recordMode(t)
	dir := t.TempDir()
	const secret = "test-app-secret-0123456789"
	var upstreamURL string
	upstream := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		next := "https://graph.facebook.com/v26.0/102290129340398/assigned_users?access_token=" + token +
			"&appsecret_proof=" + r.URL.Query().Get("appsecret_proof") + "&limit=1&after=QVFI"
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-App-Usage", `{"call_count":1,"note":"`+token+`"}`)
		w.Header().Set("X-Echo-Token", token)
		w.Header().Set("Set-Cookie", "session="+token)
		w.Header().Set("Date", "Mon, 01 Jan 2024 00:00:00 GMT")
		upstreamURL = "http://" + r.Host
		_ = json.NewEncoder(w).Encode(map[string]any{
			"data":   []map[string]string{{"id": "100000000000101"}},
			"paging": map[string]any{"next": next, "self": upstreamURL + r.URL.Path},
			"secret": "the app secret is " + secret,
		})
	})
	rec := newFakeTB(t, "TestAccScrub")
	f := startFake(t, rec, withCassetteDir(dir), withUpstream(upstream), WithAppSecret(secret))
	if f.AppSecret() != secret {
		t.Fatalf("AppSecret() = %q", f.AppSecret())
	}
	r := send(t, "GET", f.URL()+"/v26.0/102290129340398/assigned_users?business=506914307656634&appsecret_proof=feedface&access_token="+f.AccessToken(), f.AccessToken(), "", "")
	if r.code != 200 || !strings.Contains(r.body, "access_token=sim-access-token") || r.header.Get("X-Echo-Token") != "sim-access-token" {
		t.Fatalf("live response was altered: %d %v %s", r.code, r.header, r.body)
	}
	rec.finish()
	noFailures(t, rec)

	text := readFile(t, filepath.Join(dir, "TestAccScrub.yaml"))
	for _, leak := range []string{"sim-access-token", secret, "feedface", "X-Echo-Token", "Set-Cookie", "Date:", "Authorization", upstreamURL} {
		if strings.Contains(text, leak) {
			t.Errorf("cassette contains %q:\n%s", leak, text)
		}
	}
	for _, want := range []string{
		`access_token=REDACTED\u0026appsecret_proof=REDACTED\u0026limit=1\u0026after=QVFI`,
		`{"call_count":1,"note":"REDACTED"}`,
		"the app secret is REDACTED",
		"https://graph.facebook.com/v26.0/102290129340398/assigned_users",
		"url: https://graph.facebook.com/v26.0/102290129340398/assigned_users?business=506914307656634\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("cassette lacks %q:\n%s", want, text)
		}
	}
}

func TestRecord_RefusesToOverwriteWithoutFlag(t *testing.T) {
	recordMode(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "TestAccExisting.yaml")
	const original = "---\nversion: 2\ninteractions: []\n"
	if err := os.WriteFile(path, []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}

	guarded := newFakeTB(t, "TestAccExisting")
	if guarded.run(func() { NewFixtureServer(guarded, withCassetteDir(dir)) }) {
		t.Fatal("record mode started over an existing cassette")
	}
	_, fatals, _ := guarded.snapshot()
	mustContainOne(t, "fatal", fatals, path, "already exists", "WA_VCR_OVERWRITE=1")
	if readFile(t, path) != original {
		t.Fatal("the existing cassette was modified")
	}

	t.Setenv(EnvOverwrite, "1")
	again := newFakeTB(t, "TestAccExisting")
	f := startFake(t, again, withCassetteDir(dir))
	send(t, "GET", f.URL()+"/v26.0/102290129340398?fields=id", f.AccessToken(), "", "")
	again.finish()
	noFailures(t, again)
	if text := readFile(t, path); text == original || !strings.Contains(text, "fields=id") {
		t.Fatalf("WA_VCR_OVERWRITE=1 did not re-record:\n%s", text)
	}
}

func TestRecord_OnlyPassingTestsSave(t *testing.T) {
	recordMode(t)
	for _, outcome := range []string{"failed", "skipped"} {
		t.Run(outcome, func(t *testing.T) {
			dir := t.TempDir()
			fake := newFakeTB(t, "TestAccOutcome")
			fake.run(func() {
				f := NewFixtureServer(fake, withCassetteDir(dir))
				send(t, "GET", f.URL()+"/v26.0/102290129340398?fields=id", f.AccessToken(), "", "")
				if outcome == "failed" {
					fake.Errorf("the test under recording failed")
				} else {
					fake.Skip("the test under recording skipped")
				}
			})
			fake.finish()
			if _, err := os.Stat(filepath.Join(dir, "TestAccOutcome.yaml")); !os.IsNotExist(err) {
				t.Fatalf("a %s test saved its cassette (stat: %v)", outcome, err)
			}
		})
	}
}

func TestRecord_ConcurrentRequestsThenReplay(t *testing.T) {
	recordMode(t)
	dir := t.TempDir()
	paths := []string{
		"/v26.0/102290129340398?fields=id,name", "/v26.0/102290129340399?fields=id,name",
		"/v26.0/102290129340398/subscribed_apps", "/v26.0/102290129340398/phone_numbers",
		"/v26.0/102290129340398/assigned_users?business=506914307656634",
		"/v26.0/102290129340398?fields=id,name", "/v26.0/102290129340398/subscribed_apps",
		"/v26.0/102290129340399/assigned_users?business=506914307656634",
	}
	burst := func(f *FixtureServer) map[string]int {
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			codes = map[string]int{}
		)
		for _, p := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := send(t, "GET", f.URL()+p, f.AccessToken(), "", "")
				mu.Lock()
				codes[fmt.Sprint(r.code)]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		return codes
	}
	rec := newFakeTB(t, "TestAccBurst")
	recorded := burst(startFake(t, rec, withCassetteDir(dir)))
	rec.finish()
	noFailures(t, rec)

	t.Setenv(EnvMode, "replay")
	play := newFakeTB(t, "TestAccBurst")
	replayed := burst(startFake(t, play, withCassetteDir(dir)))
	play.finish()
	noFailures(t, play)
	if fmt.Sprint(recorded) != fmt.Sprint(replayed) {
		t.Fatalf("status codes recorded %v, replayed %v", recorded, replayed)
	}
}

func TestRecord_AgainstMetaRequiresTFAcc(t *testing.T) {
	t.Setenv(EnvMode, "record")
	t.Setenv(EnvAccessToken, "meta-token-for-test")
	t.Setenv(EnvTerraformAcc, "")
	fake := newFakeTB(t, "TestAccMeta")
	if fake.run(func() { NewFixtureServer(fake, withCassetteDir(t.TempDir())) }) {
		t.Fatal("recording against Meta started without TF_ACC")
	}
	_, fatals, skips := fake.snapshot()
	if len(fatals) > 0 {
		t.Fatalf("want a skip, got fatals %q", fatals)
	}
	mustContainOne(t, "skip", skips, "TF_ACC=1", EnvAccessToken)
}

// A local server stands in for Meta here: the Meta path must rewrite real
// IDs to fixture IDs and drop the real token.
func TestRecord_AgainstMetaRewritesRealIDs(t *testing.T) {
	const (
		realWABA     = "111111111111111"
		realBusiness = "222222222222222"
		realUser     = "333333333333333"
		metaToken    = "meta-token-for-test"
	)
	meta := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+metaToken {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[{"id":"` + realUser + `","business":{"id":"` + realBusiness + `"}}],"note":"` + realWABA + `1"}`))
	})
	srv := newLocalServer(t, meta)
	t.Setenv(EnvMode, "record")
	t.Setenv(EnvAccessToken, metaToken)
	t.Setenv(EnvTerraformAcc, "1")
	t.Setenv(EnvRecordBaseURL, srv)
	t.Setenv(EnvWABA, realWABA)
	t.Setenv(EnvBusiness, realBusiness)
	t.Setenv(EnvUsers, realUser+", 444444444444444")
	dir := t.TempDir()

	rec := newFakeTB(t, "TestAccMetaIDs")
	f := startFake(t, rec, withCassetteDir(dir))
	got := FixtureIDs(rec)
	if got.WABA != realWABA || got.Business != realBusiness || len(got.Users) != 2 || got.Users[0] != realUser {
		t.Fatalf("FixtureIDs against Meta = %+v", got)
	}
	if f.AccessToken() != metaToken {
		t.Fatalf("AccessToken() = %q", f.AccessToken())
	}
	r := send(t, "GET", f.URL()+"/v26.0/"+got.WABA+"/assigned_users?business="+got.Business, f.AccessToken(), "", "")
	if r.code != 200 {
		t.Fatalf("recording = %d", r.code)
	}
	rec.finish()
	noFailures(t, rec)
	text := readFile(t, filepath.Join(dir, "TestAccMetaIDs.yaml"))
	for _, leak := range []string{realWABA + "/", realBusiness, realUser, metaToken, srv} {
		if strings.Contains(text, leak) {
			t.Errorf("cassette contains %q:\n%s", leak, text)
		}
	}
	fx := fixtureIDs()
	for _, want := range []string{
		"https://graph.facebook.com/v26.0/" + fx.WABA + "/assigned_users?business=" + fx.Business,
		`"id":"` + fx.Users[0] + `"`,
		`"note":"` + realWABA + `1"`, // a longer number that merely starts with a real ID is left alone
	} {
		if !strings.Contains(text, want) {
			t.Errorf("cassette lacks %q:\n%s", want, text)
		}
	}
}

func TestLive_NeedsTFAccAndToken(t *testing.T) {
	t.Setenv(EnvMode, "live")
	for _, tc := range []struct{ tfAcc, token, wantSkip string }{
		{"", "tok", "TF_ACC=1"},
		{"1", "", EnvAccessToken},
	} {
		t.Setenv(EnvTerraformAcc, tc.tfAcc)
		t.Setenv(EnvAccessToken, tc.token)
		fake := newFakeTB(t, "TestAccLive")
		if fake.run(func() { NewFixtureServer(fake) }) {
			t.Fatalf("live mode started with TF_ACC=%q token=%q", tc.tfAcc, tc.token)
		}
		_, _, skips := fake.snapshot()
		mustContainOne(t, "skip", skips, tc.wantSkip)
	}

	t.Setenv(EnvTerraformAcc, "1")
	t.Setenv(EnvAccessToken, "live-token")
	t.Setenv(EnvAppSecret, "")
	t.Setenv(EnvRecordBaseURL, "https://graph.example.test/")
	fake := newFakeTB(t, "TestAccLive")
	f := startFake(t, fake)
	if f.URL() != "https://graph.example.test" || f.AccessToken() != "live-token" || f.AppSecret() != "" {
		t.Fatalf("live: URL %q token %q secret %q", f.URL(), f.AccessToken(), f.AppSecret())
	}
	if len(f.Requests()) != 0 {
		t.Fatal("live mode has no fixture server and sees no requests")
	}
	fake.finish()
	noFailures(t, fake)

	withSecret := newFakeTB(t, "TestAccLiveSecret")
	if withSecret.run(func() { NewFixtureServer(withSecret, WithAppSecret("ignored")) }) {
		t.Fatal("live mode with WithAppSecret but no WHATSAPP_APP_SECRET did not skip")
	}
	_, _, skips := withSecret.snapshot()
	mustContainOne(t, "skip", skips, EnvAppSecret)
}

func TestRecord_WithSeedAndAppSecret(t *testing.T) {
	recordMode(t)
	dir := t.TempDir()
	seed := simulator.DefaultSeed()
	seed.Tokens[0].Value = "custom-seed-token-42"
	const secret = "custom-app-secret-42"

	fake := newFakeTB(t, "TestAccSeeded")
	f := startFake(t, fake, withCassetteDir(dir), WithSeed(seed), WithAppSecret(secret))
	if f.AccessToken() != "custom-seed-token-42" || f.AppSecret() != secret {
		t.Fatalf("credentials = %q/%q, want the seed's token and the given secret", f.AccessToken(), f.AppSecret())
	}
	waba := f.URL() + "/v26.0/102290129340398?fields=id"
	if r := send(t, "GET", waba, f.AccessToken(), "", ""); r.code == 200 {
		t.Fatalf("the simulator did not require appsecret_proof: %s", r.body)
	}
	proof := simulator.AppSecretProof(secret, f.AccessToken())
	if r := send(t, "GET", waba+"&appsecret_proof="+proof, f.AccessToken(), "", ""); r.code != 200 {
		t.Fatalf("GET with appsecret_proof = %d %s", r.code, r.body)
	}
	fake.finish()
	noFailures(t, fake)
	text := readFile(t, filepath.Join(dir, "TestAccSeeded.yaml"))
	for _, leak := range []string{"custom-seed-token-42", secret, proof} {
		if strings.Contains(text, leak) {
			t.Errorf("cassette contains %q", leak)
		}
	}
}
