package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"syscall"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// maxDialRetryWait caps the wait before the one retry of a request that
// could not connect: a refused connection or a failed lookup rarely heals in
// seconds, and the full backoff held every call of a run for about 15 s.
const maxDialRetryWait = 250 * time.Millisecond

// UnreachableError is the failure to connect to the Graph API at all: the
// connection was refused, the host name did not resolve or no route led to
// it. Once a Client has seen it, every later call fails with it at once.
type UnreachableError struct {
	// Host is the host (and port, when the base URL names one) dialled.
	Host string
	// BaseURL is the configured base URL.
	BaseURL string
	// Err is the dial error.
	Err error

	detail string // Err's text, masked
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("cannot reach the Graph API at %s (base_url %q): %s. Check base_url (or WHATSAPP_BASE_URL), the network, DNS and any proxy; no further requests are attempted in this run.",
		e.Host, e.BaseURL, e.detail)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// isUnreachable reports whether err is an *UnreachableError: no connection
// to the Graph API could be made, so no call of this run can succeed.
func isUnreachable(err error) bool {
	var ue *UnreachableError
	return errors.As(err, &ue)
}

// reachability is shared by a Client and its app-token client: both call the
// same base URL, so a failure to reach it found by one holds for the other.
type reachability struct {
	mu  sync.Mutex
	err *UnreachableError
}

// unreachableErr is the remembered failure to connect, or nil.
func (c *Client) unreachableErr() error {
	c.reach.mu.Lock()
	defer c.reach.mu.Unlock()
	if c.reach.err == nil {
		return nil
	}
	return c.reach.err
}

// markUnreachable remembers a dial failure and returns the error every later
// call gets. The first one remembered wins, so concurrent calls that failed
// together report the same error.
func (c *Client) markUnreachable(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		// Its text repeats the URL, appsecret_proof included.
		err = ue.Err
	}
	host := c.cfg.BaseURL
	if u, parseErr := url.Parse(c.cfg.BaseURL); parseErr == nil && u.Host != "" {
		host = u.Host
	}
	c.reach.mu.Lock()
	defer c.reach.mu.Unlock()
	if c.reach.err == nil {
		c.reach.err = &UnreachableError{Host: host, BaseURL: c.cfg.BaseURL, Err: err, detail: c.wire.masker.text(err.Error())}
	}
	return c.reach.err
}

// isDialFailure reports whether err means no connection could be opened:
// a refused connection, a failed DNS lookup, no route to the host, or any
// other failure while dialling. Timeouts are not: a slow network or server
// may answer the next attempt, so they keep the usual retries, as do
// failures after the connection was made (such as a reset).
func isDialFailure(err error) bool {
	var timeout interface{ Timeout() bool }
	if errors.As(err, &timeout) && timeout.Timeout() {
		return false
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return true
	}
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH) {
		return true
	}
	// A proxy's dial error is wrapped in a "proxyconnect" one: look through
	// the whole chain.
	for e := err; e != nil; e = errors.Unwrap(e) {
		if op, ok := e.(*net.OpError); ok && op.Op == "dial" {
			return true
		}
	}
	return false
}

// send runs one logical request through the retry policy, except when no
// connection can be made: checkRetry leaves that case alone, and send gives
// it one short retry (none when MaxRetries is 0), then remembers the failure
// so that later calls fail at once instead of each waiting out its backoff.
func (c *Client) send(ctx context.Context, req *retryablehttp.Request) (*http.Response, error) {
	resp, err := c.wire.http.Do(req)
	if err == nil || ctx.Err() != nil || !isDialFailure(err) {
		return resp, err
	}
	closeBody(resp)
	if c.cfg.MaxRetries > 0 {
		c.wire.retries.Add(1)
		c.cfg.Logger.Warn(ctx, "could not connect to the Graph API; retrying once", map[string]any{
			"http_method": req.Method, "http_url": c.wire.masker.url(req.URL), "error": c.wire.masker.text(err.Error()),
		})
		timer := time.NewTimer(min(c.cfg.RetryWaitMin, maxDialRetryWait))
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
		resp, err = c.wire.http.Do(req)
		if err == nil || ctx.Err() != nil || !isDialFailure(err) {
			return resp, err
		}
		closeBody(resp)
	}
	return nil, c.markUnreachable(err)
}

func closeBody(resp *http.Response) {
	if resp != nil {
		_ = resp.Body.Close()
	}
}
