package graph

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"time"
)

// A message template's writes and its node. Templates are read through the
// WABA's message_templates edge (message_templates.go), which every read in
// a run shares; the node is read only to follow one template's review.

// TemplateDraft is what a create sends (POST /{waba-id}/message_templates).
// Meta's template pages and its Python SDK (create_message_template).
type TemplateDraft struct {
	Name     string `json:"name"`
	Language string `json:"language"`
	Category string `json:"category"`
	// Components is the JSON array sent as it is.
	Components json.RawMessage `json:"components"`
	// ParameterFormat is NAMED or POSITIONAL; empty leaves it to Graph,
	// which takes POSITIONAL.
	ParameterFormat       string `json:"parameter_format,omitempty"`
	MessageSendTTLSeconds *int64 `json:"message_send_ttl_seconds,omitempty"`
}

// TemplateEdit is what an edit sends (POST /{template-id}); a nil field is
// left as it is. Components are replaced whole.
type TemplateEdit struct {
	Category              string          `json:"category,omitempty"`
	Components            json.RawMessage `json:"components,omitempty"`
	MessageSendTTLSeconds *int64          `json:"message_send_ttl_seconds,omitempty"`
}

// IsEmpty reports whether the edit changes nothing.
func (e TemplateEdit) IsEmpty() bool {
	return e.Category == "" && len(e.Components) == 0 && e.MessageSendTTLSeconds == nil
}

// TemplateCreated is a create's answer: {"id","status","category"}. The
// category is Meta's, which may differ from the one asked for.
type TemplateCreated struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Category string `json:"category"`
}

func (t TemplateCreated) checkResponse() error {
	if t.ID == "" {
		return errors.New(`the response has no "id", so the template may not have been created`)
	}
	return nil
}

// templates is the WABA's message_templates edge.
func (c *Client) templates(wabaID string) edge[MessageTemplate] {
	return edge[MessageTemplate]{via: c, cache: &c.reads.templates, name: "message_templates", object: wabaID,
		path: edgePath(wabaID, "message_templates"), decode: decodeMessageTemplate}
}

// allTemplatesQuery reads every template of the WABA, unfiltered: the read
// the resource shares with a data source without filters.
func allTemplatesQuery() edgeQuery {
	q := url.Values{"fields": {strings.Join(MessageTemplateFields, ",")}}
	return edgeQuery{params: q, id: q.Encode()}
}

// FindMessageTemplate returns the WABA's template with the ID, or nil when
// the WABA does not list it. All reads of a WABA's templates in a run share
// one paged request until this client writes to one of them: a refresh of T
// templates costs ceil(T / page size) requests.
func (c *Client) FindMessageTemplate(ctx context.Context, wabaID, templateID string) (*MessageTemplate, error) {
	return c.templates(wabaID).find(ctx, allTemplatesQuery(), func(t MessageTemplate) bool { return t.ID == templateID })
}

// ExistingMessageTemplate is the check before a create: the template of
// that name and language as the latest read of the WABA's templates in this
// run saw it, or nil.
func (c *Client) ExistingMessageTemplate(ctx context.Context, wabaID, name, language string) (*MessageTemplate, error) {
	return c.templates(wabaID).findLastKnown(ctx, allTemplatesQuery(), func(t MessageTemplate) bool {
		return t.Name == name && t.Language == language
	})
}

// FindMessageTemplateByName returns the WABA's template of that name and
// language, or nil: how an import by name finds the ID.
func (c *Client) FindMessageTemplateByName(ctx context.Context, wabaID, name, language string) (*MessageTemplate, error) {
	return c.templates(wabaID).find(ctx, allTemplatesQuery(), func(t MessageTemplate) bool {
		return t.Name == name && t.Language == language
	})
}

// GetMessageTemplate reads one template from its node (GET /{template-id}):
// what waiting for a review polls, since a read of the whole edge would
// cost more per poll.
func (c *Client) GetMessageTemplate(ctx context.Context, templateID string) (*MessageTemplate, error) {
	var raw json.RawMessage
	q := url.Values{"fields": {strings.Join(MessageTemplateFields, ",")}}
	if err := c.do(ctx, "GET", "/"+pathSegment(templateID), q, nil, &raw); err != nil {
		return nil, err
	}
	t, err := decodeMessageTemplate(raw)
	if err != nil {
		return nil, err
	}
	if t.ID == "" {
		return nil, &Error{HTTPStatus: 200, Method: "GET", Path: "/" + templateID, Message: `Graph answered without an "id", so the answer is not a template`}
	}
	return &t, nil
}

// CreateMessageTemplate submits a new template for review. Meta allows 100
// creations per WABA per hour.
func (c *Client) CreateMessageTemplate(ctx context.Context, wabaID string, d TemplateDraft) (TemplateCreated, error) {
	e := c.templates(wabaID)
	var created TemplateCreated
	// A second create fails as existing: the POST is made at most once
	// unless Graph refused it (see applyOnce).
	ctx = applyOnce(ctx, messageTemplateCreate(wabaID, d.Name, d.Language))
	err := e.cache.writing(e.scope(), func() error {
		return c.do(ctx, "POST", e.path, nil, jsonBody{d}, &created)
	})
	return created, err
}

// EditMessageTemplate edits a template, which sends it back to review.
// Graph allows it on APPROVED, REJECTED and PAUSED templates only, an
// APPROVED one once a day and 10 times in 30 days, its category fixed.
func (c *Client) EditMessageTemplate(ctx context.Context, wabaID, templateID string, edit TemplateEdit) error {
	return c.templates(wabaID).write(ctx, edgeWrite{method: "POST", path: "/" + pathSegment(templateID), body: jsonBody{edit}})
}

// DeleteMessageTemplate deletes one language of a template
// (DELETE /{waba-id}/message_templates?name=...&hsm_id=...): with the ID,
// only that template, where the name alone would delete every language.
func (c *Client) DeleteMessageTemplate(ctx context.Context, wabaID, name, templateID string) error {
	if name == "" || templateID == "" {
		return errors.New("deleting a template needs its name and ID: without the ID Graph deletes every language of the name")
	}
	return c.templates(wabaID).write(ctx, edgeWrite{method: "DELETE", query: url.Values{"name": {name}, "hsm_id": {templateID}}})
}

// Now is the client's clock, by which template edits are timed.
func (c *Client) Now() time.Time { return c.cfg.Now() }

// InReview reports whether Meta is still reviewing a template in status.
func InReview(status string) bool { return status == "PENDING" || status == "IN_APPEAL" }

// WaitForTemplateReview reads the template from its node until Meta's
// review ends, waiting ReviewPollMin, then twice as long each time up to
// ReviewPollMax, and returns it as last read. The context's deadline bounds
// the wait; reaching it returns the template as last read with the
// context's error.
func (c *Client) WaitForTemplateReview(ctx context.Context, templateID string) (*MessageTemplate, error) {
	wait := c.cfg.ReviewPollMin
	var last *MessageTemplate
	for {
		t, err := c.GetMessageTemplate(ctx, templateID)
		if err != nil {
			if ctx.Err() != nil && last != nil {
				return last, ctx.Err()
			}
			return last, err
		}
		last = t
		if !InReview(t.Status) {
			return t, nil
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return last, ctx.Err()
		case <-timer.C:
		}
		wait = min(2*wait, c.cfg.ReviewPollMax)
	}
}
