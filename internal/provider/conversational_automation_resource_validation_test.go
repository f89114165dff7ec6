package provider

import (
	"fmt"
	"strings"
	"testing"
)

// automationWith declares the fixture number's automation with body added.
func automationWith(body string) string {
	return "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n" + automationBlock("x", "102290129340398", "106540352242922", body)
}

// TestConversationalAutomationResource_validation feeds bad input through
// terraform plan: each is refused before any Graph request.
func TestConversationalAutomationResource_validation(t *testing.T) {
	cmd := func(name, desc string) string {
		return fmt.Sprintf("commands = [{ command_name = %q, command_description = %q }]", name, desc)
	}
	cases := []struct{ name, config, want string }{
		{"phone number instead of its ID", strings.Replace(automationWith(""), `"106540352242922"`, `"+1 555-010-0001"`, 1),
			`(?s)phone_number_id must be a numeric Graph ID`},
		{"five prompts", automationWith(`prompts = ["a", "b", "c", "d", "e"]`), `(?s)prompts.*must contain at most 4 elements`},
		{"long prompt", automationWith(fmt.Sprintf("prompts = [%q]", strings.Repeat("a", 81))), `(?s)prompts.*length must be between 1 and 80`},
		{"command name with a dash", automationWith(cmd("my-menu", "x")), `(?s)command_name.*only letters, digits and underscores`},
		{"command name too long", automationWith(cmd(strings.Repeat("a", 33), "x")), `(?s)command_name.*length must be between 1 and 32`},
		{"command without description", automationWith(`commands = [{ command_name = "menu" }]`), `(?s)command_description.*required`},
		{"31 commands", automationWith("commands = [" + strings.Repeat(`{ command_name = "a", command_description = "b" },`, 31) + "]"),
			`(?s)commands.*must contain at most 30 elements`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestConversationalAutomationResource_importIDValidation refuses import IDs
// that are not <waba_id>/<phone_number_id>, before any Graph request.
func TestConversationalAutomationResource_importIDValidation(t *testing.T) {
	for _, id := range []string{"106540352242922", "102290129340398/", "102290129340398/+15550100001"} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), automationWith(""), "whatsapp_conversational_automation.x", id,
				`imported by <waba_id>/<phone_number_id> \(the resource's id\), each part a numeric Graph ID`)
		})
	}
}
