package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// withAppSecret gives the provider the app secret that, with app_id, lets it
// build the app access token this resource needs.
func withAppSecret(c *graph.Config) { c.AppSecret = "validation-secret" }

// TestAppWebhookSubscriptionResource_validation feeds bad input through
// terraform plan: each must be refused with a message naming the attribute
// and the valid form, before any Graph request.
func TestAppWebhookSubscriptionResource_validation(t *testing.T) {
	t.Setenv(EnvAppID, "")
	t.Setenv(EnvAppSecret, "")
	resourceBody := func(body string) string {
		return "resource \"whatsapp_app_webhook_subscription\" \"x\" {\n" + body + "\n}\n"
	}
	const app = "provider \"whatsapp\" {\n  app_id = \"670843887433847\"\n}\n"
	const token = "verify_token_wo = \"t\"\n"
	long := "https://hooks.example.com/" + strings.Repeat("a", 1000)
	cases := []struct{ name, config, want string }{
		{"callback over http", app + resourceBody(token+`callback_url = "http://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)callback_url must be an absolute https URL`},
		{"callback relative", app + resourceBody(token+`callback_url = "/webhook"`+"\nfields = [\"messages\"]"), `(?s)callback_url must be an absolute https URL`},
		{"callback too long", app + resourceBody(token+fmt.Sprintf("callback_url = %q", long)+"\nfields = [\"messages\"]"), `callback_url must be at most 1024 characters`},
		{"no fields", app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = []"), `(?s)fields.*at least 1`},
		{"empty field name", app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"\"]"), `(?s)fields.*at least 1`},
		{"no verify token", app + resourceBody(`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), missingVerifyToken(`Meta verifies callback_url with a verify token at every change of the subscription`)},
		// What terraform plan -generate-config-out writes after an import.
		{"generated configuration", app + resourceBody(`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]\ninclude_values = true\nverify_token_wo = null\nverify_token_wo_version = null"), missingVerifyToken(`so it needs the token it sends to that URL.`)},
		{"empty verify token", app + resourceBody(`verify_token_wo = ""`+"\n"+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)verify_token_wo.*at least 1`},
		{"no app id", "provider \"whatsapp\" {}\n" + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)Missing app credentials.*WHATSAPP_APP_ID`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   writeOnlyTerraform,
				ProtoV6ProviderFactories: noHTTPFactories(t, withAppSecret),
				Steps:                    []resource.TestStep{planErrorStep(tc.config, tc.want)},
			})
		})
	}
	t.Run("no app secret", func(t *testing.T) {
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   writeOnlyTerraform,
			ProtoV6ProviderFactories: noHTTPFactories(t),
			Steps: []resource.TestStep{planErrorStep(app+resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"),
				`(?s)Missing app credentials.*app_id and app_secret`)},
		})
	})

	// An unknown field name is a warning: the plan goes through.
	t.Run("unknown field plans", func(t *testing.T) {
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   writeOnlyTerraform,
			ProtoV6ProviderFactories: noHTTPFactories(t, withAppSecret),
			Steps: []resource.TestStep{{
				Config:             app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\", \"mesages\"]"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			}},
		})
	})
}

// TestAppWebhookSubscriptionResource_importIDValidation refuses an import ID
// that is not an app ID, or not the provider's app, before any Graph request.
func TestAppWebhookSubscriptionResource_importIDValidation(t *testing.T) {
	config := "provider \"whatsapp\" {\n  app_id = \"670843887433847\"\n}\n" +
		"resource \"whatsapp_app_webhook_subscription\" \"x\" {\n  callback_url = \"https://hooks.example.com/x\"\n  verify_token_wo = \"t\"\n  fields = [\"messages\"]\n}\n"
	for id, want := range map[string]string{
		"my-app":          `imported by the app ID`,
		"480237915630121": `(?s)manages the subscription of app 670843887433847`,
	} {
		t.Run(id, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   writeOnlyTerraform,
				ProtoV6ProviderFactories: noHTTPFactories(t, withAppSecret),
				Steps:                    []resource.TestStep{importErrorStep(config, "whatsapp_app_webhook_subscription.x", id, want)},
			})
		})
	}
}
