package graph

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// failThenSucceed answers the first `failures` requests with fail and every
// later one with {"id":"1"}.
func failThenSucceed(failures int64, fail http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int64
	return func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= failures {
			fail(w, r)
			return
		}
		writeJSON(w, 200, `{"id":"1"}`)
	}
}

func respond(status int, header map[string]string, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		if w.Header().Get("Content-Type") == "" && body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

func TestRetryPolicy(t *testing.T) {
	html := map[string]string{"Content-Type": "text/html"}
	cases := []struct {
		name    string
		status  int
		header  map[string]string
		body    string
		retried bool
		code    int
	}{
		{name: "HTTP 500", status: 500, retried: true},
		{name: "HTTP 502 HTML", status: 502, header: html, body: "<html><h1>502 Bad Gateway</h1></html>", retried: true},
		{name: "HTTP 503", status: 503, retried: true},
		{name: "HTTP 504", status: 504, header: html, body: "<html>timeout</html>", retried: true},
		{name: "HTTP 429 without a body", status: 429, retried: true},
		{name: "400 code 80008", status: 400, body: graphErr(80008, 2446079, "There have been too many calls to this WhatsApp Business account.", false), retried: true},
		{name: "400 code 4", status: 400, body: graphErr(4, 0, "Application request limit reached", false), retried: true},
		{name: "400 code 17", status: 400, body: graphErr(17, 0, "User request limit reached", false), retried: true},
		{name: "400 code 1", status: 400, body: graphErr(1, 0, "An unknown error occurred", false), retried: true},
		{name: "500 code 1 subcode 99 (reduce the amount of data)", status: 500, body: tooMuchData, code: 1},
		{name: "500 code 1 subcode 99 marked transient", status: 500, body: graphErr(1, 99, "An unknown error occurred", true), code: 1},
		{name: "503 code 2", status: 503, body: graphErr(2, 0, "Service temporarily unavailable", false), retried: true},
		{name: "400 code 2", status: 400, body: graphErr(2, 0, "Service temporarily unavailable", false), retried: true},
		{name: "400 code 32", status: 400, body: graphErr(32, 0, "Page request limit reached", false), retried: true},
		{name: "400 code 341", status: 400, body: graphErr(341, 0, "Application limit reached", false), retried: true},
		{name: "400 code 613", status: 400, body: graphErr(613, 0, "Calls to this api have exceeded the rate limit", false), retried: true},
		{name: "400 code 80007", status: 400, body: graphErr(80007, 0, "Rate limit issues", false), retried: true},
		{name: "400 code 130429", status: 400, body: graphErr(130429, 0, "Rate limit hit", false), retried: true},
		{name: "500 code 131000", status: 500, body: graphErr(131000, 0, "Something went wrong", false), retried: true},
		{name: "400 code 100 is_transient", status: 400, body: graphErr(100, 0, "Invalid parameter", true), retried: true},
		{name: "400 code 100", status: 400, body: graphErr(100, 0, "Invalid parameter", false), code: 100},
		{name: "400 code 190", status: 400, body: graphErr(190, 463, "Error validating access token", false), code: 190},
		{name: "403 code 200", status: 403, body: graphErr(200, 0, "Permissions error", false), code: 200},
		{name: "400 code 803", status: 400, body: graphErr(803, 0, "Some of the aliases you requested do not exist", false), code: 803},
		{name: "500 code 100", status: 500, body: graphErr(100, 0, "Invalid parameter", false), code: 100},
		{name: "HTTP 501", status: 501},
		{name: "HTTP 501 with a transient code", status: 501, body: graphErr(2, 0, "x", true), code: 2},
		{name: "HTTP 404 without a body", status: 404},
		{name: "HTTP 401 HTML", status: 401, header: html, body: "<html>nope</html>"},
		{name: "200 with an empty body", status: 200, retried: true},
		{name: "200 with white space", status: 200, body: " \n ", retried: true},
		{name: "200 with truncated JSON", status: 200, body: `{"id":"12`, retried: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, failThenSucceed(1, respond(tc.status, tc.header, tc.body)))
			c := newTestClient(t, f.URL(), withRetries(3))
			var out map[string]any
			err := c.do(context.Background(), "GET", "/probe", nil, nil, &out)
			if tc.retried {
				if err != nil {
					t.Fatalf("err = %v, want success after a retry", err)
				}
				if f.count() != 2 {
					t.Errorf("server saw %d attempts, want 2", f.count())
				}
				if out["id"] != "1" {
					t.Errorf("out = %v", out)
				}
				if st := c.stats(); st.Attempts != 2 || st.Retries != 1 {
					t.Errorf("Stats = %+v", st)
				}
				return
			}
			if f.count() != 1 {
				t.Errorf("server saw %d attempts, want 1 (no retry)", f.count())
			}
			ge, ok := AsError(err)
			if !ok {
				t.Fatalf("err = %v (%T), want a *Error", err, err)
			}
			if ge.HTTPStatus != tc.status || ge.Code != tc.code {
				t.Errorf("HTTPStatus/Code = %d/%d, want %d/%d", ge.HTTPStatus, ge.Code, tc.status, tc.code)
			}
		})
	}
}

