package graph

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"slices"
)

// ConversationalAutomation is a phone number's welcome message switch, ice
// breakers (prompts) and commands. Every number has one; a number nobody
// configured has it empty.
type ConversationalAutomation struct {
	EnableWelcomeMessage bool                `json:"enable_welcome_message"`
	Prompts              []string            `json:"prompts"`
	Commands             []AutomationCommand `json:"commands"`
}

// AutomationCommand is one command, shown after "/" in the chat.
type AutomationCommand struct {
	Name        string `json:"command_name"`
	Description string `json:"command_description"`
}

// IsEmpty reports whether nothing is configured: no welcome message, no
// prompt, no command. Only a non-empty automation counts as existing
// before a create.
func (a ConversationalAutomation) IsEmpty() bool {
	return !a.EnableWelcomeMessage && len(a.Prompts) == 0 && len(a.Commands) == 0
}

func (a ConversationalAutomation) clone() ConversationalAutomation {
	a.Prompts, a.Commands = slices.Clone(a.Prompts), slices.Clone(a.Commands)
	return a
}

// automationJSON is conversational_automation as Graph answers it. Empty
// lists may be left out, and the flag may come as a string.
type automationJSON struct {
	EnableWelcomeMessage *flexBool           `json:"enable_welcome_message"`
	Prompts              []string            `json:"prompts"`
	Commands             []AutomationCommand `json:"commands"`
}

func (j *automationJSON) value() *ConversationalAutomation {
	if j == nil {
		return nil
	}
	return &ConversationalAutomation{EnableWelcomeMessage: j.EnableWelcomeMessage != nil && bool(*j.EnableWelcomeMessage),
		Prompts: j.Prompts, Commands: j.Commands}
}

// automationItem is one number of the WABA's phone_numbers edge read with
// conversational_automation only. Automation is nil when the answer lacked
// the field.
type automationItem struct {
	ID         string
	Automation *ConversationalAutomation
}

func (i automationItem) clone() automationItem {
	if i.Automation != nil {
		a := i.Automation.clone()
		i.Automation = &a
	}
	return i
}

// phoneNumberAutomationNode is a number's node, or an item of the
// phone_numbers edge, with conversational_automation.
type phoneNumberAutomationNode struct {
	ID         flexString      `json:"id"`
	Automation *automationJSON `json:"conversational_automation"`
}

// checkResponse keeps a 200 without an id (such as {"success":false}) from
// reading as a number without automation.
func (n phoneNumberAutomationNode) checkResponse() error {
	if n.ID == "" {
		return errors.New(`the response has no "id", so it is not a phone number`)
	}
	return nil
}

func decodeAutomationItem(raw []byte) (automationItem, error) {
	var n phoneNumberAutomationNode
	if err := json.Unmarshal(raw, &n); err != nil {
		return automationItem{}, err
	}
	return automationItem{ID: string(n.ID), Automation: n.Automation.value()}, nil
}

// phoneNumberAutomations is the WABA's phone_numbers edge as this resource
// reads it. It has a cache of its own: writes to a number's automation do
// not change the numbers' other fields, nor the reverse.
func (c *Client) phoneNumberAutomations(wabaID string) edge[automationItem] {
	return edge[automationItem]{via: c, cache: &c.reads.automations, name: "phone_numbers", object: wabaID,
		path: edgePath(wabaID, "phone_numbers"), decode: decodeAutomationItem}
}

// phoneNumberAutomationQuery reads every number of a WABA with its
// automation only. Graph serves a node's fields on an edge of its items, but
// that it serves conversational_automation that way is not confirmed: when
// an answer lacks it, the number's node is read instead (see automationOf).
func phoneNumberAutomationQuery() edgeQuery {
	q := url.Values{"fields": {"id,conversational_automation"}}
	return edgeQuery{params: q, id: q.Encode()}
}

// FindConversationalAutomation returns the automation of a phone number of
// the WABA, or nil when the WABA does not list the number. All reads of the
// WABA's numbers in a run share one paged request until this client writes
// to one of their automations.
func (c *Client) FindConversationalAutomation(ctx context.Context, wabaID, phoneID string) (*ConversationalAutomation, error) {
	item, err := c.phoneNumberAutomations(wabaID).find(ctx, phoneNumberAutomationQuery(), func(i automationItem) bool { return i.ID == phoneID })
	return c.automationOf(ctx, item, err)
}

// ExistingConversationalAutomation is the check before a create: the
// number's automation as the latest read of the WABA's numbers in this run
// saw it, or nil when the WABA does not list the number.
func (c *Client) ExistingConversationalAutomation(ctx context.Context, wabaID, phoneID string) (*ConversationalAutomation, error) {
	item, err := c.phoneNumberAutomations(wabaID).findLastKnown(ctx, phoneNumberAutomationQuery(), func(i automationItem) bool { return i.ID == phoneID })
	return c.automationOf(ctx, item, err)
}

// automationOf is the automation of a number found on the edge, read from
// the number's node when the edge's answer lacked it.
func (c *Client) automationOf(ctx context.Context, item *automationItem, err error) (*ConversationalAutomation, error) {
	if err != nil || item == nil {
		return nil, err
	}
	if item.Automation != nil {
		return item.Automation, nil
	}
	return c.GetConversationalAutomation(ctx, item.ID)
}

// GetConversationalAutomation reads one number's automation from its node
// (GET /{phone-number-id}?fields=conversational_automation, seen in public
// client code). A node without the field has nothing configured.
func (c *Client) GetConversationalAutomation(ctx context.Context, phoneID string) (*ConversationalAutomation, error) {
	var node phoneNumberAutomationNode
	if err := c.do(ctx, "GET", "/"+pathSegment(phoneID), url.Values{"fields": {"conversational_automation"}}, nil, &node); err != nil {
		return nil, err
	}
	if a := node.Automation.value(); a != nil {
		return a, nil
	}
	return &ConversationalAutomation{}, nil
}

// automationBody always carries all three fields: Graph keeps a field the
// request leaves out, and an empty list clears it (seen in public client
// code), so a list removed from the configuration must be sent as [].
type automationBody struct {
	EnableWelcomeMessage bool                `json:"enable_welcome_message"`
	Prompts              []string            `json:"prompts"`
	Commands             []AutomationCommand `json:"commands"`
}

// SetConversationalAutomation replaces the number's automation with a
// (POST /{phone-number-id}/conversational_automation). The WABA's reads of
// its numbers see the write.
func (c *Client) SetConversationalAutomation(ctx context.Context, wabaID, phoneID string, a ConversationalAutomation) error {
	return c.writeAutomation(ctx, wabaID, phoneID, a, false)
}

// ClearConversationalAutomation turns the welcome message off and removes
// every prompt and command.
func (c *Client) ClearConversationalAutomation(ctx context.Context, wabaID, phoneID string) error {
	return c.writeAutomation(ctx, wabaID, phoneID, ConversationalAutomation{}, true)
}

func (c *Client) writeAutomation(ctx context.Context, wabaID, phoneID string, a ConversationalAutomation, removes bool) error {
	body := automationBody(a)
	if body.Prompts == nil {
		body.Prompts = []string{}
	}
	if body.Commands == nil {
		body.Commands = []AutomationCommand{}
	}
	return c.phoneNumberAutomations(wabaID).write(ctx, edgeWrite{method: "POST",
		path: "/" + pathSegment(phoneID) + "/conversational_automation", body: jsonBody{body}, removes: removes})
}
