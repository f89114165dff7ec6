package simulator

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

const automationPath = phonePath + "/conversational_automation"

func postAutomation(t *testing.T, s *Server, body string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: automationPath, token: tokenOK, json: body})
}

// automations reads every number's conversational_automation from the
// edge, by number ID.
func automations(t *testing.T, s *Server) map[string]any {
	t.Helper()
	res := get(t, s, wabaPath+"/phone_numbers?fields=id,conversational_automation")
	wantStatus(t, res, http.StatusOK)
	out := map[string]any{}
	for _, item := range dataOf(t, res) {
		out[item["id"].(string)] = item["conversational_automation"]
	}
	return out
}

func TestConversationalAutomationLifecycle(t *testing.T) {
	s := newTestServer(t)
	empty := map[string]any{"enable_welcome_message": false}
	if got := automations(t, s); !reflect.DeepEqual(got[fixturePhone], empty) {
		t.Fatalf("before = %v, want %v", got[fixturePhone], empty)
	}
	wantSuccess(t, postAutomation(t, s, `{"enable_welcome_message":true,"prompts":["Book a table"],"commands":[{"command_name":"menu","command_description":"See the menu"}]}`))
	full := map[string]any{"enable_welcome_message": true, "prompts": []any{"Book a table"},
		"commands": []any{map[string]any{"command_name": "menu", "command_description": "See the menu"}}}
	if got := automations(t, s); !reflect.DeepEqual(got[fixturePhone], full) || !reflect.DeepEqual(got[fixturePhone2], empty) {
		t.Fatalf("after = %v", got)
	}
	node := get(t, s, phonePath+"?fields=conversational_automation")
	wantStatus(t, node, http.StatusOK)
	if !reflect.DeepEqual(node.body, map[string]any{"id": fixturePhone, "conversational_automation": full}) {
		t.Errorf("node = %v", node.body)
	}
	// A field left out is kept; an empty list clears.
	wantSuccess(t, postAutomation(t, s, `{"prompts":[]}`))
	delete(full, "prompts")
	if got := automations(t, s); !reflect.DeepEqual(got[fixturePhone], full) {
		t.Errorf("after clearing prompts = %v, want %v", got[fixturePhone], full)
	}
}

func TestConversationalAutomationValidation(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct{ name, body, message string }{
		{"five prompts", `{"prompts":["a","b","c","d","e"]}`, "(#100) Param prompts must have at most 4 elements"},
		{"long prompt", `{"prompts":["` + strings.Repeat("a", 81) + `"]}`, "(#100) Param prompts[0] must be between 1 and 80 characters"},
		{"bad command name", `{"commands":[{"command_name":"my-menu","command_description":"x"}]}`,
			"(#100) Param commands[0][command_name] must be at most 32 letters, digits or underscores"},
		{"no description", `{"commands":[{"command_name":"menu"}]}`, "(#100) Param commands[0][command_description] is required"},
		{"bad flag", `{"enable_welcome_message":"maybe"}`, "(#100) Param enable_welcome_message must be a boolean"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, postAutomation(t, s, tc.body), http.StatusBadRequest, 100, 0, tc.message)
		})
	}
	if got := automations(t, s); !reflect.DeepEqual(got[fixturePhone], map[string]any{"enable_welcome_message": false}) {
		t.Errorf("a refused POST changed the automation: %v", got[fixturePhone])
	}
	// GET is not served on the edge; an unknown number is missing.
	wantError(t, get(t, s, automationPath), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: "/v25.0/106540352249999/conversational_automation", token: tokenOK, json: `{}`}),
		http.StatusBadRequest, 100, 33, "")
}
