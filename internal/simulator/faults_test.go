package simulator

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestGraphErrorFault(t *testing.T) {
	tests := []struct {
		name      string
		fault     Fault
		status    int
		code      int
		subcode   int
		message   string
		transient bool
	}{
		{name: "throttle", fault: Fault{Kind: FaultGraphError, Code: 80008, Transient: true, RegainMinutes: 7, RetryAfter: 30},
			status: 400, code: 80008, message: throttleMessage, transient: true},
		{name: "app throttle with subcode", fault: Fault{Kind: FaultGraphError, Code: 4, Subcode: 2446079, Transient: true},
			status: 400, code: 4, subcode: 2446079, message: "(#4) Application request limit reached", transient: true},
		{name: "service", fault: Fault{Kind: FaultGraphError, Code: 2, Transient: true}, status: 503, code: 2, transient: true},
		{name: "unknown error default", fault: Fault{Kind: FaultGraphError}, status: 500, code: 1, message: "An unknown error has occurred."},
		{name: "token", fault: Fault{Kind: FaultGraphError, Code: 190, Subcode: 460, Message: "password changed"}, status: 401, code: 190, subcode: 460, message: "password changed"},
		{name: "permission", fault: Fault{Kind: FaultGraphError, Code: 200}, status: 403, code: 200},
		{name: "explicit status", fault: Fault{Kind: FaultGraphError, Code: 613, Status: 429}, status: 429, code: 613},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			s.InjectFault(tt.fault)
			res := get(t, s, usersListPath)
			wantError(t, res, tt.status, tt.code, tt.subcode, tt.message)
			if got := errorOf(t, res)["is_transient"]; got != tt.transient {
				t.Errorf("is_transient = %v, want %v", got, tt.transient)
			}
			if tt.fault.RetryAfter > 0 && res.header.Get("Retry-After") != "30" {
				t.Errorf("Retry-After = %q, want 30", res.header.Get("Retry-After"))
			}
			if tt.code == 80008 {
				want := `{"102290129340398":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":7}]}`
				if got := res.header.Get("X-Business-Use-Case-Usage"); got != want {
					t.Errorf("BUC header = %s, want %s", got, want)
				}
			}
			reqs := s.Requests()
			if len(reqs) != 1 || reqs[0].Fault != FaultGraphError || reqs[0].Status != tt.status {
				t.Errorf("request log = %+v", reqs)
			}
		})
	}
}

func TestResponseShapeFaults(t *testing.T) {
	tests := []struct {
		name   string
		fault  Fault
		status int
		ctype  string
		check  func(t *testing.T, body string)
	}{
		{name: "http_status 503", fault: Fault{Kind: FaultHTTPStatus, Status: 503}, status: 503, ctype: "application/json",
			check: func(t *testing.T, body string) { wantCode(t, body, 2) }},
		{name: "http_status default", fault: Fault{Kind: FaultHTTPStatus}, status: 500, ctype: "application/json",
			check: func(t *testing.T, body string) { wantCode(t, body, 1) }},
		{name: "html", fault: Fault{Kind: FaultHTML}, status: 502, ctype: "text/html",
			check: func(t *testing.T, body string) {
				if body != "<html><body><h1>502 Bad Gateway</h1></body></html>" {
					t.Errorf("body = %q", body)
				}
			}},
		{name: "truncated", fault: Fault{Kind: FaultTruncated}, status: 200, ctype: "application/json",
			check: func(t *testing.T, body string) {
				var v any
				if body == "" || json.Unmarshal([]byte(body), &v) == nil {
					t.Errorf("body %q must be non-empty, invalid JSON", body)
				}
			}},
		{name: "empty", fault: Fault{Kind: FaultEmpty}, status: 200, ctype: "application/json",
			check: func(t *testing.T, body string) {
				if body != "" {
					t.Errorf("body = %q, want empty", body)
				}
			}},
		{name: "success_false", fault: Fault{Kind: FaultSuccessFalse}, status: 200, ctype: "application/json",
			check: func(t *testing.T, body string) {
				if body != `{"success":false}` {
					t.Errorf("body = %q", body)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			s.InjectFault(tt.fault)
			res := send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK})
			if res.status != tt.status {
				t.Fatalf("status = %d, want %d", res.status, tt.status)
			}
			if !strings.HasPrefix(res.header.Get("Content-Type"), tt.ctype) {
				t.Errorf("Content-Type = %q, want %s", res.header.Get("Content-Type"), tt.ctype)
			}
			if res.header.Get("x-fb-trace-id") == "" {
				t.Error("fault responses carry x-fb-trace-id too")
			}
			tt.check(t, res.raw)
			s.ClearFaults()
			if _, ok := subscribedApps(t, s)[fixtureApp]; ok {
				t.Error("a faulted POST must not change state")
			}
		})
	}
}

func wantCode(t *testing.T, body string, code int) {
	t.Helper()
	var env errorEnvelope
	if err := json.Unmarshal([]byte(body), &env); err != nil || env.Error.Code != code || !env.Error.Transient {
		t.Errorf("body %s: want transient Graph error code %d", body, code)
	}
}

func TestSlowFault(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Kind: FaultSlow, Delay: Duration(60 * time.Millisecond), Times: 1})
	start := time.Now()
	res := get(t, s, "/v25.0/app")
	if elapsed := time.Since(start); elapsed < 60*time.Millisecond {
		t.Errorf("slow fault answered after %v, want at least 60ms", elapsed)
	}
	wantStatus(t, res, http.StatusOK)
	if res.body["id"] != fixtureApp {
		t.Errorf("slow fault must then serve normally, got %s", res.raw)
	}

	s.InjectFault(Fault{Kind: FaultSlow, Delay: Duration(time.Hour)})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	req := httptest.NewRequest(http.MethodGet, "/v25.0/app", nil).WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+tokenOK)
	done := make(chan struct{})
	go func() {
		s.ServeHTTP(httptest.NewRecorder(), req)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("slow fault ignored the cancelled request context")
	}
	reqs := s.Requests()
	if last := reqs[len(reqs)-1]; last.Fault != FaultSlow || last.Status != 0 {
		t.Errorf("abandoned slow request logged as %+v", last)
	}
}

