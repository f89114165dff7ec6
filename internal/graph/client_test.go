package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testToken  = "test-access-token-0123456789abcdef"
	testSecret = "app-secret-0123456789abcdef"
	testWABA   = ExampleWABAID
	testBiz    = "500600700800900"
)

// seenRequest is what the fake Graph server received for one attempt.
type seenRequest struct {
	Method      string
	Path        string
	EscapedPath string
	RequestURI  string
	Query       url.Values
	Header      http.Header
	Body        string
}

// fakeGraph is a loopback Graph API stand-in that records every request and
// checks, for every one of them, that the token travels only in the
// Authorization header.
type fakeGraph struct {
	t     *testing.T
	srv   *httptest.Server
	mu    sync.Mutex
	token string
	seen  []seenRequest
	serve http.HandlerFunc
}

func newFakeGraph(t *testing.T, serve http.HandlerFunc) *fakeGraph {
	t.Helper()
	f := &fakeGraph{t: t, token: testToken, serve: serve}
	f.srv = httptest.NewServer(http.HandlerFunc(f.handle))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeGraph) handle(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		f.t.Errorf("reading the request body: %v", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	f.mu.Lock()
	token := f.token
	f.seen = append(f.seen, seenRequest{
		Method: r.Method, Path: r.URL.Path, EscapedPath: r.URL.EscapedPath(), RequestURI: r.RequestURI,
		Query: r.URL.Query(), Header: r.Header.Clone(), Body: string(data),
	})
	f.mu.Unlock()
	scheme := "Bearer "
	if strings.Contains(r.URL.Path, "/upload:") {
		// Meta's Resumable Upload API takes the bytes with the OAuth scheme.
		scheme = "OAuth "
	}
	if got, want := r.Header.Get("Authorization"), scheme+token; got != want {
		f.t.Errorf("%s %s: Authorization header = %q, want %q", r.Method, r.URL.Path, got, want)
	}
	if strings.Contains(r.RequestURI, token) || strings.Contains(r.RequestURI, url.QueryEscape(token)) {
		f.t.Errorf("%s: the access token appears in the request URL", r.Method)
	}
	if r.URL.Query().Has("access_token") {
		f.t.Errorf("%s %s: the request URL carries access_token", r.Method, r.URL.Path)
	}
	f.serve(w, r)
}

func (f *fakeGraph) URL() string { return f.srv.URL }

func (f *fakeGraph) requests() []seenRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seenRequest(nil), f.seen...)
}

func (f *fakeGraph) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.seen)
}

// countMatching counts the requests with this method whose path ends with suffix.
func (f *fakeGraph) countMatching(method, suffix string) int {
	n := 0
	for _, r := range f.requests() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) {
			n++
		}
	}
	return n
}

func newTestClient(t *testing.T, baseURL string, opts ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		BaseURL:      baseURL,
		AccessToken:  testToken,
		MaxRetries:   3,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: time.Millisecond,
	}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func withSecret(c *Config) { c.AppSecret = testSecret }

func withRetries(n int) func(*Config) { return func(c *Config) { c.MaxRetries = n } }

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// graphErr is a Graph error envelope.
func graphErr(code, subcode int, message string, transient bool) string {
	e := map[string]any{"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbCdEfGh123"}
	if subcode != 0 {
		e["error_subcode"] = subcode
	}
	if transient {
		e["is_transient"] = true
	}
	b, err := json.Marshal(map[string]any{"error": e})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// okGraph answers every call the client makes the way Graph does on success.
func okGraph(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method != http.MethodGet:
		writeJSON(w, 200, `{"success":true}`)
	case strings.HasSuffix(r.URL.Path, "/app"):
		writeJSON(w, 200, `{"id":"670843887433847","name":"Lucky Shrub","link":"https://www.facebook.com/games/?app_id=670843887433847"}`)
	case strings.HasSuffix(r.URL.Path, "/subscribed_apps"):
		writeJSON(w, 200, `{"data":[{"whatsapp_business_api_data":{"id":"670843887433847","name":"Lucky Shrub"}}]}`)
	case strings.HasSuffix(r.URL.Path, "/assigned_users"):
		writeJSON(w, 200, `{"data":[{"id":"1972555232742222","name":"sys","tasks":["MANAGE"]}]}`)
	default:
		writeJSON(w, 200, `{"id":"`+testWABA+`"}`)
	}
}

