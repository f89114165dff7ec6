package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
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
	srv := throttlingGraph(t, ExampleWABAID, "45", &hits)
	c, err := New(Config{BaseURL: srv.URL, AccessToken: "gate-token", MaxRetries: 4, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.ListAssignedUsers(ctx, ExampleWABAID, ExampleBusinessID); !isThrottled(err) {
		t.Fatalf("first read: %v, want the throttle", err)
	}
	// Another edge and the node of the same WABA: refused without a call.
	_, err = c.ListSubscribedApps(ctx, ExampleWABAID)
	ge, ok := AsError(err)
	if !ok || ge.Code != 80008 || ge.Path != "/"+ExampleWABAID+"/subscribed_apps" || ge.FBTraceID != "GateTrace" {
		t.Fatalf("second read: %v, want the remembered throttle for this path", err)
	}
	if ge.RetryAfter <= 44*time.Minute || ge.RetryAfter > 45*time.Minute {
		t.Errorf("RetryAfter = %s, want what is left of 45 minutes", ge.RetryAfter)
	}
	if !strings.Contains(Hint(err), "about 45m0s") {
		t.Errorf("Hint = %q does not say how long to wait", Hint(err))
	}
	if _, err := c.GetBusinessAccount(ctx, ExampleWABAID); !isThrottled(err) {
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
	srv := throttlingGraph(t, ExampleWABAID, "1", &hits)
	c, err := New(Config{BaseURL: srv.URL, AccessToken: "gate-token", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 {
		if _, err := c.ListSubscribedApps(ctx, ExampleWABAID); !isThrottled(err) {
			t.Fatalf("read: %v, want the throttle", err)
		}
	}
	if n := hits.Load(); n != 2 {
		t.Errorf("%d calls, want 2: a throttle short enough to wait for is asked about again", n)
	}
}

func TestUsageWarningsAreReturnedOnce(t *testing.T) {
	type answer struct{ buc, app string }
	answers := []answer{
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":40,"total_cputime":5,"total_time":10}]}`, app: `{"call_count":10,"total_cputime":1,"total_time":1}`},
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":85,"total_cputime":5,"total_time":10}],"222":[{"type":"whatsapp_business_management","call_count":10,"total_cputime":90,"total_time":10}]}`},
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":50,"total_cputime":5,"total_time":10}]}`, app: `{"call_count":95,"total_cputime":1,"total_time":1}`},
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":99,"total_cputime":5,"total_time":10}]}`},
	}
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		a := answers[min(int(n.Add(1))-1, len(answers)-1)]
		if a.buc != "" {
			w.Header().Set("X-Business-Use-Case-Usage", a.buc)
		}
		if a.app != "" {
			w.Header().Set("X-App-Usage", a.app)
		}
		writeJSON(w, 200, `{"id":"1"}`)
	})
	rec := &recordingLogger{}
	c := newTestClient(t, f.URL(), func(c *Config) { c.Logger = rec })
	call := func() {
		t.Helper()
		var out map[string]any
		if err := c.do(context.Background(), "GET", "/probe", nil, nil, &out); err != nil {
			t.Fatal(err)
		}
	}

	call()
	if got := c.TakeUsageWarnings(80); len(got) != 0 {
		t.Errorf("warnings below the threshold: %+v", got)
	}
	call()
	call()
	want := []Usage{
		{ObjectID: "111", Type: "whatsapp_business_management", CallCount: 85, TotalCPUTime: 5, TotalTime: 10},
		{ObjectID: "222", Type: "whatsapp_business_management", CallCount: 10, TotalCPUTime: 90, TotalTime: 10},
		{ObjectID: "", Type: "app", CallCount: 95, TotalCPUTime: 1, TotalTime: 1},
	}
	if got := c.TakeUsageWarnings(80); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings =\n%+v\nwant (highest usage kept, sorted)\n%+v", got, want)
	}
	if got := c.TakeUsageWarnings(80); len(got) != 0 {
		t.Errorf("warnings repeated: %+v", got)
	}
	call() // 111 rises to 99: already warned
	if got := c.TakeUsageWarnings(80); len(got) != 0 {
		t.Errorf("a budget was warned about twice: %+v", got)
	}

	var logged int
	for _, r := range rec.all() {
		if r.msg == "Graph API rate-limit usage" {
			logged++
			if _, ok := r.fields["call_count_pct"]; !ok {
				t.Errorf("usage log without call_count_pct: %v", r.fields)
			}
		}
	}
	if logged != 7 {
		t.Errorf("%d usage log lines, want 7 (one per budget per response)", logged)
	}
}

func TestUsageIsRecordedFromErrorResponses(t *testing.T) {
	f := newFakeGraph(t, respond(400,
		map[string]string{"X-Business-Use-Case-Usage": bucHeader(testWABA, 45)},
		graphErr(80008, 0, "There have been too many calls to this WhatsApp Business account.", false)))
	c := newTestClient(t, f.URL())
	if _, err := c.GetBusinessAccount(context.Background(), testWABA); err == nil {
		t.Fatal("want the throttle error")
	}
	got := c.TakeUsageWarnings(100)
	if len(got) != 1 || got[0].ObjectID != testWABA || got[0].CallCount != 100 || got[0].RegainAccess.Minutes() != 45 {
		t.Errorf("warnings = %+v", got)
	}
}

func TestNoUsageHeadersNoWarnings(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	if _, err := c.TokenApp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := c.TakeUsageWarnings(0); len(got) != 0 {
		t.Errorf("warnings without usage headers: %+v", got)
	}
}

func TestUsageOfAppLevelCallsReachesTheParent(t *testing.T) {
	f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-App-Usage", `{"call_count":92,"total_cputime":1,"total_time":1}`)
		writeJSON(w, 200, `{"data":[]}`)
	})
	c := newTestClient(t, f.URL(), withAppCredentials)
	if _, err := c.FindAppSubscription(context.Background(), WABAWebhookObject); err != nil {
		t.Fatal(err)
	}
	want := []Usage{{Type: "app", CallCount: 92, TotalCPUTime: 1, TotalTime: 1}}
	if got := c.TakeUsageWarnings(90); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings = %+v, want the app-token client's usage %+v", got, want)
	}
}