func TestResetFault(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Kind: FaultReset, Path: "/subscribed_apps$", Times: 1})
	srv := httptest.NewServer(s)
	defer srv.Close()

	req, _ := http.NewRequest(http.MethodGet, srv.URL+subsPath, nil)
	req.Header.Set("Authorization", "Bearer "+tokenOK)
	resp, err := srv.Client().Do(req)
	if err == nil {
		_ = resp.Body.Close()
		t.Fatalf("want a connection error, got status %d", resp.StatusCode)
	}

	req, _ = http.NewRequest(http.MethodGet, srv.URL+subsPath, nil)
	req.Header.Set("Authorization", "Bearer "+tokenOK)
	resp, err = srv.Client().Do(req)
	if err != nil {
		t.Fatalf("second request (fault exhausted): %v", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("second request status %d", resp.StatusCode)
	}
	if reqs := s.Requests(); len(reqs) != 2 || reqs[0].Fault != FaultReset || reqs[0].Status != 0 || reqs[1].Fault != "" {
		t.Fatalf("request log = %+v", reqs)
	}
}

func TestFaultMatching(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Kind: FaultSuccessFalse, Method: "post", Path: "/assigned_users$", After: 1, Times: 2})
	post := func() result { return assign(t, s, "100000000000101", "MANAGE") }

	if res := get(t, s, usersListPath); res.status != 200 || res.body["data"] == nil {
		t.Fatalf("GET must not match a POST fault: %s", res.raw)
	}
	if res := post(); res.body["success"] != true {
		t.Fatalf("After=1 must let the first POST through: %s", res.raw)
	}
	for i := range 2 {
		if res := post(); res.raw != `{"success":false}` {
			t.Fatalf("POST %d must fire the fault: %s", i+2, res.raw)
		}
	}
	if res := post(); res.body["success"] != true {
		t.Fatalf("Times=2 must stop the fault: %s", res.raw)
	}
	if res := get(t, s, subsPath); res.status != 200 {
		t.Fatalf("other paths must not match: %s", res.raw)
	}

	s.InjectFault(Fault{Kind: FaultEmpty})
	if res := get(t, s, "/v25.0/app"); res.raw != "" {
		t.Fatalf("catch-all fault did not fire: %s", res.raw)
	}
	s.ClearFaults()
	if res := get(t, s, "/v25.0/app"); res.status != 200 || res.body["id"] != fixtureApp {
		t.Fatalf("ClearFaults left a fault: %s", res.raw)
	}
}

func TestFaultFirstMatchWins(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Kind: FaultHTML, Path: "^/app$"})
	s.InjectFault(Fault{Kind: FaultEmpty})
	if res := get(t, s, "/v25.0/app"); res.status != http.StatusBadGateway {
		t.Fatalf("first fault must win, got %d", res.status)
	}
	if res := get(t, s, wabaPath); res.status != 200 || res.raw != "" {
		t.Fatalf("second fault must serve other paths, got %d %q", res.status, res.raw)
	}
}

func TestFaultProbabilityIsDeterministic(t *testing.T) {
	pattern := func() string {
		s := newTestServer(t)
		s.InjectFault(Fault{Kind: FaultEmpty, Probability: 0.5})
		var b strings.Builder
		for range 40 {
			if get(t, s, "/v25.0/app").raw == "" {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	first, second := pattern(), pattern()
	if first != second {
		t.Fatalf("patterns differ:\n%s\n%s", first, second)
	}
	fired := strings.Count(first, "x")
	if fired == 0 || fired == 40 {
		t.Fatalf("probability 0.5 fired %d of 40 times", fired)
	}
}

func TestInjectFaultRejectsInvalidFaults(t *testing.T) {
	for _, f := range []Fault{
		{Kind: "explode"},
		{Kind: FaultEmpty, Path: "("},
		{Kind: FaultEmpty, Probability: 1.5},
		{Kind: FaultHTTPStatus, Status: 42},
		{Kind: FaultEmpty, Times: -1},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("InjectFault(%+v) must panic", f)
				}
			}()
			newTestServer(t).InjectFault(f)
		}()
	}
}

func TestDurationJSON(t *testing.T) {
	var f Fault
	if err := json.Unmarshal([]byte(`{"kind":"slow","delay":"1.5s"}`), &f); err != nil || time.Duration(f.Delay) != 1500*time.Millisecond {
		t.Fatalf("delay = %v, %v", time.Duration(f.Delay), err)
	}
	if err := json.Unmarshal([]byte(`{"kind":"slow","delay":2}`), &f); err != nil || time.Duration(f.Delay) != 2*time.Second {
		t.Fatalf("numeric delay = %v, %v", time.Duration(f.Delay), err)
	}
	if err := json.Unmarshal([]byte(`{"kind":"slow","delay":"soon"}`), &f); err == nil {
		t.Fatal("invalid duration must fail")
	}
	out, _ := json.Marshal(Fault{Kind: FaultSlow, Delay: Duration(250 * time.Millisecond)})
	if !strings.Contains(string(out), `"delay":"250ms"`) {
		t.Fatalf("marshalled %s", out)
	}
}