// everyCall makes one call of every kind the client offers.
func everyCall(ctx context.Context, c *Client) error {
	calls := []func() error{
		func() error { _, err := c.TokenApp(ctx); return err },
		func() error { _, err := c.GetBusinessAccount(ctx, testWABA); return err },
		func() error { _, err := c.ListSubscribedApps(ctx, testWABA); return err },
		func() error { _, err := c.ListAssignedUsers(ctx, testWABA, testBiz); return err },
		func() error {
			return c.SubscribeApp(ctx, testWABA, &CallbackOverride{URI: "https://hooks.example.com/wa", VerifyToken: "verify-me-please"})
		},
		func() error { return c.SubscribeApp(ctx, testWABA, nil) },
		func() error { return c.UnsubscribeApp(ctx, testWABA) },
		func() error { return c.AssignUser(ctx, testWABA, ExampleUserID, []string{"MANAGE"}) },
		func() error { return c.RemoveAssignedUser(ctx, testWABA, ExampleUserID) },
		func() error {
			return c.SetPhoneNumberWebhook(ctx, testWABA, ExamplePhoneNumberID, CallbackOverride{URI: "https://hooks.example.com/n", VerifyToken: "verify-me-please"})
		},
		func() error { return c.ClearPhoneNumberWebhook(ctx, testWABA, ExamplePhoneNumberID) },
	}
	for i, call := range calls {
		if err := call(); err != nil {
			return fmt.Errorf("call %d: %w", i, err)
		}
	}
	return nil
}

func TestAppSecretProofKnownVector(t *testing.T) {
	// The widely published HMAC-SHA256 example: key "key", message below.
	got := appSecretProof("The quick brown fox jumps over the lazy dog", "key")
	want := "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
	if got != want {
		t.Fatalf("appSecretProof = %s, want %s", got, want)
	}
}

