package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// MessageTemplateFields is the explicit field list templates are read with,
// by the data source and the resource alike, so that both share one read of
// a WABA's templates.
var MessageTemplateFields = []string{
	"id", "name", "language", "category", "previous_category", "status", "quality_score", "rejected_reason",
	"components", "parameter_format", "message_send_ttl_seconds",
}

// MessageTemplate is a message template of a WABA. Pointer fields are nil
// when Graph did not return them.
type MessageTemplate struct {
	ID             string
	Name           string
	Language       string
	Category       string
	Status         string
	QualityScore   *string
	RejectedReason *string
	// PreviousCategory is the category before Meta re-categorised the
	// template, when it did.
	PreviousCategory *string
	// ParameterFormat is NAMED or POSITIONAL; nil when Graph left it out,
	// which reads as POSITIONAL.
	ParameterFormat       *string
	MessageSendTTLSeconds *int64
	// ComponentsJSON is the components array as compact JSON, or "" when
	// Graph returned none.
	ComponentsJSON string
}

// MessageTemplateFilter narrows a template list; empty fields do not filter.
type MessageTemplateFilter struct {
	Name     string
	Status   []string
	Category []string
	Language []string
}

// query encodes the filter the way Meta's SDK does: lists as JSON arrays,
// sorted and without duplicates so that equal filters make equal requests.
func (f MessageTemplateFilter) query() (url.Values, error) {
	q := url.Values{}
	if f.Name != "" {
		q.Set("name", f.Name)
	}
	for key, values := range map[string][]string{"status": f.Status, "category": f.Category, "language": f.Language} {
		if len(values) == 0 {
			continue
		}
		sorted := slices.Clone(values)
		sort.Strings(sorted)
		enc, err := json.Marshal(slices.Compact(sorted))
		if err != nil {
			return nil, err
		}
		q.Set(key, string(enc))
	}
	return q, nil
}

type messageTemplateJSON struct {
	ID             flexString      `json:"id"`
	Name           string          `json:"name"`
	Language       string          `json:"language"`
	Category       string          `json:"category"`
	Status         string          `json:"status"`
	QualityScore   json.RawMessage `json:"quality_score"`
	RejectedReason *string         `json:"rejected_reason"`
	Components     json.RawMessage `json:"components"`
	// Seen as a string and as null in public client code.
	PreviousCategory *string     `json:"previous_category"`
	ParameterFormat  *string     `json:"parameter_format"`
	TTL              optionalInt `json:"message_send_ttl_seconds"`
}

// decodeMessageTemplate reads one item of the message_templates edge.
// quality_score is an object ({"score": "GREEN", ...}) on the template node;
// a bare string is accepted too.
func decodeMessageTemplate(raw []byte) (MessageTemplate, error) {
	var j messageTemplateJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return MessageTemplate{}, err
	}
	t := MessageTemplate{
		ID: string(j.ID), Name: j.Name, Language: j.Language, Category: j.Category, Status: j.Status,
		QualityScore: stringOrMember(j.QualityScore, "score"), RejectedReason: j.RejectedReason,
		PreviousCategory: j.PreviousCategory, ParameterFormat: j.ParameterFormat, MessageSendTTLSeconds: j.TTL.ptr(),
	}
	if c := bytes.TrimSpace(j.Components); len(c) > 0 && !bytes.Equal(c, []byte("null")) {
		var buf bytes.Buffer
		if err := json.Compact(&buf, c); err != nil {
			return MessageTemplate{}, err
		}
		t.ComponentsJSON = buf.String()
	}
	return t, nil
}

// clone copies the pointed-to values, so that a caller changing a returned
// template cannot change the cached list.
func (t MessageTemplate) clone() MessageTemplate {
	t.QualityScore = clonePtr(t.QualityScore)
	t.RejectedReason = clonePtr(t.RejectedReason)
	t.PreviousCategory = clonePtr(t.PreviousCategory)
	t.ParameterFormat = clonePtr(t.ParameterFormat)
	t.MessageSendTTLSeconds = clonePtr(t.MessageSendTTLSeconds)
	return t
}

// ListMessageTemplates lists the WABA's templates matching filter with
// MessageTemplateFields, following every page. The filter goes to Graph as
// query parameters. Reads with the same filter in one run share one fetch.
func (c *Client) ListMessageTemplates(ctx context.Context, wabaID string, filter MessageTemplateFilter) ([]MessageTemplate, error) {
	q, err := filter.query()
	if err != nil {
		return nil, err
	}
	q.Set("fields", strings.Join(MessageTemplateFields, ","))
	return c.templates(wabaID).list(ctx, edgeQuery{params: q, id: q.Encode()})
}
