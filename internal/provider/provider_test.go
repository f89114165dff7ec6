package provider

import (
	"fmt"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// dataSourceConfig is the smallest configuration that makes Terraform
// configure the provider: prov and one data source.
func dataSourceConfig(prov string) string {
	return prov + fmt.Sprintf("data \"whatsapp_business_account\" \"x\" {\n  id = %q\n}\n", "102290129340398")
}

// TestProvider_validation feeds bad provider arguments through terraform
// plan: each must be refused with a message naming the argument and the
// valid form, before any Graph request.
func TestProvider_validation(t *testing.T) {
	cases := []struct{ name, argument, want string }{
		{"api version without v", `api_version = "25"`, `(?s)api_version.*not of the form vMAJOR.MINOR`},
		{"api version 25.0", `api_version = "25.0"`, `(?s)api_version.*not of the form vMAJOR.MINOR`},
		{"base url http remote", `base_url = "http://example.com"`, `(?s)base_url.*plain http on a non-loopback host`},
		{"base url not a url", `base_url = "graph.facebook.com"`, `(?s)base_url.*not an absolute http\(s\) URL`},
		{"max retries too high", `max_retries = 99`, `(?s)max_retries.*between 0 and 10`},
		{"max retries negative", `max_retries = -1`, `(?s)max_retries.*between 0 and 10`},
		{"request timeout nonsense", `request_timeout = "forever"`, `(?s)request_timeout must be a duration`},
		{"request timeout too long", `request_timeout = "2h"`, `(?s)request_timeout must be a duration`},
		{"request timeout below a second", `request_timeout = "500ms"`, `(?s)request_timeout must be a duration`},
		{"app id with letters", `app_id = "my-app"`, `app_id must be a numeric Graph ID`},
		{"blank access token", `access_token = "   "`, `(?s)Empty access token`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			config := dataSourceConfig("provider \"whatsapp\" {\n  " + tc.argument + "\n}\n")
			expectPlanError(t, noHTTPFactories(t), config, tc.want)
		})
	}
	t.Run("missing access token", func(t *testing.T) {
		t.Setenv(EnvAccessToken, "")
		noToken := func(c *graph.Config) { c.AccessToken = "" }
		expectPlanError(t, noHTTPFactories(t, noToken), dataSourceConfig("provider \"whatsapp\" {}\n"), `(?s)Missing Graph API access token.*WHATSAPP_ACCESS_TOKEN`)
	})
}

// TestProvider_environmentValidation sets bad values in the environment,
// which the schema validators never see: Configure must refuse them the same
// way, naming the argument and its variable, before any Graph request.
func TestProvider_environmentValidation(t *testing.T) {
	cases := []struct {
		name, env, value, want string
	}{
		{"api version 25.0", EnvAPIVersion, "25.0", `(?s)api_version \(or WHATSAPP_API_VERSION\).*not of the form vMAJOR.MINOR, e.g. v`},
		{"plain http base url", EnvBaseURL, "http://example.com", `(?s)base_url \(or WHATSAPP_BASE_URL\).*use https`},
		{"business id with letters", EnvBusinessID, "acme", `(?s)business_id \(or WHATSAPP_BUSINESS_ID\) must be a numeric Graph ID such as`},
		{"app id negative", EnvAppID, "-670843887433847", `(?s)app_id \(or WHATSAPP_APP_ID\) must be a numeric Graph ID such as`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(tc.env, tc.value)
			expectPlanError(t, noNetworkFactories(t), dataSourceConfig("provider \"whatsapp\" {}\n"), tc.want)
		})
	}
}

// TestProviderArguments_wellFormed: each argument lands in exactly one
// setting, and only string arguments, which may come from the environment,
// have checks.
func TestProviderArguments_wellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range providerArguments {
		if seen[a.name] {
			t.Errorf("%s is declared twice", a.name)
		}
		seen[a.name] = true
		if (a.setting == nil) == (a.numberSetting == nil) {
			t.Errorf("%s must have exactly one of setting and numberSetting", a.name)
		}
		if a.check != nil && a.setting == nil {
			t.Errorf("%s has a check but no string setting to check", a.name)
		}
	}
}
