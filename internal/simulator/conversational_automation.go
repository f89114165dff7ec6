package simulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// A phone number's conversational automation: POST
// /{phone-number-id}/conversational_automation with enable_welcome_message,
// prompts (ice breakers) and commands sets it; conversational_automation,
// asked on the number's node or on the phone_numbers edge, reads it. A field
// the POST leaves out is kept and an empty list clears (seen in public
// client code). Every number has an automation: one nobody configured reads
// as {"enable_welcome_message":false}, empty lists left out. A seed sets it
// as conversational_automation in the number's phone_numbers item.

const tmplConversationalAutomation = "/{phone-number-id}/conversational_automation"

// Limits from Meta's conversational components guide. Its OpenAPI
// description says 3 prompts and command names of at most 30 characters;
// the simulator follows the guide, which the provider does too.
const (
	maxAutomationPrompts      = 4
	maxAutomationPromptLength = 80
	maxAutomationCommands     = 30
	maxCommandNameLength      = 32
	maxCommandDescription     = 256
)

// commandNamePattern is the OpenAPI description's pattern for command_name.
var commandNamePattern = regexp.MustCompile(`^[a-zA-Z0-9_]+$`)

// conversationalAutomationObject is a number's conversational_automation;
// its Graph type name is undocumented.
var conversationalAutomationObject = &objectType{
	node:   "WhatsAppBusinessConversationalAutomation",
	fields: setOf("id", "enable_welcome_message", "prompts", "commands"),
}

// withAutomation is the number as reads see it: with an empty automation
// when none was set, since Graph has one for every number.
func withAutomation(phone map[string]any) map[string]any {
	if _, ok := phone["conversational_automation"]; ok {
		return phone
	}
	out := make(map[string]any, len(phone)+1)
	for k, v := range phone {
		out[k] = v
	}
	out["conversational_automation"] = map[string]any{"enable_welcome_message": false}
	return out
}

// serveConversationalAutomation handles /{phone-number-id}/conversational_automation.
// The number answers like its WABA: 100/33 to a token that cannot see it,
// counted against the WABA's budget. Only POST is served.
func (s *Server) serveConversationalAutomation(c *call) response {
	if !c.hasScopes(scopeWABAManagement) {
		return errorResponse(errPermission())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w, phone := s.st.phoneNumber(c.segs[0])
	if w == nil || s.st.hidden(c.token, w.ID) || c.method != http.MethodPost {
		return errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	buc, gerr := s.admitWABACall(c.appID, w.ID, c.now)
	if gerr == nil {
		gerr = setAutomation(phone, c.params)
	}
	resp := jsonResponse(s.successBody())
	if gerr != nil {
		resp = errorResponse(gerr)
	}
	resp.setHeader("X-Business-Use-Case-Usage", buc)
	return resp
}

// setAutomation checks every parameter first, then applies those present.
func setAutomation(phone map[string]any, params map[string][]string) *graphError {
	current, _ := phone["conversational_automation"].(map[string]any)
	next := map[string]any{"enable_welcome_message": false}
	for k, v := range current {
		next[k] = v
	}
	if raw, ok := params["enable_welcome_message"]; ok {
		on, err := strconv.ParseBool(raw[0])
		if err != nil {
			return errParam("Param enable_welcome_message must be a boolean")
		}
		next["enable_welcome_message"] = on
	}
	if raw, ok := params["prompts"]; ok {
		prompts, gerr := automationPrompts(raw[0])
		if gerr != nil {
			return gerr
		}
		next["prompts"] = prompts
	}
	if raw, ok := params["commands"]; ok {
		commands, gerr := automationCommands(raw[0])
		if gerr != nil {
			return gerr
		}
		next["commands"] = commands
	}
	for _, k := range []string{"prompts", "commands"} {
		if l, _ := next[k].([]any); len(l) == 0 {
			delete(next, k)
		}
	}
	phone["conversational_automation"] = next
	return nil
}

func automationPrompts(raw string) ([]any, *graphError) {
	var prompts []string
	if err := json.Unmarshal([]byte(raw), &prompts); err != nil {
		return nil, errParam("Param prompts must be an array of strings")
	}
	if len(prompts) > maxAutomationPrompts {
		return nil, errParam("Param prompts must have at most %d elements", maxAutomationPrompts)
	}
	out := make([]any, 0, len(prompts))
	for i, p := range prompts {
		if p == "" || utf8.RuneCountInString(p) > maxAutomationPromptLength {
			return nil, errParam("Param prompts[%d] must be between 1 and %d characters", i, maxAutomationPromptLength)
		}
		out = append(out, p)
	}
	return out, nil
}

func automationCommands(raw string) ([]any, *graphError) {
	var commands []struct {
		Name        *string `json:"command_name"`
		Description *string `json:"command_description"`
	}
	if err := json.Unmarshal([]byte(raw), &commands); err != nil {
		return nil, errParam("Param commands must be an array of objects")
	}
	if len(commands) > maxAutomationCommands {
		return nil, errParam("Param commands must have at most %d elements", maxAutomationCommands)
	}
	out := make([]any, 0, len(commands))
	for i, cmd := range commands {
		switch {
		case cmd.Name == nil || *cmd.Name == "":
			return nil, errParam("Param commands[%d][command_name] is required", i)
		case utf8.RuneCountInString(*cmd.Name) > maxCommandNameLength || !commandNamePattern.MatchString(*cmd.Name):
			return nil, errParam("Param commands[%d][command_name] must be at most %d letters, digits or underscores", i, maxCommandNameLength)
		case cmd.Description == nil || *cmd.Description == "":
			return nil, errParam("Param commands[%d][command_description] is required", i)
		case utf8.RuneCountInString(*cmd.Description) > maxCommandDescription:
			return nil, errParam("Param commands[%d][command_description] must be at most %d characters", i, maxCommandDescription)
		}
		out = append(out, map[string]any{"command_name": *cmd.Name, "command_description": *cmd.Description})
	}
	return out, nil
}
