package provider

import (
	"fmt"
	"strings"
	"testing"
)

// phoneWebhookWith declares an override of the fixture number with body
// added to its attributes.
func phoneWebhookWith(body string) string {
	return "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n" +
		fmt.Sprintf("resource \"whatsapp_phone_number_webhook\" \"x\" {\n  waba_id = %q\n  phone_number_id = %q\n%s\n}\n", "102290129340398", "106540352242922", body)
}

// TestPhoneNumberWebhookResource_validation feeds bad input through
// terraform plan: each must be refused with a message naming the attribute
// and the valid form, before any Graph request.
func TestPhoneNumberWebhookResource_validation(t *testing.T) {
	long := "https://hooks.example.com/" + strings.Repeat("a", 190)
	token := "\nverify_token_wo = \"t\""
	cases := []struct{ name, config, want string }{
		{"waba id with letters", "provider \"whatsapp\" {}\nresource \"whatsapp_phone_number_webhook\" \"x\" {\n  waba_id = \"acme\"\n  phone_number_id = \"106540352242922\"\n  override_callback_uri = \"https://hooks.example.com/x\"\n  verify_token_wo = \"t\"\n}\n",
			`waba_id must be a numeric Graph ID`},
		{"phone number instead of its ID", "provider \"whatsapp\" {}\nresource \"whatsapp_phone_number_webhook\" \"x\" {\n  waba_id = \"102290129340398\"\n  phone_number_id = \"+1 555-010-0001\"\n  override_callback_uri = \"https://hooks.example.com/x\"\n  verify_token_wo = \"t\"\n}\n",
			`(?s)phone_number_id must be a numeric Graph ID made of digits only, such as "106540352242922"`},
		{"override over http", phoneWebhookWith("override_callback_uri = \"http://hooks.example.com/x\"" + token), `(?s)override_callback_uri must be an absolute https URL`},
		{"override relative", phoneWebhookWith("override_callback_uri = \"/webhook\"" + token), `(?s)override_callback_uri must be an absolute https URL`},
		{"override too long", phoneWebhookWith(fmt.Sprintf("override_callback_uri = %q", long) + token), `override_callback_uri must be at most 200 characters`},
		{"override missing", phoneWebhookWith("verify_token_wo = \"t\""), `(?s)The argument "override_callback_uri" is required`},
		{"without verify token", phoneWebhookWith("override_callback_uri = \"https://hooks.example.com/x\""),
			missingVerifyToken(`Meta verifies override_callback_uri with a verify token whenever the override is set, so it needs the token it sends to that URL.`)},
		// What terraform plan -generate-config-out writes after an import.
		{"generated configuration", phoneWebhookWith("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = null\nverify_token_wo_version = null"),
			missingVerifyToken(`Meta verifies override_callback_uri`)},
		{"empty verify token", phoneWebhookWith("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = \"\""), `(?s)verify_token_wo.*at least 1`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestPhoneNumberWebhookResource_importIDValidation refuses import IDs that
// are not <waba_id>/<phone_number_id>, before any Graph request.
func TestPhoneNumberWebhookResource_importIDValidation(t *testing.T) {
	config := phoneWebhookWith("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = \"t\"")
	for _, id := range []string{"106540352242922", "102290129340398/", "/106540352242922", "102290129340398/+15550100001", "102290129340398/106540352242922/1", "waba/phone"} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), config, "whatsapp_phone_number_webhook.x", id,
				`imported by <waba_id>/<phone_number_id> \(the resource's id\), each part a numeric Graph ID, e.g. "102290129340398/106540352242922"`)
		})
	}
}