func TestRetriesStopAtMaxRetriesWithTheGraphError(t *testing.T) {
	cases := []struct {
		name   string
		fail   http.HandlerFunc
		status int
		code   int
		msg    string
	}{
		{"throttled", respond(400, nil, graphErr(80008, 0, "There have been too many calls to this WhatsApp Business account.", false)), 400, 80008, "too many calls"},
		{"proxy 502", respond(502, map[string]string{"Content-Type": "text/html"}, "<html>Bad Gateway</html>"), 502, 0, "HTTP 502"},
		{"empty 200", respond(200, nil, ""), 200, 0, "not the JSON Graph sends"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, tc.fail)
			c := newTestClient(t, f.URL(), withRetries(2))
			var out map[string]any
			err := c.do(context.Background(), "GET", "/probe", nil, nil, &out)
			if f.count() != 3 {
				t.Errorf("server saw %d attempts, want 3 (1 + MaxRetries)", f.count())
			}
			ge, ok := AsError(err)
			if !ok {
				t.Fatalf("err = %v (%T), want a *Error", err, err)
			}
			if ge.HTTPStatus != tc.status || ge.Code != tc.code {
				t.Errorf("HTTPStatus/Code = %d/%d, want %d/%d", ge.HTTPStatus, ge.Code, tc.status, tc.code)
			}
			if strings.Contains(err.Error(), "giving up") {
				t.Errorf("error %q is retryablehttp's, not the Graph error", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
			if st := c.stats(); st.Attempts != 3 || st.Retries != 2 {
				t.Errorf("Stats = %+v", st)
			}
		})
	}
}

func TestZeroMaxRetriesMakesOneAttempt(t *testing.T) {
	f := newFakeGraph(t, respond(503, nil, ""))
	c := newTestClient(t, f.URL(), withRetries(0))
	if _, err := c.TokenApp(context.Background()); err == nil {
		t.Fatal("want an error")
	}
	if f.count() != 1 {
		t.Errorf("server saw %d attempts, want 1", f.count())
	}
}

func bucHeader(object string, regainMinutes int) string {
	return `{"` + object + `":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":12,"total_time":20,"estimated_time_to_regain_access":` + strconv.Itoa(regainMinutes) + `}]}`
}

func TestThrottleBeyondMaxThrottleWaitFailsAtOnce(t *testing.T) {
	f := newFakeGraph(t, respond(400,
		map[string]string{"X-Business-Use-Case-Usage": bucHeader(testWABA, 30)},
		graphErr(80008, 0, "There have been too many calls to this WhatsApp Business account.", false)))
	c := newTestClient(t, f.URL(), withRetries(4), func(c *Config) { c.MaxThrottleWait = 2 * time.Minute })
	start := time.Now()
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if f.count() != 1 {
		t.Errorf("server saw %d attempts, want exactly 1", f.count())
	}
	ge, ok := AsError(err)
	if !ok {
		t.Fatalf("err = %v, want a *Error", err)
	}
	if ge.Code != 80008 || ge.RetryAfter != 30*time.Minute {
		t.Errorf("Code/RetryAfter = %d/%v, want 80008/30m", ge.Code, ge.RetryAfter)
	}
	if !isThrottled(err) || !strings.Contains(Hint(err), "about 30m0s") {
		t.Errorf("isThrottled = %v, Hint = %q", isThrottled(err), Hint(err))
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("the call took %v", time.Since(start))
	}
}

func TestThrottleWithinMaxThrottleWaitIsRetried(t *testing.T) {
	f := newFakeGraph(t, failThenSucceed(1, respond(400,
		map[string]string{"X-Business-Use-Case-Usage": bucHeader(testWABA, 1)},
		graphErr(80008, 0, "There have been too many calls to this WhatsApp Business account.", false))))
	// RetryWaitMax (1ms) clamps the one-minute wait Graph asked for.
	c := newTestClient(t, f.URL(), func(c *Config) { c.MaxThrottleWait = 2 * time.Minute })
	var out map[string]any
	if err := c.do(context.Background(), "GET", "/probe", nil, nil, &out); err != nil {
		t.Fatal(err)
	}
	if f.count() != 2 {
		t.Errorf("server saw %d attempts, want 2", f.count())
	}
}

