package graph

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// errNoAppCredentials is returned by app-level calls when the client was not
// given both the app ID and the app secret: /{app-id}/subscriptions accepts
// only the app's own access token, which is built from the two.
var errNoAppCredentials = errors.New("app-level webhook subscriptions need an app access token: set both the app ID and the app secret")

// appTokenClient makes the calls that need the app access token. It is a
// Client of its own, built on first use, so that the token, its
// appsecret_proof and its masks never mix with the user token's.
type appTokenClient struct {
	once   sync.Once
	client *Client
	err    error
}

// appAccessToken is "<app-id>|<app-secret>", or "" when either part is missing.
func appAccessToken(cfg Config) string {
	id, secret := strings.TrimSpace(cfg.AppID), strings.TrimSpace(cfg.AppSecret)
	if id == "" || secret == "" {
		return ""
	}
	return id + "|" + secret
}

// AppID is the app ID the client was configured with, or "".
func (c *Client) AppID() string { return c.cfg.AppID }

// HasAppCredentials reports whether the client can make app-level calls.
func (c *Client) HasAppCredentials() bool { return appAccessToken(c.cfg) != "" }

// asApp returns the client that calls with the app access token. The token
// travels in the Authorization header like any other. It also gets an
// appsecret_proof, computed over the app token itself: Meta's SDKs send one
// with every token, and whether Graph wants it for app tokens is not
// documented either way.
func (c *Client) asApp() (*Client, error) {
	a := &c.appCalls
	a.once.Do(func() {
		token := appAccessToken(c.cfg)
		if token == "" {
			a.err = errNoAppCredentials
			return
		}
		cfg := c.cfg
		cfg.AccessToken = token
		// The app-token client never asks which app owns its token.
		cfg.AppID = ""
		a.client, a.err = New(cfg)
		if a.err != nil {
			a.err = fmt.Errorf("building the app access token client: %s", c.wire.masker.text(a.err.Error()))
			return
		}
		// Both clients call the same base URL: when one cannot reach it,
		// neither can the other. Their calls also spend the same budgets,
		// and the provider asks the parent about them.
		a.client.reach = c.reach
		a.client.budget.usage = c.budget.usage
	})
	return a.client, a.err
}