func TestEveryRequestAuthProofUserAgentAndVersion(t *testing.T) {
	wantProof := appSecretProof(testToken, testSecret)
	cases := []struct {
		name      string
		opts      []func(*Config)
		wantProof bool
		wantUA    string
		wantVer   string
	}{
		{name: "defaults without app secret", wantUA: "terraform-provider-whatsapp/dev", wantVer: DefaultAPIVersion},
		{name: "with app secret", opts: []func(*Config){withSecret}, wantProof: true, wantUA: "terraform-provider-whatsapp/dev", wantVer: DefaultAPIVersion},
		{
			name: "custom version and user agent",
			opts: []func(*Config){withSecret, func(c *Config) {
				c.APIVersion = "v25.0"
				c.UserAgent = "terraform-provider-whatsapp/1.2.3 (+https://example.com)"
			}},
			wantProof: true, wantUA: "terraform-provider-whatsapp/1.2.3 (+https://example.com)", wantVer: "v25.0",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, okGraph)
			c := newTestClient(t, f.URL(), tc.opts...)
			if got := c.APIVersion(); got != tc.wantVer {
				t.Errorf("APIVersion() = %q, want %q", got, tc.wantVer)
			}
			if err := everyCall(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			reqs := f.requests()
			if len(reqs) < 9 {
				t.Fatalf("server saw %d requests, want at least 9", len(reqs))
			}
			methods := map[string]bool{}
			for _, r := range reqs {
				methods[r.Method] = true
				if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
					t.Errorf("%s %s: Authorization = %q", r.Method, r.Path, got)
				}
				if strings.Contains(r.RequestURI, testToken) {
					t.Errorf("%s %s: token in URL", r.Method, r.Path)
				}
				if got := r.Header.Get("User-Agent"); got != tc.wantUA {
					t.Errorf("%s %s: User-Agent = %q, want %q", r.Method, r.Path, got, tc.wantUA)
				}
				if got := r.Header.Get("Accept"); got != "application/json" {
					t.Errorf("%s %s: Accept = %q", r.Method, r.Path, got)
				}
				if !strings.HasPrefix(r.Path, "/"+tc.wantVer+"/") {
					t.Errorf("%s %s: path does not start with /%s/", r.Method, r.Path, tc.wantVer)
				}
				proofs := r.Query["appsecret_proof"]
				switch {
				case tc.wantProof && (len(proofs) != 1 || proofs[0] != wantProof):
					t.Errorf("%s %s: appsecret_proof = %v, want [%s]", r.Method, r.Path, proofs, wantProof)
				case !tc.wantProof && r.Query.Has("appsecret_proof"):
					t.Errorf("%s %s: appsecret_proof sent without an app secret", r.Method, r.Path)
				}
				if strings.Contains(r.Body, testToken) {
					t.Errorf("%s %s: token in the request body", r.Method, r.Path)
				}
			}
			for _, m := range []string{"GET", "POST", "DELETE"} {
				if !methods[m] {
					t.Errorf("no %s request was made", m)
				}
			}
		})
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	cases := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"missing token", Config{}, "access token is required"},
		{"blank token", Config{AccessToken: " \n\t "}, "access token is required"},
		{"token with inner space", Config{AccessToken: "EAAG abc123"}, "white space"},
		{"token with inner newline", Config{AccessToken: "EAAGabc\n123"}, "white space"},
		{"token with inner tab", Config{AccessToken: "EAAGabc\t123"}, "white space"},
		{"version without v and minor", Config{AccessToken: testToken, APIVersion: "25"}, "vMAJOR.MINOR"},
		{"version without v", Config{AccessToken: testToken, APIVersion: "25.0"}, "vMAJOR.MINOR"},
		{"version without minor", Config{AccessToken: testToken, APIVersion: "v25"}, "vMAJOR.MINOR"},
		{"version with patch", Config{AccessToken: testToken, APIVersion: "v25.0.1"}, "vMAJOR.MINOR"},
		{"http on a public host", Config{AccessToken: testToken, BaseURL: "http://graph.facebook.com"}, "plain http"},
		{"http on a private IP", Config{AccessToken: testToken, BaseURL: "http://10.0.0.5:8080"}, "plain http"},
		{"http on a look-alike host", Config{AccessToken: testToken, BaseURL: "http://localhost.example.com"}, "plain http"},
		{"not a URL", Config{AccessToken: testToken, BaseURL: "graph.facebook.com"}, "absolute http(s) URL"},
		{"other scheme", Config{AccessToken: testToken, BaseURL: "ftp://graph.facebook.com"}, "absolute http(s) URL"},
		{"query in base URL", Config{AccessToken: testToken, BaseURL: "https://graph.facebook.com?x=1"}, "must not carry"},
		{"user info in base URL", Config{AccessToken: testToken, BaseURL: "https://u:p@graph.facebook.com"}, "must not carry"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(tc.cfg)
			if err == nil {
				t.Fatalf("New succeeded (%v), want an error containing %q", c != nil, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", err, tc.wantErr)
			}
			if tok := strings.TrimSpace(tc.cfg.AccessToken); tok != "" && strings.Contains(err.Error(), tok) {
				t.Errorf("error %q repeats the token", err)
			}
			if c != nil {
				t.Errorf("New returned a client along with the error")
			}
		})
	}
}

func TestNewAcceptsSafeBaseURLs(t *testing.T) {
	for _, base := range []string{
		"", // the default
		"http://127.0.0.1:8080",
		"http://127.9.9.9",
		"http://localhost",
		"http://LOCALHOST:9999",
		"http://[::1]:8443",
		"https://graph.facebook.com",
		"https://graph.example.com:8443/prefix/",
		"https://10.0.0.5",
	} {
		t.Run(base, func(t *testing.T) {
			c, err := New(Config{AccessToken: testToken, BaseURL: base})
			if err != nil {
				t.Fatalf("New rejected %q: %v", base, err)
			}
			if strings.HasSuffix(c.cfg.BaseURL, "/") {
				t.Errorf("base URL %q kept its trailing slash", c.cfg.BaseURL)
			}
		})
	}
}

