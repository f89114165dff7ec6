package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// TestPlanTimeValidation feeds bad input through terraform plan against a
// provider whose every Graph request fails the test: each must be refused
// with a message naming the attribute and the valid form, before any request.
func TestPlanTimeValidation(t *testing.T) {
	const waba, user, business = "102290129340398", "100000000000101", "506914307656634"
	okProvider := fmt.Sprintf("provider \"whatsapp\" {\n  business_id = %q\n}\n", business)
	assigned := func(wabaID, userID, tasks string) string {
		return okProvider + fmt.Sprintf("resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  tasks = %s\n}\n", wabaID, userID, tasks)
	}
	subscribed := func(body string) string {
		return okProvider + fmt.Sprintf("resource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = %q\n%s\n}\n", waba, body)
	}
	dataSource := func(prov, id string) string {
		return prov + fmt.Sprintf("data \"whatsapp_business_account\" \"x\" {\n  id = %q\n}\n", id)
	}
	long := "https://hooks.example.com/" + strings.Repeat("a", 190)

	cases := []struct {
		name, config, want string
		opts               []Option
	}{
		{"waba id with letters", dataSource(okProvider, "12ab34"), `id must be a numeric Graph ID`, nil},
		{"waba id negative", assigned("-102290129340398", user, `["MANAGE"]`), `waba_id must be a numeric Graph ID`, nil},
		{"waba id empty", assigned("", user, `["MANAGE"]`), `waba_id must be a numeric Graph ID`, nil},
		{"waba id with spaces", assigned(" 102290129340398", user, `["MANAGE"]`), `waba_id must be a numeric Graph ID`, nil},
		{"user id with letters", assigned(waba, "ana", `["MANAGE"]`), `user_id must be a numeric Graph ID`, nil},
		{"user id decimal", assigned(waba, "1.5", `["MANAGE"]`), `user_id must be a numeric Graph ID`, nil},
		{"unknown task", assigned(waba, user, `["ADMIN"]`), `(?s)Invalid task.*tasks: "ADMIN" is not a task Graph accepts. Valid values: MANAGE, DEVELOP,`, nil},
		{"misspelt task", assigned(waba, user, `["MANAGE", "DEVELOPER"]`), `(?s)tasks: "DEVELOPER" is not a task Graph accepts. Did you mean "DEVELOP"\? Valid values: MANAGE, DEVELOP,`, nil},
		{"lower-case task", assigned(waba, user, `["manage"]`), `(?s)tasks: "manage" is not a task Graph accepts. Did you mean "MANAGE"\?`, nil},
		{"empty task set", assigned(waba, user, `[]`), `(?s)tasks.*at least 1`, nil},
		{"business id with letters", okProvider + fmt.Sprintf("resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  business_id = \"acme\"\n  tasks = [\"MANAGE\"]\n}\n", waba, user), `business_id must be a numeric Graph ID`, nil},
		{"no business id anywhere", fmt.Sprintf("provider \"whatsapp\" {}\nresource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  tasks = [\"MANAGE\"]\n}\n", waba, user), `(?s)Missing business_id.*business_id`, nil},
		{"override over http", subscribed("override_callback_uri = \"http://hooks.example.com/x\"\nverify_token_wo = \"t\""), `(?s)override_callback_uri must be an absolute https URL`, nil},
		{"override relative", subscribed("override_callback_uri = \"/webhook\"\nverify_token_wo = \"t\""), `(?s)override_callback_uri must be an absolute https URL`, nil},
		{"override too long", subscribed(fmt.Sprintf("override_callback_uri = %q\nverify_token_wo = \"t\"", long)), `override_callback_uri must be at most 200 characters`, nil},
		{"override without verify token", subscribed("override_callback_uri = \"https://hooks.example.com/x\""), missingVerifyToken(`override_callback_uri is set, so Meta needs the verify token it sends to that URL.`), nil},
		// What terraform plan -generate-config-out writes after importing a
		// subscription with an override.
		{"generated configuration", subscribed("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = null\nverify_token_wo_version = null"), missingVerifyToken(`override_callback_uri is set`), nil},
		{"verify token without override", subscribed("verify_token_wo = \"t\""), `(?s)verify_token_wo without override_callback_uri.*verify_token_wo is set but override_callback_uri is not.*Set override_callback_uri, or remove verify_token_wo and verify_token_wo_version from this resource.`, nil},
		{"empty verify token", subscribed("override_callback_uri = \"https://hooks.example.com/x\"\nverify_token_wo = \"\""), `(?s)verify_token_wo.*at least 1`, nil},
		{"token version without token", subscribed("verify_token_wo_version = 2"), `(?s)verify_token_wo_version.*verify_token_wo`, nil},
		{"api version without v", dataSource("provider \"whatsapp\" {\n  api_version = \"25\"\n}\n", waba), `(?s)api_version.*not of the form vMAJOR.MINOR`, nil},
		{"api version 25.0", dataSource("provider \"whatsapp\" {\n  api_version = \"25.0\"\n}\n", waba), `(?s)api_version.*not of the form vMAJOR.MINOR`, nil},
		{"base url http remote", dataSource("provider \"whatsapp\" {\n  base_url = \"http://example.com\"\n}\n", waba), `(?s)base_url.*plain http on a non-loopback host`, nil},
		{"base url not a url", dataSource("provider \"whatsapp\" {\n  base_url = \"graph.facebook.com\"\n}\n", waba), `(?s)base_url.*not an absolute http\(s\) URL`, nil},
		{"max retries too high", dataSource("provider \"whatsapp\" {\n  max_retries = 99\n}\n", waba), `(?s)max_retries.*between 0 and 10`, nil},
		{"max retries negative", dataSource("provider \"whatsapp\" {\n  max_retries = -1\n}\n", waba), `(?s)max_retries.*between 0 and 10`, nil},
		{"request timeout nonsense", dataSource("provider \"whatsapp\" {\n  request_timeout = \"forever\"\n}\n", waba), `(?s)request_timeout must be a duration`, nil},
		{"request timeout too long", dataSource("provider \"whatsapp\" {\n  request_timeout = \"2h\"\n}\n", waba), `(?s)request_timeout must be a duration`, nil},
		{"app id with letters", dataSource("provider \"whatsapp\" {\n  app_id = \"my-app\"\n}\n", waba), `app_id must be a numeric Graph ID`, nil},
		{"blank access token", dataSource("provider \"whatsapp\" {\n  access_token = \"   \"\n}\n", waba), `(?s)Empty access token`, nil},
		{"missing access token", dataSource("provider \"whatsapp\" {}\n", waba), `(?s)Missing Graph API access token.*WHATSAPP_ACCESS_TOKEN`,
			[]Option{func(c *graph.Config) { c.AccessToken = "" }}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			if tc.name == "missing access token" {
				t.Setenv(EnvAccessToken, "")
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: noHTTPFactoriesWith(t, opts...),
				Steps: []resource.TestStep{{
					Config:      tc.config,
					PlanOnly:    true,
					ExpectError: wrapTolerant(tc.want),
				}},
			})
		})
	}
}

