package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

type logRecord struct {
	level  string
	msg    string
	fields map[string]any
}

// recordingLogger keeps every log call the client makes.
type recordingLogger struct {
	mu      sync.Mutex
	records []logRecord
}

func (l *recordingLogger) add(level, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, logRecord{level: level, msg: msg, fields: fields})
}

func (l *recordingLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.add("debug", msg, fields)
}

func (l *recordingLogger) Trace(_ context.Context, msg string, fields map[string]any) {
	l.add("trace", msg, fields)
}

func (l *recordingLogger) Warn(_ context.Context, msg string, fields map[string]any) {
	l.add("warn", msg, fields)
}

func (l *recordingLogger) all() []logRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logRecord(nil), l.records...)
}

func (l *recordingLogger) find(level, msg string) []logRecord {
	var out []logRecord
	for _, r := range l.all() {
		if r.level == level && r.msg == msg {
			out = append(out, r)
		}
	}
	return out
}

func TestLogsNeverHoldSecrets(t *testing.T) {
	const verifyToken = "vt-9f8e7d6c5b4a-secret"
	proof := appSecretProof(testToken, testSecret)
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		// Echo the credentials back the way a careless proxy might.
		w.Header().Set("X-Echo-Authorization", r.Header.Get("Authorization"))
		w.Header().Set("X-Echo-Query", r.URL.RawQuery)
		w.Header().Set("X-Fb-Trace-Id", "TRACE123")
		w.Header().Set("X-Business-Use-Case-Usage", bucHeader(testWABA, 0))
		if n.Add(1) == 1 {
			writeJSON(w, 503, graphErr(2, 0, "Service temporarily unavailable for "+testToken, true))
			return
		}
		okGraph(w, r)
	})
	rec := &recordingLogger{}
	c := newTestClient(t, f.URL(), withSecret, func(c *Config) { c.Logger = rec })
	ctx := context.Background()
	err := c.SubscribeApp(ctx, testWABA, &CallbackOverride{URI: "https://hooks.example.com/wa", VerifyToken: verifyToken})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.FindTokenAppSubscription(ctx, testWABA); err != nil {
		t.Fatal(err)
	}
	if err := c.AssignUser(ctx, testWABA, "42", []string{"MANAGE"}); err != nil {
		t.Fatal(err)
	}

	records := rec.all()
	if len(records) < 10 {
		t.Fatalf("only %d log records", len(records))
	}
	secrets := map[string]string{"access token": testToken, "app secret": testSecret, "appsecret_proof": proof, "verify token": verifyToken}
	for i, r := range records {
		text := r.msg + " " + fmt.Sprintf("%v", r.fields)
		for name, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("record %d (%s %q) contains the %s: %s", i, r.level, r.msg, name, text)
			}
		}
	}

	// The logs are still useful: each kind of record is there.
	for _, want := range []struct{ level, msg string }{
		{"debug", "Graph API request"},
		{"debug", "Graph API response"},
		{"trace", "Graph API request headers"},
		{"trace", "Graph API response headers"},
		{"trace", "Graph API request body"},
		{"trace", "Graph API response body"},
		{"warn", "retrying Graph API request"},
		{"debug", "Graph API rate-limit usage"},
	} {
		if len(rec.find(want.level, want.msg)) == 0 {
			t.Errorf("no %s record %q", want.level, want.msg)
		}
	}
	bodies := rec.find("trace", "Graph API request body")
	if got := fmt.Sprint(bodies[0].fields["http_body"]); !strings.Contains(got, `"verify_token":"***"`) || !strings.Contains(got, "hooks.example.com") {
		t.Errorf("request body log = %s, want the override with a masked verify_token", got)
	}
	reqLogs := rec.find("debug", "Graph API request")
	if u := fmt.Sprint(reqLogs[0].fields["http_url"]); !strings.Contains(u, "appsecret_proof=***") {
		t.Errorf("request URL log = %s, want a masked appsecret_proof", u)
	}
	hdrs := rec.find("trace", "Graph API request headers")
	if h := fmt.Sprint(hdrs[0].fields["http_headers"]); !strings.Contains(h, "Bearer ***") {
		t.Errorf("request header log = %s, want a masked Authorization", h)
	}
	warns := rec.find("warn", "retrying Graph API request")
	if warns[0].fields["attempt"] != 2 {
		t.Errorf("retry log attempt = %v, want 2", warns[0].fields["attempt"])
	}
	resp := rec.find("debug", "Graph API response")
	if resp[0].fields["fbtrace_id"] != "TRACE123" || resp[0].fields["http_status"] != 503 {
		t.Errorf("response log = %v", resp[0].fields)
	}
}

