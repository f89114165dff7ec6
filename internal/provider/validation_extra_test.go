package provider

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// TestPlanTimeValidationMore adds bad input TestPlanTimeValidation does not
// cover: values that reach the provider from the environment (which schema
// validators never see), the remaining ID forms and timeout bounds. Each
// must be refused at plan time, naming the attribute and the valid form,
// with no Graph request.
func TestPlanTimeValidationMore(t *testing.T) {
	const waba = "102290129340398"
	dataSource := func(prov, id string) string {
		return prov + fmt.Sprintf("data \"whatsapp_business_account\" \"x\" {\n  id = %q\n}\n", id)
	}
	plain := "provider \"whatsapp\" {}\n"
	cases := []struct {
		name, config, want string
		env                map[string]string
	}{
		{"api version 25.0 from the environment", dataSource(plain, waba), `(?s)api_version \(or WHATSAPP_API_VERSION\).*not of the form vMAJOR.MINOR, e.g. v`, map[string]string{EnvAPIVersion: "25.0"}},
		{"plain http base url from the environment", dataSource(plain, waba), `(?s)base_url \(or WHATSAPP_BASE_URL\).*use https`, map[string]string{EnvBaseURL: "http://example.com"}},
		{"business id with letters from the environment", dataSource(plain, waba), `(?s)business_id \(or WHATSAPP_BUSINESS_ID\) must be a numeric Graph ID such as`, map[string]string{EnvBusinessID: "acme"}},
		{"app id negative from the environment", dataSource(plain, waba), `(?s)app_id \(or WHATSAPP_APP_ID\) must be a numeric Graph ID such as`, map[string]string{EnvAppID: "-670843887433847"}},
		{"data source id empty", dataSource(plain, ""), `id must be a numeric Graph ID`, nil},
		{"data source id negative", dataSource(plain, "-102290129340398"), `id must be a numeric Graph ID`, nil},
		{"user id negative", fmt.Sprintf("provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\nresource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = \"-1\"\n  tasks = [\"MANAGE\"]\n}\n", waba), `user_id must be a numeric Graph ID`, nil},
		{"request timeout below a second", dataSource("provider \"whatsapp\" {\n  request_timeout = \"500ms\"\n}\n", waba), `(?s)request_timeout must be a duration`, nil},
		{"subscribed app waba id with letters", fmt.Sprintf("provider \"whatsapp\" {}\nresource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = \"waba-%s\"\n}\n", waba), `waba_id must be a numeric Graph ID`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: noNetworkFactories(t),
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: wrapTolerant(tc.want)}},
			})
		})
	}
}

// noNetworkFactories serves a provider whose HTTP transport fails the test on
// any request. Unlike noHTTPFactories it leaves base_url to the
// configuration and the environment, which these cases test.
func noNetworkFactories(t *testing.T) map[string]func() (tfprotov6.ProviderServer, error) {
	t.Helper()
	refuse := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s: validation should have stopped it", r.Method, r.URL.Redacted())
		return nil, errors.New("requests are not allowed in this test")
	})
	return map[string]func() (tfprotov6.ProviderServer, error){
		"whatsapp": providerserver.NewProtocol6WithError(New("test", func(c *graph.Config) {
			c.Transport = refuse
			if c.AccessToken == "" {
				c.AccessToken = "validation-token"
			}
		}, fastRetries)()),
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestDuplicateTasksCollapse documents what happens to a repeated task:
// tasks is a set, so Terraform removes the duplicate while converting the
// configuration, before the provider sees it. The plan is accepted with the
// task once; nothing is rejected and nothing is sent twice.
func TestDuplicateTasksCollapse(t *testing.T) {
	config := "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n" +
		"resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = \"102290129340398\"\n  user_id = \"100000000000101\"\n  tasks = [\"MANAGE\", \"MANAGE\", \"DEVELOP\"]\n}\n"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: noHTTPFactories(t),
		Steps: []resource.TestStep{{
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("whatsapp_assigned_user.x", tfjsonpath.New("tasks"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("MANAGE"), knownvalue.StringExact("DEVELOP")})),
			}},
		}},
	})
}

// TestImportIDValidationMore refuses import IDs TestImportIDValidation does
// not try, before any Graph request.
func TestImportIDValidationMore(t *testing.T) {
	cases := []struct{ resourceType, id, want string }{
		{"whatsapp_assigned_user", "102290129340398/ana", `must be <waba_id>/<user_id>`},
		{"whatsapp_assigned_user", "/100000000000101", `must be <waba_id>/<user_id>`},
		{"whatsapp_subscribed_app", "-102290129340398", `imported by the WhatsApp Business Account ID, e.g. "102290129340398"`},
	}
	for _, tc := range cases {
		t.Run(tc.resourceType+" "+tc.id, func(t *testing.T) {
			config := "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n"
			if tc.resourceType == "whatsapp_assigned_user" {
				config += "resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = \"102290129340398\"\n  user_id = \"100000000000101\"\n  tasks = [\"MANAGE\"]\n}\n"
			} else {
				config += "resource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = \"102290129340398\"\n}\n"
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: noHTTPFactories(t),
				Steps: []resource.TestStep{{
					Config: config, ResourceName: tc.resourceType + ".x", ImportState: true, ImportStateId: tc.id,
					ExpectError: wrapTolerant(tc.want),
				}},
			})
		})
	}
}