// missingVerifyToken matches the error for a configuration without the
// verify token, after the sentence that says why it is needed.
func missingVerifyToken(why string) string {
	return `(?s)Missing verify_token_wo.*` + regexp.QuoteMeta(why) + `.*Add to this resource:\s+verify_token_wo = var.webhook_verify_token # an ephemeral variable\s+verify_token_wo_version = 1\s+` +
		`and declare the variable with sensitive = true and ephemeral = true. Graph never returns the token, so an imported or generated configuration cannot contain it.`
}

// noHTTPFactoriesWith is noHTTPFactories with options applied after its own,
// so a case can clear the token it sets.
func noHTTPFactoriesWith(t *testing.T, opts ...Option) map[string]func() (tfprotov6.ProviderServer, error) {
	return noHTTPFactories(t, opts...)
}

func TestImportIDValidation(t *testing.T) {
	const waba, user = "102290129340398", "100000000000101"
	cases := []struct{ resourceType, id, want string }{
		{"whatsapp_assigned_user", "102290129340398", `must be <waba_id>/<user_id>`},
		{"whatsapp_assigned_user", "abc/100000000000101", `must be <waba_id>/<user_id>`},
		{"whatsapp_assigned_user", "102290129340398//100000000000101", `must be <waba_id>/<user_id>`},
		{"whatsapp_assigned_user", "1/2/3/4", `must be <waba_id>/<user_id>`},
		{"whatsapp_subscribed_app", "waba-1", `imported by the WhatsApp Business Account ID`},
		{"whatsapp_subscribed_app", "102290129340398/1", `imported by the WhatsApp Business Account ID`},
	}
	for _, tc := range cases {
		t.Run(tc.resourceType+" "+tc.id, func(t *testing.T) {
			config := "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n"
			if tc.resourceType == "whatsapp_assigned_user" {
				config += fmt.Sprintf("resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  tasks = [\"MANAGE\"]\n}\n", waba, user)
			} else {
				config += fmt.Sprintf("resource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = %q\n}\n", waba)
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: noHTTPFactories(t),
				Steps: []resource.TestStep{{
					Config:        config,
					ResourceName:  tc.resourceType + ".x",
					ImportState:   true,
					ImportStateId: tc.id,
					ExpectError:   wrapTolerant(tc.want),
				}},
			})
		})
	}
}

// wrapTolerant compiles pattern so that each space also matches the line
// breaks Terraform inserts when it wraps a diagnostic.
func wrapTolerant(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}