func TestTransportFailureLogIsMasked(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	base := f.URL()
	f.srv.Close()
	rec := &recordingLogger{}
	c := newTestClient(t, base, withSecret, withRetries(0), func(c *Config) { c.Logger = rec })
	if _, err := c.TokenApp(context.Background()); err == nil {
		t.Fatal("want a connection error")
	}
	failed := rec.find("debug", "Graph API request failed")
	if len(failed) != 1 {
		t.Fatalf("%d failure records, want 1", len(failed))
	}
	text := fmt.Sprint(failed[0].fields)
	if strings.Contains(text, appSecretProof(testToken, testSecret)) || strings.Contains(text, testToken) {
		t.Errorf("failure log leaks a secret: %s", text)
	}
}

func TestMaskerText(t *testing.T) {
	m := newMasker("literal-secret-value", "abc", "  ")
	cases := []struct {
		name, in, want string
	}{
		{"literal secret", "token literal-secret-value in text", "token *** in text"},
		{"short secrets are ignored", "abc def", "abc def"},
		{"query access_token", "https://g/x?access_token=EAAB1&limit=1", "https://g/x?access_token=***&limit=1"},
		{"query second param", "https://g/x?limit=1&appsecret_proof=deadbeef#frag", "https://g/x?limit=1&appsecret_proof=***#frag"},
		{"form body first param", "verify_token=hello&user=1", "verify_token=***&user=1"},
		{"form body several", "input_token=a&client_secret=b&appsecret_time=c", "input_token=***&client_secret=***&appsecret_time=***"},
		{"repeated param", "?access_token=a&access_token=b", "?access_token=***&access_token=***"},
		{"JSON body", `{"override_callback_uri":"https://x","verify_token":"s3cr\"et"}`, `{"override_callback_uri":"https://x","verify_token":"***"}`},
		{"JSON with spaces", `{"access_token" : "EAAB"}`, `{"access_token" : "***"}`},
		{"not a secret param", "?my_access_token_hint=x&verify_tokens=y", "?my_access_token_hint=x&verify_tokens=y"},
		{"nothing to mask", "plain text", "plain text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := m.text(tc.in); got != tc.want {
				t.Errorf("text(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMaskerURLAndHeaders(t *testing.T) {
	m := newMasker(testToken, testSecret)
	u, _ := url.Parse("https://graph.facebook.com/v26.0/1?appsecret_proof=0123abcd&fields=id")
	if got := m.url(u); got != "https://graph.facebook.com/v26.0/1?appsecret_proof=***&fields=id" {
		t.Errorf("url = %q", got)
	}
	h := http.Header{}
	h.Set("Authorization", "Bearer "+testToken)
	h.Set("X-Other", "carries "+testSecret)
	h.Add("X-Multi", "a")
	h.Add("X-Multi", "b")
	got := m.headers(h)
	if got["Authorization"] != "Bearer ***" {
		t.Errorf("Authorization = %q", got["Authorization"])
	}
	if got["X-Other"] != "carries ***" {
		t.Errorf("X-Other = %q", got["X-Other"])
	}
	if got["X-Multi"] != "a, b" {
		t.Errorf("X-Multi = %q", got["X-Multi"])
	}
	lower := m.headers(http.Header{"authorization": {"OAuth " + testToken}})
	if lower["authorization"] != "OAuth ***" {
		t.Errorf("lower-case authorization = %q", lower["authorization"])
	}
	bare := m.headers(http.Header{"Authorization": {testToken}})
	if bare["Authorization"] != "***" {
		t.Errorf("authorization without a scheme = %q", bare["Authorization"])
	}
}

func TestNopLogger(t *testing.T) {
	c := newTestClient(t, "https://graph.example.com")
	if _, ok := c.cfg.Logger.(nopLogger); !ok {
		t.Fatalf("default logger is %T", c.cfg.Logger)
	}
	// Must not panic.
	c.cfg.Logger.Debug(context.Background(), "x", nil)
	c.cfg.Logger.Trace(context.Background(), "x", nil)
	c.cfg.Logger.Warn(context.Background(), "x", nil)
}