func TestRateLimitStatusBeyondMaxThrottleWaitFailsAtOnce(t *testing.T) {
	f := newFakeGraph(t, respond(429, map[string]string{"Retry-After": "3600"}, ""))
	c := newTestClient(t, f.URL(), withRetries(4), func(c *Config) { c.MaxThrottleWait = time.Minute })
	var out map[string]any
	err := c.do(context.Background(), "GET", "/probe", nil, nil, &out)
	if f.count() != 1 {
		t.Errorf("server saw %d attempts, want exactly 1", f.count())
	}
	ge, ok := AsError(err)
	if !ok || ge.HTTPStatus != 429 || ge.RetryAfter != time.Hour {
		t.Fatalf("err = %#v, want HTTP 429 with RetryAfter 1h", err)
	}
	if !isThrottled(err) {
		t.Error("isThrottled = false")
	}
}

func TestBackoff(t *testing.T) {
	c := newTestClient(t, "https://graph.example.com")
	withHeader := func(k, v string) *http.Response {
		h := http.Header{}
		h.Set(k, v)
		return &http.Response{StatusCode: 429, Header: h}
	}
	exact := []struct {
		name     string
		min, max time.Duration
		resp     *http.Response
		want     time.Duration
	}{
		{"Retry-After honoured", time.Millisecond, time.Minute, withHeader("Retry-After", "2"), 2 * time.Second},
		{"Retry-After clamped to RetryWaitMax", time.Millisecond, 5 * time.Second, withHeader("Retry-After", "120"), 5 * time.Second},
		{"BUC regain time honoured", time.Millisecond, time.Hour, withHeader("X-Business-Use-Case-Usage", bucHeader("1", 3)), 3 * time.Minute},
		{"BUC regain time clamped", time.Millisecond, 30 * time.Second, withHeader("X-Business-Use-Case-Usage", bucHeader("1", 3)), 30 * time.Second},
	}
	for _, tc := range exact {
		t.Run(tc.name, func(t *testing.T) {
			for attempt := range 3 {
				if got := c.backoff(tc.min, tc.max, attempt, tc.resp); got != tc.want {
					t.Errorf("attempt %d: backoff = %v, want %v", attempt, got, tc.want)
				}
			}
		})
	}

	t.Run("Retry-After as an HTTP date", func(t *testing.T) {
		resp := withHeader("Retry-After", time.Now().Add(10*time.Second).UTC().Format(http.TimeFormat))
		got := c.backoff(time.Millisecond, time.Minute, 0, resp)
		if got < 8*time.Second || got > 10*time.Second {
			t.Errorf("backoff = %v, want about 10s", got)
		}
	})

	ranged := []struct {
		name     string
		min, max time.Duration
		attempt  int
		resp     *http.Response
		lo, hi   time.Duration
	}{
		{"first retry", 100 * time.Millisecond, time.Minute, 0, nil, 75 * time.Millisecond, 125 * time.Millisecond},
		{"fourth retry", 100 * time.Millisecond, time.Minute, 3, nil, 600 * time.Millisecond, 1000 * time.Millisecond},
		{"capped", 100 * time.Millisecond, time.Second, 10, nil, 750 * time.Millisecond, time.Second},
		{"no overflow", time.Second, 30 * time.Second, 200, nil, 22500 * time.Millisecond, 30 * time.Second},
		{"unparsable Retry-After", 100 * time.Millisecond, time.Minute, 0, withHeader("Retry-After", "soon"), 75 * time.Millisecond, 125 * time.Millisecond},
		{"Retry-After zero", 100 * time.Millisecond, time.Minute, 0, withHeader("Retry-After", "0"), 75 * time.Millisecond, 125 * time.Millisecond},
		{"past HTTP date", 100 * time.Millisecond, time.Minute, 0, withHeader("Retry-After", "Mon, 02 Jan 2006 15:04:05 GMT"), 75 * time.Millisecond, 125 * time.Millisecond},
	}
	for _, tc := range ranged {
		t.Run(tc.name, func(t *testing.T) {
			for range 200 {
				got := c.backoff(tc.min, tc.max, tc.attempt, tc.resp)
				if got < tc.lo || got > tc.hi {
					t.Fatalf("backoff = %v, want within [%v, %v]", got, tc.lo, tc.hi)
				}
			}
		})
	}
}

