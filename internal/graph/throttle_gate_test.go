package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// throttlingGraph answers every call on waba with error 80008 and a Business
// Use Case header asking for regainMinutes, and every other call with an
// empty page. It counts the calls on waba.
func throttlingGraph(t *testing.T, waba string, regainMinutes string, hits *atomic.Int64) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if !strings.Contains(r.URL.Path, "/"+waba) {
			_, _ = w.Write([]byte(`{"data":[]}`))
			return
		}
		hits.Add(1)
		w.Header().Set("X-Business-Use-Case-Usage", `{"`+waba+`":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":`+regainMinutes+`}]}`)
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"message":"(#80008) There have been too many calls to this WhatsApp Business account.","type":"OAuthException","code":80008,"is_transient":true,"fbtrace_id":"GateTrace"}}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLongThrottleClosesTheObjectForTheRun(t *testing.T) {
	var hits atomic.Int64
	srv := throttlingGraph(t, "102290129340398", "45", &hits)
	c, err := New(Config{BaseURL: srv.URL, AccessToken: "gate-token", MaxRetries: 4, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.ListAssignedUsers(ctx, "102290129340398", "506914307656634"); !IsThrottled(err) {
		t.Fatalf("first read: %v, want the throttle", err)
	}
	// Another edge and the node of the same WABA: refused without a call.
	_, err = c.ListSubscribedApps(ctx, "102290129340398")
	ge, ok := AsError(err)
	if !ok || ge.Code != 80008 || ge.Path != "/102290129340398/subscribed_apps" || ge.FBTraceID != "GateTrace" {
		t.Fatalf("second read: %v, want the remembered throttle for this path", err)
	}
	if ge.RetryAfter <= 44*time.Minute || ge.RetryAfter > 45*time.Minute {
		t.Errorf("RetryAfter = %s, want what is left of 45 minutes", ge.RetryAfter)
	}
	if !strings.Contains(Hint(err), "about 45m0s") {
		t.Errorf("Hint = %q does not say how long to wait", Hint(err))
	}
	if _, err := c.GetBusinessAccount(ctx, "102290129340398"); !IsThrottled(err) {
		t.Fatalf("node read: %v, want the throttle", err)
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("%d calls reached the throttled WABA, want 1", n)
	}
	// Other objects are not affected.
	if _, err := c.ListSubscribedApps(ctx, "102290129340399"); err != nil {
		t.Errorf("another WABA: %v", err)
	}
}

func TestShortThrottleDoesNotCloseTheObject(t *testing.T) {
	var hits atomic.Int64
	srv := throttlingGraph(t, "102290129340398", "1", &hits)
	c, err := New(Config{BaseURL: srv.URL, AccessToken: "gate-token", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 {
		if _, err := c.ListSubscribedApps(ctx, "102290129340398"); !IsThrottled(err) {
			t.Fatalf("read: %v, want the throttle", err)
		}
	}
	if n := hits.Load(); n != 2 {
		t.Errorf("%d calls, want 2: a throttle short enough to wait for is asked about again", n)
	}
}

func TestGateKey(t *testing.T) {
	for path, want := range map[string]string{
		"/102290129340398/assigned_users": "102290129340398",
		"/102290129340398":                "102290129340398",
		"/app":                            "app",
		"":                                "",
	} {
		if got := gateKey(path); got != want {
			t.Errorf("gateKey(%q) = %q, want %q", path, got, want)
		}
	}
}
