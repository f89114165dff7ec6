package provider

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

func TestBusinessAccountDataSource(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	addr := "data.whatsapp_business_account.test"
	attr := func(name string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), want)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_business_account" "test" {
  id = %q
}
`, ids.WABA),
			ConfigStateChecks: []statecheck.StateCheck{
				attr("id", knownvalue.StringExact(ids.WABA)),
				attr("name", knownvalue.StringExact("Acme Support")),
				attr("currency", knownvalue.StringExact("USD")),
				attr("timezone_id", knownvalue.StringExact("1")),
				attr("message_template_namespace", knownvalue.StringExact("ba30dd89_2ebd_41e4_b805_f2c05ae04cc9")),
				attr("business_verification_status", knownvalue.StringExact("verified")),
				attr("country", knownvalue.StringExact("US")),
				attr("is_enabled_for_insights", knownvalue.Bool(true)),
				attr("ownership_type", knownvalue.StringExact("CLIENT_OWNED")),
				attr("primary_funding_id", knownvalue.StringExact("2215447698821233")),
				attr("purchase_order_number", knownvalue.StringExact("PO-4471")),
				attr("account_review_status", knownvalue.StringExact("APPROVED")),
				attr("whatsapp_business_manager_messaging_limit", knownvalue.StringExact("TIER_10K")),
				attr("creation_time", knownvalue.Int64Exact(1672531200)),
				attr("template_auto_archival_enabled", knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("on_behalf_of_business_info").AtMapKey("name"), knownvalue.StringExact("Acme Corp")),
				// Asked for bare, Graph leaves the id out of both objects.
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("on_behalf_of_business_info").AtMapKey("id"), knownvalue.StringExact(ids.Business)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("owner_business_info").AtMapKey("id"), knownvalue.StringExact(ids.Business)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("health_status").AtMapKey("can_send_message"), knownvalue.StringExact("AVAILABLE")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("health_status").AtMapKey("entities"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("health_status").AtMapKey("entities").AtSliceIndex(2).AtMapKey("additional_info").AtSliceIndex(0),
					knownvalue.StringExact("Your app is in development mode.")),
			},
		}},
	})

	// Every read of the node is a single request with the explicit field
	// list, and the data source touches nothing else.
	reads := 0
	for _, r := range fx.Requests() {
		if !strings.HasSuffix(r.Path, "/"+ids.WABA) {
			t.Errorf("unexpected request %s %s", r.Method, r.Path)
			continue
		}
		reads++
		q, _ := url.ParseQuery(r.Query)
		if got, want := q.Get("fields"), strings.Join(graph.BusinessAccountFields, ","); got != want {
			t.Errorf("fields = %q, want %q", got, want)
		}
	}
	if reads == 0 {
		t.Error("the data source made no request")
	}
}

func TestBusinessAccountDataSource_unknownAccount(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + `
data "whatsapp_business_account" "test" {
  id = "999999999999999"
}
`,
			ExpectError: wrapTolerant(`(?s)Graph API error 100.*Subcode:\s+33.*fbtrace_id: \S+.*has been deleted and when the access token's system user can no longer see it.*Assigned assets`),
		}},
	})
}

// TestBusinessAccountDataSource_validation refuses account IDs that are not
// numeric Graph IDs at plan time, before any Graph request.
func TestBusinessAccountDataSource_validation(t *testing.T) {
	cases := []struct{ name, id string }{
		{"id with letters", "12ab34"},
		{"id empty", ""},
		{"id negative", "-102290129340398"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			config := fmt.Sprintf("provider \"whatsapp\" {}\ndata \"whatsapp_business_account\" \"x\" {\n  id = %q\n}\n", tc.id)
			expectPlanError(t, noHTTPFactories(t), config, `id must be a numeric Graph ID`)
		})
	}
}