func TestNewTrimsTokenAndSecret(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL()+"/", func(c *Config) {
		c.AccessToken = "  " + testToken + "\r\n"
		c.AppSecret = testSecret + "\n"
	})
	if _, err := c.TokenApp(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests, want 1", len(reqs))
	}
	if got := reqs[0].Header.Get("Authorization"); got != "Bearer "+testToken {
		t.Errorf("Authorization = %q, want the trimmed token", got)
	}
	if got, want := reqs[0].Query.Get("appsecret_proof"), appSecretProof(testToken, testSecret); got != want {
		t.Errorf("appsecret_proof = %q, want the proof of the trimmed token and secret %q", got, want)
	}
	if got := reqs[0].Path; got != "/"+DefaultAPIVersion+"/app" {
		t.Errorf("path = %q: the trailing slash of the base URL leaked into it", got)
	}
}

func TestRedirectIsNotFollowed(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/elsewhere") {
			writeJSON(w, 200, `{"id":"1"}`)
			return
		}
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	})
	c := newTestClient(t, f.URL())
	_, err := c.TokenApp(context.Background())
	if err == nil {
		t.Fatal("TokenApp succeeded through a redirect")
	}
	if n := f.countMatching("GET", "/elsewhere"); n != 0 {
		t.Errorf("the redirect target was requested %d times", n)
	}
	ge, ok := AsError(err)
	if !ok || ge.HTTPStatus != http.StatusFound {
		t.Errorf("err = %v, want a *Error with HTTP 302", err)
	}
}

func TestTransportErrorHidesSecrets(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close() // nothing listens there any more
	c := newTestClient(t, base, withSecret, withRetries(1))
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err == nil {
		t.Fatal("want an error from a closed server")
	}
	msg := err.Error()
	for name, s := range map[string]string{"token": testToken, "secret": testSecret, "proof": appSecretProof(testToken, testSecret)} {
		if strings.Contains(msg, s) {
			t.Errorf("the error %q contains the %s", msg, name)
		}
	}
	if !isUnreachable(err) {
		t.Errorf("error %q is not an *UnreachableError", msg)
	}
	if st := c.stats(); st.Attempts != 2 || st.Retries != 1 {
		t.Errorf("Stats = %+v, want 2 attempts and 1 retry", st)
	}
}

func TestErrorMessagesAreMasked(t *testing.T) {
	proof := appSecretProof(testToken, testSecret)
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, graphErr(100, 0, "Invalid parameter: token "+testToken+" with appsecret_proof="+proof, false))
	})
	c := newTestClient(t, f.URL(), withSecret)
	_, err := c.GetBusinessAccount(context.Background(), testWABA)
	if err == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(err.Error(), testToken) || strings.Contains(err.Error(), proof) {
		t.Errorf("error %q leaks a secret", err)
	}
	if !strings.Contains(err.Error(), "Invalid parameter") {
		t.Errorf("error %q lost the message", err)
	}
}

func TestStatsCountAttemptsAndRetries(t *testing.T) {
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			writeJSON(w, 503, graphErr(2, 0, "Service temporarily unavailable", true))
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	if st := c.stats(); st != (attemptStats{}) {
		t.Fatalf("a new client has Stats %+v", st)
	}
	if _, err := c.TokenApp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := c.stats(); st.Attempts != 3 || st.Retries != 2 {
		t.Errorf("after two failures and a success Stats = %+v, want 3 attempts and 2 retries", st)
	}
	if _, err := c.GetBusinessAccount(context.Background(), testWABA); err != nil {
		t.Fatal(err)
	}
	if st := c.stats(); st.Attempts != 4 || st.Retries != 2 {
		t.Errorf("after one more clean call Stats = %+v, want 4 attempts and 2 retries", st)
	}
	if f.count() != 4 {
		t.Errorf("server saw %d requests, want 4", f.count())
	}
}