func TestRetryAfterIsUsedBetweenAttempts(t *testing.T) {
	f := newFakeGraph(t, failThenSucceed(1, respond(429, map[string]string{"Retry-After": "5"}, "")))
	c := newTestClient(t, f.URL())
	var waits []time.Duration
	orig := c.wire.http.Backoff
	c.wire.http.Backoff = func(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
		// Record what the client would wait with a generous ceiling, then
		// wait the configured (tiny) time.
		waits = append(waits, orig(minWait, time.Hour, attempt, resp))
		return orig(minWait, maxWait, attempt, resp)
	}
	if _, err := c.TokenApp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(waits) != 1 || waits[0] != 5*time.Second {
		t.Errorf("waits = %v, want [5s]", waits)
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	f := newFakeGraph(t, respond(503, nil, ""))
	c := newTestClient(t, f.URL(), withRetries(5), func(c *Config) {
		c.RetryWaitMin = time.Minute
		c.RetryWaitMax = time.Minute
	})
	inBackoff := make(chan struct{}, 1)
	orig := c.wire.http.Backoff
	c.wire.http.Backoff = func(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
		select {
		case inBackoff <- struct{}{}:
		default:
		}
		return orig(minWait, maxWait, attempt, resp)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := c.GetBusinessAccount(ctx, testWABA)
		errc <- err
	}()
	select {
	case <-inBackoff:
	case <-time.After(10 * time.Second):
		t.Fatal("the client never backed off")
	}
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want one wrapping context.Canceled", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("returned after %v, want promptly", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the call did not return within 5s of cancellation")
	}
	if f.count() != 1 {
		t.Errorf("server saw %d attempts, want 1", f.count())
	}
}

func TestConnectionResetIsRetried(t *testing.T) {
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			hj, ok := w.(http.Hijacker)
			if !ok {
				t.Error("the test server cannot hijack")
				return
			}
			conn, _, err := hj.Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			if tcp, ok := conn.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0) // close with a reset
			}
			_ = conn.Close()
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	app, err := c.TokenApp(context.Background())
	if err != nil {
		t.Fatalf("err = %v, want success after the reset", err)
	}
	if app.ID != ExampleAppID {
		t.Errorf("app = %+v", app)
	}
	if f.count() < 2 {
		t.Errorf("server saw %d attempts, want at least 2", f.count())
	}
	if st := c.stats(); st.Retries < 1 {
		t.Errorf("Stats = %+v, want a retry", st)
	}
}

func TestAttemptTimeoutIsRetried(t *testing.T) {
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			<-r.Context().Done() // hold the first attempt until the client gives up on it
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL(), func(c *Config) { c.RequestTimeout = 300 * time.Millisecond })
	if _, err := c.TokenApp(context.Background()); err != nil {
		t.Fatalf("err = %v, want success after the timed-out attempt", err)
	}
	if st := c.stats(); st.Attempts < 2 || st.Retries < 1 {
		t.Errorf("Stats = %+v, want the timed-out attempt retried", st)
	}
}

func TestCheckRetryDirect(t *testing.T) {
	c := newTestClient(t, "https://graph.example.com")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	retry, err := c.checkRetry(ctx, &http.Response{StatusCode: 500, Header: http.Header{}, Body: http.NoBody}, nil)
	if retry || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: retry=%v err=%v", retry, err)
	}
	retry, err = c.checkRetry(context.Background(), &http.Response{StatusCode: 302, Header: http.Header{}, Body: http.NoBody}, nil)
	if retry || err != nil {
		t.Errorf("302: retry=%v err=%v", retry, err)
	}
	retry, _ = c.checkRetry(context.Background(), nil, errors.New("read: connection reset by peer"))
	if !retry {
		t.Error("a transport error without a response is not retried")
	}
	body := `{"error":{"code":4,"message":"x"}}`
	resp := &http.Response{StatusCode: 400, Header: http.Header{}, Body: readCloser(body)}
	if retry, _ := c.checkRetry(context.Background(), resp, nil); !retry {
		t.Error("code 4 not retried")
	}
	if got := readAll(t, resp); got != body {
		t.Errorf("checkRetry did not put the body back: %q", got)
	}
}

func TestBodyCutMidwayIsRetried(t *testing.T) {
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"id\":\"67")
			_ = buf.Flush()
			_ = conn.Close()
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	app, err := c.TokenApp(context.Background())
	if err != nil || app.ID != ExampleAppID {
		t.Fatalf("TokenApp = %+v, %v; want success after the cut body", app, err)
	}
	if st := c.stats(); st.Attempts != 2 || st.Retries != 1 {
		t.Errorf("Stats = %+v, want 2 attempts", st)
	}
}
