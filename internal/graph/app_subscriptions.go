package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
)

// WABAWebhookObject is the object WhatsApp Business Account webhooks are
// subscribed under on /{app-id}/subscriptions.
const WABAWebhookObject = "whatsapp_business_account"

// ErrNoAppCredentials is returned by app-level calls when the client was not
// given both the app ID and the app secret: /{app-id}/subscriptions accepts
// only the app's own access token, which is built from the two.
var ErrNoAppCredentials = errors.New("app-level webhook subscriptions need an app access token: set both the app ID and the app secret")

// AppSubscription is an app's webhook configuration for one object.
type AppSubscription struct {
	Object      string
	CallbackURL string
	Active      bool
	// Fields are the subscribed field names, sorted.
	Fields []string
}

// AppSubscriptionSettings is what POST /{app-id}/subscriptions sets for one
// object. Graph runs the verification handshake against CallbackURL with
// VerifyToken before it accepts the change.
type AppSubscriptionSettings struct {
	Object        string
	CallbackURL   string
	VerifyToken   string
	Fields        []string
	IncludeValues bool
}

type appSubscriptionJSON struct {
	Object      string             `json:"object"`
	CallbackURL string             `json:"callback_url"`
	Active      *flexBool          `json:"active"`
	Fields      subscriptionFields `json:"fields"`
}

// subscriptionFields decodes the subscribed fields. The Graph reference types
// them as string[], while its own sample (and Meta's live API) returns
// {"name", "version"} objects; both are accepted, mixed too.
type subscriptionFields []string

func (f *subscriptionFields) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, []byte("null")) {
		*f = nil
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return fmt.Errorf("fields is neither a list of names nor a list of {name, version} objects: %w", err)
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		var name string
		if err := json.Unmarshal(item, &name); err != nil {
			var obj struct {
				Name string `json:"name"`
			}
			if err := json.Unmarshal(item, &obj); err != nil {
				return fmt.Errorf("a subscribed field is neither a name nor a {name, version} object: %s", item)
			}
			name = obj.Name
		}
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	*f = out
	return nil
}

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
			a.err = ErrNoAppCredentials
			return
		}
		cfg := c.cfg
		cfg.AccessToken = token
		// The app-token client never asks which app owns its token.
		cfg.AppID = ""
		a.client, a.err = New(cfg)
		if a.err != nil {
			a.err = fmt.Errorf("building the app access token client: %s", c.masker.text(a.err.Error()))
			return
		}
		// Both clients call the same base URL: when one cannot reach it,
		// neither can the other.
		a.client.reach = c.reach
	})
	return a.client, a.err
}

func appSubscriptionsPath(appID string) string { return "/" + pathSegment(appID) + "/subscriptions" }

func (c *Client) appSubscriptionsScope() string { return "app_subscriptions|" + c.cfg.AppID }

// ListAppSubscriptions lists the app's webhook subscriptions, one per object,
// following every page. Reads in one run share one fetch until this client
// changes a subscription.
func (c *Client) ListAppSubscriptions(ctx context.Context) ([]AppSubscription, error) {
	app, err := c.asApp()
	if err != nil {
		return nil, err
	}
	scope := c.appSubscriptionsScope()
	v, err := cachedAs[[]AppSubscription](app.cached(ctx, scope, scope, c.fetchAppSubscriptions(app)))
	if err != nil {
		return nil, err
	}
	subs := slices.Clone(v)
	for i := range subs {
		subs[i].Fields = slices.Clone(subs[i].Fields)
	}
	return subs, nil
}

// fetchAppSubscriptions reads the app's subscriptions through app, the
// app-token client.
func (c *Client) fetchAppSubscriptions(app *Client) func(context.Context) (any, error) {
	return func(ctx context.Context) (any, error) {
		var subs []AppSubscription
		err := app.listAll(ctx, "app_subscriptions", appSubscriptionsPath(c.cfg.AppID), nil, func(raw json.RawMessage) error {
			var j appSubscriptionJSON
			if err := json.Unmarshal(raw, &j); err != nil {
				return err
			}
			subs = append(subs, AppSubscription{
				Object: j.Object, CallbackURL: j.CallbackURL,
				// A subscription Graph lists without saying otherwise is in use.
				Active: j.Active == nil || bool(*j.Active),
				Fields: []string(j.Fields),
			})
			return nil
		})
		return subs, err
	}
}

// FindAppSubscription returns the app's subscription for object, or nil when
// the app has none.
func (c *Client) FindAppSubscription(ctx context.Context, object string) (*AppSubscription, error) {
	subs, err := c.ListAppSubscriptions(ctx)
	if err != nil {
		return nil, err
	}
	return findAppSubscription(subs, object), nil
}

// ExistingAppSubscription is the check before creating the app's
// subscription for object: the subscription as the latest read of the app's
// subscriptions in this run saw it (they are read when they have not been
// yet), or nil when there was none. Creates in one run share that read (see
// knownOrFetch). Reads that must see this client's own writes use
// FindAppSubscription.
func (c *Client) ExistingAppSubscription(ctx context.Context, object string) (*AppSubscription, error) {
	app, err := c.asApp()
	if err != nil {
		return nil, err
	}
	scope := c.appSubscriptionsScope()
	subs, err := cachedAs[[]AppSubscription](app.knownOrFetch(ctx, scope, scope, c.fetchAppSubscriptions(app)))
	if err != nil {
		return nil, err
	}
	return findAppSubscription(subs, object), nil
}

// findAppSubscription copies the object's subscription out of a list, or is
// nil.
func findAppSubscription(subs []AppSubscription, object string) *AppSubscription {
	for _, s := range subs {
		if s.Object == object {
			found := s
			found.Fields = slices.Clone(s.Fields)
			return &found
		}
	}
	return nil
}

// SetAppSubscription creates or replaces the app's subscription for one
// object: Graph treats the POST as an upsert. Parameters go in a form body,
// fields as a comma-separated list as in Meta's reference sample.
func (c *Client) SetAppSubscription(ctx context.Context, s AppSubscriptionSettings) error {
	app, err := c.asApp()
	if err != nil {
		return err
	}
	fields := slices.Clone(s.Fields)
	sort.Strings(fields)
	fields = slices.Compact(fields)
	form := formBody{
		"object":         {s.Object},
		"callback_url":   {s.CallbackURL},
		"verify_token":   {s.VerifyToken},
		"fields":         {strings.Join(fields, ",")},
		"include_values": {fmt.Sprint(s.IncludeValues)},
	}
	path := appSubscriptionsPath(c.cfg.AppID)
	return app.writing(c.appSubscriptionsScope(), func() error {
		var res writeResult
		if err := app.do(ctx, "POST", path, nil, form, &res); err != nil {
			return err
		}
		return res.check("POST", path)
	})
}

// DeleteAppSubscription removes the app's whole subscription for object. The
// object goes in the query string, where Graph reads DELETE parameters. Meta
// does not document this response; only an explicit success=false is taken
// as a refusal.
func (c *Client) DeleteAppSubscription(ctx context.Context, object string) error {
	app, err := c.asApp()
	if err != nil {
		return err
	}
	path := appSubscriptionsPath(c.cfg.AppID)
	return app.writing(c.appSubscriptionsScope(), func() error {
		var res writeResult
		if err := app.do(ctx, "DELETE", path, url.Values{"object": {object}}, nil, &res); err != nil {
			return err
		}
		if res.Success != nil && !bool(*res.Success) {
			return res.check("DELETE", path)
		}
		return nil
	})
}
