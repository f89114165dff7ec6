package graph

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync/atomic"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph/internal/pacing"
)

// Client calls the Graph API. It is safe for concurrent use and is meant to be
// shared by every resource of one provider instance, so that reads of the same
// edge are coalesced and the token's app is resolved once.
type Client struct {
	cfg      Config
	wire     wire           // how requests go out
	reads    reads          // what this run has read, per kind of answer
	pages    pageSizes      // the page size each list edge is asked for
	budget   budget         // Meta's rate limits: usage seen, objects throttled
	reach    *reachability  // set once base_url could not be reached; shared with appCalls
	appCalls appTokenClient // calls made with the app access token
}

// wire is how requests go out: the retrying HTTP client, the masks applied
// to everything logged, the appsecret_proof and the attempts made.
type wire struct {
	http     *retryablehttp.Client
	masker   masker
	proof    string // "" without an app secret
	attempts atomic.Int64
	retries  atomic.Int64
}

// New builds a Client. It fails on a missing token, a malformed API version or
// an unsafe base URL, before any request is made.
func New(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, budget: budget{usage: &pacing.UsageTracker{}}, reach: &reachability{}}
	c.wire.masker = newMasker(appAccessToken(cfg), cfg.AccessToken, cfg.AppSecret)
	if cfg.AppSecret != "" {
		c.wire.proof = appSecretProof(cfg.AccessToken, cfg.AppSecret)
		// The app access token goes first so that it is masked whole: it
		// contains the app secret.
		c.wire.masker = newMasker(appAccessToken(cfg), cfg.AccessToken, cfg.AppSecret, c.wire.proof)
	}
	c.wire.http = c.newRetryingClient()
	return c, nil
}

// newRetryingClient is the HTTP client every request goes through: it logs
// each attempt and retries as checkRetry and backoff say.
func (c *Client) newRetryingClient() *retryablehttp.Client {
	transport := c.cfg.Transport
	if transport == nil {
		transport = http.DefaultTransport
		if t, ok := http.DefaultTransport.(*http.Transport); ok {
			transport = t.Clone()
		}
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: &loggingTransport{next: transport, log: c.cfg.Logger, masker: c.wire.masker},
		Timeout:   c.cfg.RequestTimeout,
		// Graph does not redirect API calls; following one could carry the
		// Authorization header somewhere unexpected.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	rc.Logger = nil
	rc.RetryMax = c.cfg.MaxRetries
	rc.RetryWaitMin = c.cfg.RetryWaitMin
	rc.RetryWaitMax = c.cfg.RetryWaitMax
	rc.CheckRetry = c.checkRetry
	rc.Backoff = c.backoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.RequestLogHook = c.logAttempt
	return rc
}

// appSecretProof is the hex HMAC-SHA256 of the token keyed by the app secret.
func appSecretProof(token, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(token))
	return hex.EncodeToString(mac.Sum(nil))
}

// APIVersion is the Graph API version in every request path.
func (c *Client) APIVersion() string { return c.cfg.APIVersion }
