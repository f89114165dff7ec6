package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// closedBaseURL is a loopback URL where nothing listens any more.
func closedBaseURL(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close()
	return base
}

// callsAfterUnreachable makes one call of each kind and checks that each
// fails at once with want.
func callsAfterUnreachable(t *testing.T, c *Client, want error) {
	t.Helper()
	ctx := context.Background()
	calls := map[string]func() error{
		"GetBusinessAccount": func() error { _, err := c.GetBusinessAccount(ctx, testWABA); return err },
		"ListAssignedUsers":  func() error { _, err := c.ListAssignedUsers(ctx, "777", testBiz); return err },
		"ListPhoneNumbers":   func() error { _, err := c.ListPhoneNumbers(ctx, testWABA, PhoneNumberFilter{}); return err },
		"SubscribeApp":       func() error { return c.SubscribeApp(ctx, testWABA, nil) },
		"AssignUser":         func() error { return c.AssignUser(ctx, testWABA, "1", []string{"MANAGE"}) },
	}
	if c.AppID() == "" {
		// With an app ID configured, TokenApp makes no request at all.
		calls["TokenApp"] = func() error { _, err := c.TokenApp(ctx); return err }
	}
	for name, call := range calls {
		start := time.Now()
		err := call()
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v after the Graph API was found unreachable", name, d)
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want the remembered %v", name, err, want)
		}
	}
}

func TestRefusedConnectionFailsFastAndStopsTheClient(t *testing.T) {
	base := closedBaseURL(t)
	c := newTestClient(t, base, withSecret, withAppCredentials, withRetries(4), func(c *Config) {
		// The one retry waits RetryWaitMin, capped at 250ms.
		c.RetryWaitMin = time.Minute
		c.RetryWaitMax = time.Minute
	})
	start := time.Now()
	_, err := c.GetBusinessAccount(context.Background(), testWABA)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the first call took %v; want one short retry", d)
	}
	if !isUnreachable(err) {
		t.Fatalf("err = %v (%T), want an *UnreachableError", err, err)
	}
	if st := c.stats(); st.Attempts != 2 || st.Retries != 1 {
		t.Errorf("Stats = %+v, want 2 attempts (1 + 1 retry) whatever MaxRetries says", st)
	}
	var ue *UnreachableError
	if !errors.As(err, &ue) {
		t.Fatal("errors.As failed")
	}
	u, _ := url.Parse(base)
	if ue.Host != u.Host || ue.BaseURL != base {
		t.Errorf("Host, BaseURL = %q, %q; want %q, %q", ue.Host, ue.BaseURL, u.Host, base)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("err does not wrap ECONNREFUSED: %#v", ue.Err)
	}
	msg := err.Error()
	for _, want := range []string{
		"cannot reach the Graph API at " + u.Host,
		fmt.Sprintf("(base_url %q)", base),
		"connection refused",
		"Check base_url (or WHATSAPP_BASE_URL), the network, DNS and any proxy",
		"no further requests are attempted in this run",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	for name, s := range map[string]string{"token": testToken, "secret": testSecret, "proof": appSecretProof(testToken, testSecret), "app token": testAppToken} {
		if strings.Contains(msg, s) {
			t.Errorf("the error holds the %s: %s", name, msg)
		}
	}

	for range 5 {
		callsAfterUnreachable(t, c, err)
	}
	if st := c.stats(); st.Attempts != 2 {
		t.Errorf("Stats = %+v: later calls touched the network", st)
	}

	// The app-token client shares the verdict.
	start = time.Now()
	_, appErr := c.listAppSubscriptions(context.Background())
	if !errors.Is(appErr, err) || time.Since(start) > time.Second {
		t.Errorf("listAppSubscriptions = %v after %v, want the remembered error at once", appErr, time.Since(start))
	}
	if _, appErr := c.ExistingAppSubscription(context.Background(), WABAWebhookObject); !errors.Is(appErr, err) {
		t.Errorf("ExistingAppSubscription = %v, want the remembered error", appErr)
	}
	if app, _ := c.asApp(); app.stats().Attempts != 0 {
		t.Errorf("the app-token client made %d attempts", app.stats().Attempts)
	}
}

func TestUnreachableFoundByTheAppTokenClientStopsBoth(t *testing.T) {
	c := newTestClient(t, closedBaseURL(t), withAppCredentials)
	_, err := c.listAppSubscriptions(context.Background())
	if !isUnreachable(err) {
		t.Fatalf("err = %v, want unreachable", err)
	}
	if app, _ := c.asApp(); app.stats().Attempts != 2 {
		t.Errorf("the app-token client made %d attempts, want 2", app.stats().Attempts)
	}
	callsAfterUnreachable(t, c, err)
	if st := c.stats(); st.Attempts != 0 {
		t.Errorf("the user-token client made %d attempts after the app-token client found Graph unreachable", st.Attempts)
	}
}

