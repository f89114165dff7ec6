package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
)

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

// clone copies Fields, so that a caller changing a returned subscription
// cannot change the cached list.
func (a AppSubscription) clone() AppSubscription {
	a.Fields = slices.Clone(a.Fields)
	return a
}

// decodeAppSubscription reads one item of the app's subscriptions.
func decodeAppSubscription(raw []byte) (AppSubscription, error) {
	var j appSubscriptionJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return AppSubscription{}, err
	}
	return AppSubscription{
		Object: j.Object, CallbackURL: j.CallbackURL,
		// A subscription Graph lists without saying otherwise is in use.
		Active: j.Active == nil || bool(*j.Active),
		Fields: []string(j.Fields),
	}, nil
}

// appSubscriptions is the app's /{app-id}/subscriptions edge, which only the
// app-token client may call. Its reads are cached here, in the parent.
func (c *Client) appSubscriptions() (edge[AppSubscription], error) {
	app, err := c.asApp()
	if err != nil {
		return edge[AppSubscription]{}, err
	}
	return edge[AppSubscription]{via: app, cache: &c.reads.appSubscriptions, name: "app_subscriptions", object: c.cfg.AppID,
		path: edgePath(c.cfg.AppID, "subscriptions"), decode: decodeAppSubscription}, nil
}

// isObject matches the subscription for object.
func isObject(object string) func(AppSubscription) bool {
	return func(s AppSubscription) bool { return s.Object == object }
}

// listAppSubscriptions lists the app's webhook subscriptions, one per object,
// following every page. Reads in one run share one fetch until this client
// changes a subscription.
func (c *Client) listAppSubscriptions(ctx context.Context) ([]AppSubscription, error) {
	subs, err := c.appSubscriptions()
	if err != nil {
		return nil, err
	}
	return subs.list(ctx, edgeQuery{})
}

// FindAppSubscription returns the app's subscription for object, or nil when
// the app has none.
func (c *Client) FindAppSubscription(ctx context.Context, object string) (*AppSubscription, error) {
	subs, err := c.appSubscriptions()
	if err != nil {
		return nil, err
	}
	return subs.find(ctx, edgeQuery{}, isObject(object))
}

// ExistingAppSubscription is the check before creating the app's
// subscription for object: the subscription as the latest read of the app's
// subscriptions in this run saw it (they are read when they have not been
// yet), or nil when there was none. Creates in one run share that read (see
// readCache.lastKnown). Reads that must see this client's own writes use
// FindAppSubscription.
func (c *Client) ExistingAppSubscription(ctx context.Context, object string) (*AppSubscription, error) {
	subs, err := c.appSubscriptions()
	if err != nil {
		return nil, err
	}
	return subs.findLastKnown(ctx, edgeQuery{}, isObject(object))
}

// SetAppSubscription creates or replaces the app's subscription for one
// object: Graph treats the POST as an upsert. Parameters go in a form body,
// fields as a comma-separated list as in Meta's reference sample.
func (c *Client) SetAppSubscription(ctx context.Context, s AppSubscriptionSettings) error {
	subs, err := c.appSubscriptions()
	if err != nil {
		return err
	}
	fields := slices.Clone(s.Fields)
	sort.Strings(fields)
	fields = slices.Compact(fields)
	return subs.write(ctx, edgeWrite{method: "POST", body: formBody{
		"object":         {s.Object},
		"callback_url":   {s.CallbackURL},
		"verify_token":   {s.VerifyToken},
		"fields":         {strings.Join(fields, ",")},
		"include_values": {fmt.Sprint(s.IncludeValues)},
	}})
}

// DeleteAppSubscription removes the app's whole subscription for object. The
// object goes in the query string, where Graph reads DELETE parameters. Meta
// does not document this response; only an explicit success=false is taken
// as a refusal.
func (c *Client) DeleteAppSubscription(ctx context.Context, object string) error {
	subs, err := c.appSubscriptions()
	if err != nil {
		return err
	}
	return subs.write(ctx, edgeWrite{method: "DELETE", query: url.Values{"object": {object}}, unconfirmedOK: true})
}