func TestRetryResendsTheSameBody(t *testing.T) {
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			writeJSON(w, 500, "")
			return
		}
		writeJSON(w, 200, `{"success":true}`)
	})
	c := newTestClient(t, f.URL())
	if err := c.SubscribeApp(context.Background(), testWABA, &CallbackOverride{URI: "https://hooks.example.com/x", VerifyToken: "vt-1234"}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests, want 2", len(reqs))
	}
	if reqs[0].Body == "" || reqs[0].Body != reqs[1].Body {
		t.Errorf("retry body %q differs from the first %q", reqs[1].Body, reqs[0].Body)
	}
	if reqs[1].Header.Get("Content-Type") != "application/json" {
		t.Errorf("retry lost its Content-Type: %q", reqs[1].Header.Get("Content-Type"))
	}
}

func TestSuccessStatusWithUnexpectedJSONShape(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `["not","an","object"]`)
	})
	c := newTestClient(t, f.URL())
	_, err := c.TokenApp(context.Background())
	ge, ok := AsError(err)
	if !ok {
		t.Fatalf("err = %v, want a *Error", err)
	}
	if ge.HTTPStatus != 200 || !strings.Contains(ge.Message, "not the JSON Graph sends") {
		t.Errorf("got %+v", ge)
	}
	if f.count() != 1 {
		t.Errorf("valid JSON of the wrong shape was retried: %d requests", f.count())
	}
}

func TestPathSegmentEscapesIDs(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	if _, err := c.GetBusinessAccount(context.Background(), " 12/34?x=1 "); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests", len(reqs))
	}
	if got, want := reqs[0].EscapedPath, "/"+DefaultAPIVersion+"/12%2F34%3Fx=1"; got != want {
		t.Errorf("escaped path = %q, want %q", got, want)
	}
	if reqs[0].Query.Has("x") {
		t.Errorf("an ID changed the query: %v", reqs[0].Query)
	}
}

func TestEndpointKeepsCallerQuery(t *testing.T) {
	c := newTestClient(t, "https://graph.example.com", withSecret)
	q := url.Values{"fields": {"id,name"}}
	u, err := url.Parse(c.endpoint("/123", q))
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/"+DefaultAPIVersion+"/123" {
		t.Errorf("path = %q", u.Path)
	}
	if got := u.Query().Get("fields"); got != "id,name" {
		t.Errorf("fields = %q", got)
	}
	if u.Query().Get("appsecret_proof") == "" {
		t.Error("appsecret_proof missing")
	}
	if q.Has("appsecret_proof") {
		t.Error("endpoint modified the caller's query values")
	}
}

func TestBodyEncoders(t *testing.T) {
	ct, data, err := formBody{"user": {"1"}, "tasks": {`["A"]`}}.encode()
	if err != nil || ct != "application/x-www-form-urlencoded" || string(data) != "tasks=%5B%22A%22%5D&user=1" {
		t.Errorf("formBody.encode = %q, %q, %v", ct, data, err)
	}
	ct, data, err = jsonBody{map[string]string{"a": "b"}}.encode()
	if err != nil || ct != "application/json" || string(data) != `{"a":"b"}` {
		t.Errorf("jsonBody.encode = %q, %q, %v", ct, data, err)
	}
	c := newTestClient(t, "https://graph.example.com")
	err = c.do(context.Background(), "POST", "/x", nil, jsonBody{func() {}}, nil)
	if err == nil || !strings.Contains(err.Error(), "encoding the POST /x request") {
		t.Errorf("an unencodable body gave %v", err)
	}
	if c.stats().Attempts != 0 {
		t.Errorf("a request was attempted with an unencodable body")
	}
}

func TestContextAlreadyCancelled(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.GetBusinessAccount(ctx, testWABA)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want one wrapping context.Canceled", err)
	}
	if f.count() != 0 {
		t.Errorf("a cancelled call reached the server %d times", f.count())
	}
}

func readCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestDoWithoutOutputAndWithABadMethod(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `anything, not even JSON`) })
	c := newTestClient(t, f.URL(), withRetries(0))
	if err := c.do(context.Background(), "DELETE", "/x", nil, nil, nil); err != nil {
		t.Errorf("do without an output = %v, want nil", err)
	}
	err := c.do(context.Background(), "BAD METHOD", "/x", nil, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "building the BAD METHOD /x request") {
		t.Errorf("a bad method gave %v", err)
	}
	if f.count() != 1 {
		t.Errorf("%d requests, want 1", f.count())
	}
}