func TestRefusedConnectionWithoutRetries(t *testing.T) {
	c := newTestClient(t, closedBaseURL(t), withRetries(0))
	if _, err := c.TokenApp(context.Background()); !isUnreachable(err) {
		t.Fatalf("err = %v, want unreachable", err)
	}
	if st := c.stats(); st.Attempts != 1 || st.Retries != 0 {
		t.Errorf("Stats = %+v, want a single attempt with MaxRetries 0", st)
	}
}

// countingDialer fails every dial with err and counts them. It keeps the
// tests off any real resolver or network.
type countingDialer struct {
	n   atomic.Int64
	err error
}

func (d *countingDialer) transport() *http.Transport {
	return &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		d.n.Add(1)
		return nil, d.err
	}}
}

func TestFailedLookupFailsFastAndStopsTheClient(t *testing.T) {
	d := &countingDialer{err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "graph.invalid", IsNotFound: true}}}
	c := newTestClient(t, "https://graph.invalid", withRetries(4), func(c *Config) { c.Transport = d.transport() })
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if !isUnreachable(err) {
		t.Fatalf("err = %v, want unreachable", err)
	}
	if n := d.n.Load(); n != 2 {
		t.Errorf("%d dials, want 2", n)
	}
	var dns *net.DNSError
	if !errors.As(err, &dns) || !strings.Contains(err.Error(), "cannot reach the Graph API at graph.invalid") || !strings.Contains(err.Error(), "no such host") {
		t.Errorf("err = %v, want it to name the host and wrap the DNS error", err)
	}
	callsAfterUnreachable(t, c, err)
	if n := d.n.Load(); n != 2 {
		t.Errorf("%d dials in all, want no more after the first call", n)
	}
}

func TestDialTimeoutKeepsTheUsualRetries(t *testing.T) {
	d := &countingDialer{err: &net.OpError{Op: "dial", Net: "tcp", Err: os.ErrDeadlineExceeded}}
	c := newTestClient(t, "https://graph.example.com", withRetries(3), func(c *Config) { c.Transport = d.transport() })
	for range 2 {
		_, err := c.TokenApp(context.Background())
		if err == nil || isUnreachable(err) {
			t.Fatalf("err = %v, want a plain transport error", err)
		}
	}
	if n := d.n.Load(); n != 8 {
		t.Errorf("%d dials, want 1 + MaxRetries per call, for both calls", n)
	}
}

func TestConnectionResetsKeepTheUsualRetries(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0) // close with a reset
		}
		_ = conn.Close()
	})
	c := newTestClient(t, f.URL(), withRetries(3))
	for range 2 {
		_, err := c.TokenApp(context.Background())
		if err == nil || isUnreachable(err) {
			t.Fatalf("err = %v, want a plain transport error", err)
		}
		if !strings.Contains(err.Error(), "retried up to 3 times") {
			t.Errorf("err = %v", err)
		}
	}
	if n := f.count(); n != 8 {
		t.Errorf("server saw %d attempts, want 1 + MaxRetries per call, for both calls", n)
	}
}

func TestIsDialFailure(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"refused", refused, true},
		{"refused in a url.Error", &url.Error{Op: "Get", URL: "https://x", Err: refused}, true},
		{"DNS not found", &net.DNSError{Err: "no such host", Name: "graph.invalid", IsNotFound: true}, true},
		{"DNS server failure", &net.DNSError{Err: "server misbehaving", Name: "graph.facebook.com", IsTemporary: true}, true},
		{"no route to host", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.EHOSTUNREACH)}, true},
		{"network unreachable", os.NewSyscallError("connect", syscall.ENETUNREACH), true},
		{"other dial error", &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("socket: too many open files")}, true},
		{"proxy refused", &net.OpError{Op: "proxyconnect", Net: "tcp", Err: refused}, true},
		{"dial timeout", &net.OpError{Op: "dial", Net: "tcp", Err: os.ErrDeadlineExceeded}, false},
		{"DNS timeout", &net.DNSError{Err: "i/o timeout", Name: "graph.facebook.com", IsTimeout: true}, false},
		{"reset after connecting", &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, false},
		{"client timeout", &url.Error{Op: "Get", URL: "https://x", Err: context.DeadlineExceeded}, false},
		{"EOF", &url.Error{Op: "Get", URL: "https://x", Err: errors.New("EOF")}, false},
		{"cancelled", context.Canceled, false},
	}
	for _, tc := range cases {
		if got := isDialFailure(tc.err); got != tc.want {
			t.Errorf("%s: isDialFailure(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}
