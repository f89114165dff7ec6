package graph

import (
	"context"
	"errors"
	"net/url"
)

// WebhookConfiguration is where Meta sends a phone number's webhooks, level
// by level: the number's own callback override, its WABA's override and the
// app's callback URL. Meta uses the first level that is set. A level
// without a URL is "": Graph leaves whatsapp_business_account out when the
// WABA has no override.
// Seen in public client code and Meta's webhook override guide:
// {"phone_number": ..., "whatsapp_business_account": ..., "application": ...}.
type WebhookConfiguration struct {
	PhoneNumber             string `json:"phone_number"`
	WhatsAppBusinessAccount string `json:"whatsapp_business_account"`
	Application             string `json:"application"`
}

// phoneNumberWebhookQuery reads every number of a WABA with only what the
// number-level override needs. Graph lets a node's fields be asked for on
// an edge of its items, but that webhook_configuration is served that way
// is not confirmed: when an answer lacks it, the number's own node is read
// instead (see webhookOf).
func phoneNumberWebhookQuery() edgeQuery {
	q := url.Values{"fields": {"id,webhook_configuration"}}
	return edgeQuery{params: q, id: q.Encode()}
}

// isPhoneNumber matches the number's item.
func isPhoneNumber(id string) func(PhoneNumber) bool {
	return func(p PhoneNumber) bool { return p.ID == id }
}

// FindPhoneNumberWebhook returns the webhook configuration of a phone
// number of the WABA, or nil when the WABA does not list the number. Every
// number of the WABA is read in one paged request, which all reads of the
// WABA in a run share until this client writes to one of its numbers: a
// refresh of overrides on N numbers costs one read, not N.
func (c *Client) FindPhoneNumberWebhook(ctx context.Context, wabaID, phoneID string) (*WebhookConfiguration, error) {
	p, err := c.phoneNumbers(wabaID).find(ctx, phoneNumberWebhookQuery(), isPhoneNumber(phoneID))
	return c.webhookOf(ctx, p, err)
}

// ExistingPhoneNumberWebhook is the check before setting a number's
// override: its configuration as the latest read of the WABA's numbers in
// this run saw it, or nil when the WABA does not list the number. Creates on
// the same WABA in one run share that read (see readCache.lastKnown).
func (c *Client) ExistingPhoneNumberWebhook(ctx context.Context, wabaID, phoneID string) (*WebhookConfiguration, error) {
	p, err := c.phoneNumbers(wabaID).findLastKnown(ctx, phoneNumberWebhookQuery(), isPhoneNumber(phoneID))
	return c.webhookOf(ctx, p, err)
}

// webhookOf is the configuration of a number found on the edge, read from
// the number's node when the edge's answer lacked it.
func (c *Client) webhookOf(ctx context.Context, p *PhoneNumber, err error) (*WebhookConfiguration, error) {
	if err != nil || p == nil {
		return nil, err
	}
	if p.WebhookConfiguration != nil {
		return p.WebhookConfiguration, nil
	}
	return c.GetPhoneNumberWebhook(ctx, p.ID)
}

// phoneNumberWebhookNode is the body of GET
// /{phone-number-id}?fields=webhook_configuration.
type phoneNumberWebhookNode struct {
	ID                   flexString            `json:"id"`
	WebhookConfiguration *WebhookConfiguration `json:"webhook_configuration"`
}

// checkResponse keeps a 200 without an id (such as {"success":false}) from
// reading as a number without an override.
func (n phoneNumberWebhookNode) checkResponse() error {
	if n.ID == "" {
		return errors.New(`the response has no "id", so it is not a phone number`)
	}
	return nil
}

// GetPhoneNumberWebhook reads one number's webhook configuration from its
// own node. A number whose node has no webhook_configuration at all has no
// level set.
func (c *Client) GetPhoneNumberWebhook(ctx context.Context, phoneID string) (*WebhookConfiguration, error) {
	var node phoneNumberWebhookNode
	if err := c.do(ctx, "GET", "/"+pathSegment(phoneID), url.Values{"fields": {"webhook_configuration"}}, nil, &node); err != nil {
		return nil, err
	}
	if node.WebhookConfiguration == nil {
		return &WebhookConfiguration{}, nil
	}
	return node.WebhookConfiguration, nil
}

// webhookConfigurationBody is the body of the number's POST: its
// configuration goes in a webhook_configuration object, as JSON.
type webhookConfigurationBody struct {
	WebhookConfiguration any `json:"webhook_configuration"`
}

// SetPhoneNumberWebhook sets the number's own callback override. Meta
// verifies the URL with the verify token before it answers, and accepts the
// override only from an app subscribed to the number's WABA. The write is
// made on the number, and the WABA's reads of its numbers see it.
func (c *Client) SetPhoneNumberWebhook(ctx context.Context, wabaID, phoneID string, override CallbackOverride) error {
	return c.phoneNumbers(wabaID).write(ctx, edgeWrite{method: "POST", path: "/" + pathSegment(phoneID),
		body: jsonBody{webhookConfigurationBody{override}}})
}

// ClearPhoneNumberWebhook removes the number's own callback override: the
// same POST with an empty override_callback_uri. Its webhooks then go to the
// WABA's override, or to the app's callback.
func (c *Client) ClearPhoneNumberWebhook(ctx context.Context, wabaID, phoneID string) error {
	none := map[string]string{"override_callback_uri": ""}
	return c.phoneNumbers(wabaID).write(ctx, edgeWrite{method: "POST", path: "/" + pathSegment(phoneID),
		body: jsonBody{webhookConfigurationBody{none}}, removes: true})
}
