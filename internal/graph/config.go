package graph

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Defaults a Client uses when its Config leaves a field at the zero value.
const (
	DefaultBaseURL    = "https://graph.facebook.com"
	DefaultAPIVersion = "v26.0"
	// DefaultPageLimit is the page size asked of list edges. Meta documents 100
	// as the largest most edges accept; the client falls back to the edge's
	// own default when one refuses it.
	DefaultPageLimit       = 100
	DefaultMaxRetries      = 4
	DefaultRetryWaitMin    = time.Second
	DefaultRetryWaitMax    = 30 * time.Second
	DefaultMaxThrottleWait = 2 * time.Minute
	DefaultRequestTimeout  = 60 * time.Second
	DefaultReviewPollMin   = 5 * time.Second
	DefaultReviewPollMax   = time.Minute
)

// Config is everything a Client needs. Only AccessToken is required.
type Config struct {
	BaseURL     string
	APIVersion  string
	AccessToken string
	// AppSecret, when set, makes every request carry appsecret_proof.
	AppSecret string
	// AppID is the app that owns AccessToken. When empty the client asks
	// Graph once (GET /app) and remembers the answer.
	AppID     string
	UserAgent string
	// MaxRetries is how many times a failed request is retried; 0 disables
	// retries.
	MaxRetries   int
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	// MaxThrottleWait is the longest rate-limit window the client will sleep
	// through. Meta's hourly Business Use Case limits can ask for far longer;
	// past this the call fails at once with a message saying how long to wait.
	MaxThrottleWait time.Duration
	// RequestTimeout bounds each attempt.
	RequestTimeout time.Duration
	// PageLimit is the page size asked of list edges.
	PageLimit int
	// ReviewPollMin and ReviewPollMax bound the wait between two reads of
	// a template under review: the wait doubles from the first to the
	// second, so a long review costs few requests.
	ReviewPollMin time.Duration
	ReviewPollMax time.Duration
	// Now is the clock edits are timed by; nil is time.Now (tests set it).
	Now    func() time.Time
	Logger Logger
	// Transport replaces the HTTP transport (tests).
	Transport http.RoundTripper
}

var apiVersionPattern = regexp.MustCompile(`^v\d+\.\d+$`)

// ValidateAPIVersion checks the form Graph uses in its paths, e.g. v26.0.
func ValidateAPIVersion(v string) error {
	if !apiVersionPattern.MatchString(v) {
		return fmt.Errorf("API version %q is not of the form vMAJOR.MINOR, e.g. %s", v, DefaultAPIVersion)
	}
	return nil
}

// ValidateBaseURL accepts https URLs, and plain http only on a loopback host
// (the local simulator and test fixtures), so a token is never sent in clear
// text over a network.
func ValidateBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Errorf("base URL %q is not an absolute http(s) URL such as %s", raw, DefaultBaseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("base URL %q must not carry a query, fragment or user info", raw)
	}
	if u.Scheme == "http" && !isLoopbackHost(u.Hostname()) {
		return fmt.Errorf("base URL %q uses plain http on a non-loopback host; use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)", raw)
	}
	return nil
}

// isLoopbackHost reports whether host is localhost or a loopback IP.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (c Config) withDefaults() Config {
	if c.BaseURL == "" {
		c.BaseURL = DefaultBaseURL
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.APIVersion == "" {
		c.APIVersion = DefaultAPIVersion
	}
	if c.UserAgent == "" {
		c.UserAgent = "terraform-provider-whatsapp/dev"
	}
	if c.RetryWaitMin <= 0 {
		c.RetryWaitMin = DefaultRetryWaitMin
	}
	if c.RetryWaitMax <= 0 {
		c.RetryWaitMax = DefaultRetryWaitMax
	}
	if c.RetryWaitMax < c.RetryWaitMin {
		c.RetryWaitMax = c.RetryWaitMin
	}
	if c.MaxThrottleWait <= 0 {
		c.MaxThrottleWait = DefaultMaxThrottleWait
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.PageLimit <= 0 {
		c.PageLimit = DefaultPageLimit
	}
	if c.ReviewPollMin <= 0 {
		c.ReviewPollMin = DefaultReviewPollMin
	}
	if c.ReviewPollMax < c.ReviewPollMin {
		c.ReviewPollMax = max(DefaultReviewPollMax, c.ReviewPollMin)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.MaxRetries < 0 {
		c.MaxRetries = 0
	}
	if c.Logger == nil {
		c.Logger = nopLogger{}
	}
	c.AccessToken = strings.TrimSpace(c.AccessToken)
	c.AppSecret = strings.TrimSpace(c.AppSecret)
	return c
}

func (c Config) validate() error {
	if c.AccessToken == "" {
		return fmt.Errorf("an access token is required")
	}
	if strings.ContainsAny(c.AccessToken, " \t\r\n") {
		// Say where, never what: the value is a secret.
		return fmt.Errorf("the access token contains white space inside it; copy it again without line breaks")
	}
	if err := ValidateAPIVersion(c.APIVersion); err != nil {
		return err
	}
	return ValidateBaseURL(c.BaseURL)
}
