package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/sync/singleflight"
)

// maxResponseBytes bounds what the client reads of one response.
const maxResponseBytes = 16 << 20

// Client calls the Graph API. It is safe for concurrent use and is meant to be
// shared by every resource of one provider instance, so that reads of the same
// edge are coalesced and the token's app is resolved once.
type Client struct {
	cfg    Config
	http   *retryablehttp.Client
	masker masker
	proof  string

	attempts atomic.Int64
	retries  atomic.Int64

	app      appCache
	lists    listCache
	flight   singleflight.Group
	usageMu  sync.Mutex
	usage    map[string]Usage
	warned   map[string]bool
	noLimitM sync.Map       // edge name -> true once an edge refused our page size
	pageSize pageSizes      // page size to ask per edge, once Graph said a larger page was too much data
	appCalls appTokenClient // calls made with the app access token
	gate     throttleGate   // objects Meta throttled for longer than MaxThrottleWait
	reach    *reachability  // set once base_url could not be reached; shared with appCalls
}

// New builds a Client. It fails on a missing token, a malformed API version or
// an unsafe base URL, before any request is made.
func New(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, masker: newMasker(appAccessToken(cfg), cfg.AccessToken, cfg.AppSecret), usage: map[string]Usage{}, warned: map[string]bool{}, reach: &reachability{}}
	if cfg.AppSecret != "" {
		c.proof = appSecretProof(cfg.AccessToken, cfg.AppSecret)
		// The app access token goes first so that it is masked whole: it
		// contains the app secret.
		c.masker = newMasker(appAccessToken(cfg), cfg.AccessToken, cfg.AppSecret, c.proof)
	}
	c.lists.init()

	transport := cfg.Transport
	if transport == nil {
		transport = http.DefaultTransport
		if t, ok := http.DefaultTransport.(*http.Transport); ok {
			transport = t.Clone()
		}
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: &loggingTransport{next: transport, log: cfg.Logger, masker: c.masker},
		Timeout:   cfg.RequestTimeout,
		// Graph does not redirect API calls; following one could carry the
		// Authorization header somewhere unexpected.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	rc.Logger = nil
	rc.RetryMax = cfg.MaxRetries
	rc.RetryWaitMin = cfg.RetryWaitMin
	rc.RetryWaitMax = cfg.RetryWaitMax
	rc.CheckRetry = c.checkRetry
	rc.Backoff = c.backoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.RequestLogHook = c.logAttempt
	c.http = rc
	return c, nil
}

// appSecretProof is the hex HMAC-SHA256 of the token keyed by the app secret.
func appSecretProof(token, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(token))
	return hex.EncodeToString(mac.Sum(nil))
}

// APIVersion is the Graph API version in every request path.
func (c *Client) APIVersion() string { return c.cfg.APIVersion }

// Stats counts attempts and retries since the client was built.
type Stats struct{ Attempts, Retries int64 }

// Stats reports how many HTTP attempts the client made and how many of them
// were retries.
func (c *Client) Stats() Stats { return Stats{Attempts: c.attempts.Load(), Retries: c.retries.Load()} }

func (c *Client) logAttempt(_ retryablehttp.Logger, req *http.Request, attempt int) {
	c.attempts.Add(1)
	if attempt > 0 {
		c.retries.Add(1)
		c.cfg.Logger.Warn(req.Context(), "retrying Graph API request", map[string]any{
			"http_method": req.Method, "http_url": c.masker.url(req.URL), "attempt": attempt + 1,
		})
	}
}

// body is a request body: nil, form values or a JSON document.
type body interface {
	encode() (contentType string, data []byte, err error)
}

type formBody url.Values

func (f formBody) encode() (string, []byte, error) {
	return "application/x-www-form-urlencoded", []byte(url.Values(f).Encode()), nil
}

type jsonBody struct{ v any }

func (j jsonBody) encode() (string, []byte, error) {
	data, err := json.Marshal(j.v)
	return "application/json", data, err
}

