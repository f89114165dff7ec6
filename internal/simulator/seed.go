package simulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// Seed is the initial state of a simulator. It loads from JSON or YAML; YAML
// files use the same keys as the JSON form.
type Seed struct {
	Tokens          []Token    `json:"tokens"`
	AppSecret       string     `json:"app_secret,omitempty"` // when set, every user-token request needs a valid appsecret_proof
	Apps            []App      `json:"apps"`
	Businesses      []Business `json:"businesses"`
	Users           []User     `json:"users"` // business users and system users
	WABAs           []WABA     `json:"wabas"`
	PageSize        int        `json:"page_size,omitempty"`         // page size when no limit is given (default 25)
	MaxPageSize     int        `json:"max_page_size,omitempty"`     // largest limit honoured (default 100)
	StrictLimit     bool       `json:"strict_limit,omitempty"`      // limit above MaxPageSize is error 100 instead of being capped
	SuccessAsString bool       `json:"success_as_string,omitempty"` // writes answer {"success":"true"} like older Meta docs
	TasksMerge      bool       `json:"tasks_merge,omitempty"`       // POST assigned_users unions tasks instead of replacing them
	HourlyBudget    int        `json:"hourly_budget,omitempty"`     // calls per app per WABA per rolling hour (default 200)
	EnforceBudget   bool       `json:"enforce_budget,omitempty"`    // calls beyond the budget fail with error 80008

	SubscribedAppsShape string `json:"subscribed_apps_shape,omitempty"` // items of GET subscribed_apps: "nested" (default) or "flat"
	HeavyPageSize       int    `json:"heavy_page_size,omitempty"`       // list pages larger than this fail with "reduce the amount of data"; 0 is off

	// Template reviews and categories; see Settings.
	TemplateReviewDelay      Duration         `json:"template_review_delay,omitempty"`      // 0 leaves reviews to POST /_sim/templates/review
	TemplateReviewOutcome    string           `json:"template_review_outcome,omitempty"`    // APPROVED (default) or REJECTED
	TemplateCategoryOverride CategoryOverride `json:"template_category_override,omitempty"` // requested category -> Meta's

	// AppSubscriptions are the apps' webhook subscriptions (GET
	// /{app-id}/subscriptions) before any call, keyed by app ID.
	AppSubscriptions map[string][]AppSubscription `json:"app_subscriptions,omitempty"`
}

// Token is an accepted user or system-user access token. HiddenWABAs are
// WABAs the token cannot see: they answer it as if they did not exist.
type Token struct {
	Value       string   `json:"value"`
	AppID       string   `json:"app_id"`
	Scopes      []string `json:"scopes"`
	Expired     bool     `json:"expired,omitempty"`
	HiddenWABAs []string `json:"hidden_wabas,omitempty"`
}

// App is a Meta app. Its link is derived from the ID, as Meta does. Secret,
// when set, makes "<id>|<secret>" a valid app access token.
type App struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Secret string `json:"secret,omitempty"`
}

// Business is a business portfolio that owns WABAs and users.
type Business struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// User is a business user or a system user of a business.
type User struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	UserType   string `json:"user_type"` // BUSINESS_USER or SYSTEM_USER
	BusinessID string `json:"business_id"`
}

// WABA is a WhatsApp Business Account with its edges.
type WABA struct {
	ID               string           `json:"id"`
	BusinessID       string           `json:"business_id"`
	Fields           map[string]any   `json:"fields"` // node fields served by GET /{waba-id}
	Subscriptions    []Subscription   `json:"subscribed_apps"`
	Assignments      []Assignment     `json:"assigned_users"`
	PhoneNumbers     []map[string]any `json:"phone_numbers"`
	MessageTemplates []map[string]any `json:"message_templates"`
	// ClientOf are the partner businesses the WABA is shared with: each lists
	// it on its client_whatsapp_business_accounts edge.
	ClientOf []ClientAccess `json:"client_of,omitempty"`
}

// ClientAccess shares a WABA with a partner business, which may perform
// PermittedTasks on it.
type ClientAccess struct {
	BusinessID     string   `json:"business_id"`
	PermittedTasks []string `json:"permitted_tasks"`
}

// Subscription is an app subscribed to a WABA's webhooks.
type Subscription struct {
	AppID               string `json:"app_id"`
	OverrideCallbackURI string `json:"override_callback_uri,omitempty"`
}

// Assignment gives a user tasks on a WABA.
type Assignment struct {
	UserID string   `json:"user_id"`
	Tasks  []string `json:"tasks"`
}

// AppSubscription is an app's webhook subscription for one object type, such
// as whatsapp_business_account. Seeded subscriptions are active.
type AppSubscription struct {
	Object        string            `json:"object"`
	CallbackURL   string            `json:"callback_url"`
	Fields        []SubscribedField `json:"fields"`
	IncludeValues bool              `json:"include_values,omitempty"`
}

// SubscribedField is a subscribed webhook field with the Graph version it
// was subscribed with. A seed may give it as a plain name; the version then
// defaults to the latest.
type SubscribedField struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// UnmarshalJSON reads {"name","version"} or a plain field name.
func (f *SubscribedField) UnmarshalJSON(data []byte) error {
	var name string
	if json.Unmarshal(data, &name) == nil {
		*f = SubscribedField{Name: name}
		return nil
	}
	type plain SubscribedField
	var p plain
	if err := decodeStrict(data, &p); err != nil {
		return err
	}
	*f = SubscribedField(p)
	return nil
}

// LoadSeed reads a seed from a .json, .yaml or .yml file. Unknown keys are
// rejected so that a typo in a seed file does not silently change a test.
func LoadSeed(path string) (Seed, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Seed{}, fmt.Errorf("load seed: %w", err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
	case ".yaml", ".yml":
		if data, err = yamlToJSON(data); err != nil {
			return Seed{}, fmt.Errorf("load seed %s: %w", path, err)
		}
	default:
		return Seed{}, fmt.Errorf("load seed %s: unsupported extension (want .json, .yaml or .yml)", path)
	}
	var seed Seed
	if err := decodeStrict(data, &seed); err != nil {
		return Seed{}, fmt.Errorf("load seed %s: %w", path, err)
	}
	if err := seed.Validate(); err != nil {
		return Seed{}, fmt.Errorf("load seed %s: %w", path, err)
	}
	return seed, nil
}

// yamlToJSON converts YAML to JSON so that both formats share the JSON keys
// and the same strict decoding.
func yamlToJSON(data []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	if v == nil {
		return []byte("{}"), nil
	}
	v, err := jsonCompatible(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// jsonCompatible rewrites YAML maps with non-string keys, which
// encoding/json cannot marshal.
func jsonCompatible(v any) (any, error) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			c, err := jsonCompatible(e)
			if err != nil {
				return nil, err
			}
			t[k] = c
		}
		return t, nil
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			c, err := jsonCompatible(e)
			if err != nil {
				return nil, err
			}
			m[fmt.Sprint(k)] = c
		}
		return m, nil
	case []any:
		for i, e := range t {
			c, err := jsonCompatible(e)
			if err != nil {
				return nil, err
			}
			t[i] = c
		}
		return t, nil
	default:
		return v, nil
	}
}

// decodeStrict decodes one JSON value, rejecting unknown keys and keeping
// numbers exact inside free-form fields.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	return dec.Decode(v)
}

// clone deep-copies a seed so the server never shares maps with its caller.
func (s Seed) clone() Seed {
	data, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("simulator: seed is not JSON-encodable: %v", err))
	}
	var out Seed
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		panic(fmt.Sprintf("simulator: seed does not round-trip: %v", err))
	}
	return out
}
