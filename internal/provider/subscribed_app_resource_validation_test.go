package provider

import (
	"fmt"
	"strings"
	"testing"
)

// subscribedAppWith declares a subscription to one WABA with body added to
// its attributes.
func subscribedAppWith(body string) string {
	return "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n" +
		fmt.Sprintf("resource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = %q\n%s\n}\n", "102290129340398", body)
}

// TestSubscribedAppResource_validation feeds bad input through terraform
// plan: each must be refused with a message naming the attribute and the
// valid form, before any Graph request.
func TestSubscribedAppResource_validation(t *testing.T) {
	long := "https://hooks.example.com/" + strings.Repeat("a", 190)
	cases := []struct{ name, config, want string }{
		{"waba id with letters", "provider \"whatsapp\" {}\nresource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = \"waba-102290129340398\"\n}\n", `waba_id must be a numeric Graph ID`},
		{"override over http", subscribedAppWith("override_callback_uri = \"http://hooks.example.com/x\"\nverify_token_wo = \"t\""), `(?s)override_callback_uri must be an absolute https URL`},
		{"override relative", subscribedAppWith("override_callback_uri = \"/webhook\"\nverify_token_wo = \"t\""), `(?s)override_callback_uri must be an absolute https URL`},
		{"override too long", subscribedAppWith(fmt.Sprintf("override_callback_uri = %q\nverify_token_wo = \"t\"", long)), `override_callback_uri must be at most 200 characters`},
		{"override without verify token", subscribedAppWith("override_callback_uri = \"https://hooks.example.com/x\""), missingVerifyToken(`override_callback_uri is set, so Meta needs the verify token it sends to that URL.`)},
		// What terraform plan -generate-config-out writes after importing a
		// subscription with an override.
		{"generated configuration", subscribedAppWith("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = null\nverify_token_wo_version = null"), missingVerifyToken(`override_callback_uri is set`)},
		{"verify token without override", subscribedAppWith("verify_token_wo = \"t\""), `(?s)verify_token_wo without override_callback_uri.*verify_token_wo is set but override_callback_uri is not.*Set override_callback_uri, or remove verify_token_wo and verify_token_wo_version from this resource.`},
		{"empty verify token", subscribedAppWith("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = \"\""), `(?s)verify_token_wo.*at least 1`},
		{"token version without token", subscribedAppWith("verify_token_wo_version = 2"), `(?s)verify_token_wo_version.*verify_token_wo`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestSubscribedAppResource_importIDValidation refuses import IDs that are
// not a WhatsApp Business Account ID, before any Graph request.
func TestSubscribedAppResource_importIDValidation(t *testing.T) {
	for _, id := range []string{"waba-1", "102290129340398/1", "-102290129340398"} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), subscribedAppWith(""), "whatsapp_subscribed_app.x", id,
				`imported by the WhatsApp Business Account ID, e.g. "102290129340398"`)
		})
	}
}