// do sends one logical request (retried as the policy says) and decodes a
// successful JSON response into out. path starts with "/" and excludes the
// version.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, b body, out any) error {
	if err := c.unreachableErr(); err != nil {
		return err
	}
	if err := c.throttleCheck(method, path); err != nil {
		return err
	}
	u := c.endpoint(path, query)
	var payload []byte
	contentType := ""
	if b != nil {
		var err error
		if contentType, payload, err = b.encode(); err != nil {
			return fmt.Errorf("encoding the %s %s request: %w", method, path, err)
		}
	}
	var raw any
	if payload != nil {
		raw = payload
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, u, raw)
	if err != nil {
		return fmt.Errorf("building the %s %s request: %s", method, path, c.masker.text(err.Error()))
	}
	req.Header.Set("Authorization", "Bearer "+c.cfg.AccessToken)
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if payload != nil {
		c.cfg.Logger.Trace(ctx, "Graph API request body", map[string]any{"http_method": method, "http_path": path, "http_body": c.masker.text(string(payload))})
	}

	resp, err := c.send(ctx, req)
	if err != nil {
		closeBody(resp)
		if IsUnreachable(err) {
			return err
		}
		return c.transportError(ctx, method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return c.transportError(ctx, method, path, err)
	}
	c.cfg.Logger.Trace(ctx, "Graph API response body", map[string]any{"http_method": method, "http_path": path, "http_status": resp.StatusCode, "http_body": c.masker.text(string(data))})
	c.recordUsage(ctx, resp.Header)

	// Redirects are not followed (see New), so a 3xx is no answer either.
	if resp.StatusCode >= 300 {
		ge := parseError(resp, data)
		ge.Method, ge.Path = method, path
		ge.Message = c.masker.text(ge.Message)
		c.throttleNote(path, ge)
		return ge
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &Error{HTTPStatus: resp.StatusCode, Method: method, Path: path, FBTraceID: resp.Header.Get("X-Fb-Trace-Id"),
			Message: fmt.Sprintf("the response is not the JSON Graph sends (%d bytes): %s", len(data), c.masker.text(err.Error()))}
	}
	if t, ok := out.(interface{ setTrace(string) }); ok {
		t.setTrace(resp.Header.Get("X-Fb-Trace-Id"))
	}
	// A 200 that is not the answer asked for (such as {"success":false}
	// where a list or node was expected) is reported like any failed call,
	// with the status and fbtrace_id, rather than read as an empty result.
	if cr, ok := out.(checkedResponse); ok {
		if err := cr.checkResponse(); err != nil {
			return &Error{HTTPStatus: resp.StatusCode, Method: method, Path: path, FBTraceID: resp.Header.Get("X-Fb-Trace-Id"),
				Message: c.masker.text(err.Error())}
		}
	}
	return nil
}

// checkedResponse is a decoded body that can tell a real answer from a 200
// that is not one.
type checkedResponse interface{ checkResponse() error }

// transportError describes a failure to get any response, without the URL
// (which net/http errors repeat, appsecret_proof included).
func (c *Client) transportError(ctx context.Context, method, path string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s %s was cancelled: %w", method, path, ctxErr)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("%s %s failed (retried up to %d times): %s", method, path, c.cfg.MaxRetries, c.masker.text(err.Error()))
}

// endpoint builds the request URL: base, version, path and query. The token
// is never part of it; appsecret_proof is, because Graph reads it there.
func (c *Client) endpoint(path string, query url.Values) string {
	q := url.Values{}
	for k, v := range query {
		q[k] = append([]string(nil), v...)
	}
	if c.proof != "" {
		q.Set("appsecret_proof", c.proof)
	}
	u := c.cfg.BaseURL + "/" + c.cfg.APIVersion + path
	if enc := q.Encode(); enc != "" {
		u += "?" + enc
	}
	return u
}

// pathSegment escapes an ID for use in a path. IDs are validated numeric
// upstream; escaping keeps a bad one from changing the path's shape.
func pathSegment(id string) string { return url.PathEscape(strings.TrimSpace(id)) }
