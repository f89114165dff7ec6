package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// TestMessageTemplateList lists the seeded WABA's three templates, each by
// its identity, with its category and status in the display name and its
// components read from Graph.
func TestMessageTemplateList(t *testing.T) {
	queryChecks := queryCLI.require(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	const all = "whatsapp_message_template.all"
	identity := func(name, language string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"waba_id": knownvalue.StringExact(ids.WABA), "name": knownvalue.StringExact(name), "language": knownvalue.StringExact(language)}
	}
	byName := func(name, language string) queryfilter.QueryFilter {
		return queryfilter.ByResourceIdentity(identity(name, language))
	}
	attr := func(name string, want knownvalue.Check) querycheck.KnownValueCheck {
		return querycheck.KnownValueCheck{Path: tfjsonpath.New(name), KnownValue: want}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   queryChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Query: true,
			Config: providerConfig(ids) + fmt.Sprintf(`
list "whatsapp_message_template" "all" {
  provider         = whatsapp
  include_resource = true

  config {
    waba_id = %q
  }
}
`, ids.WABA),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3),
				querycheck.ExpectIdentity(all, identity("hello_world", "en_US")),
				querycheck.ExpectIdentity(all, identity("spring_sale", "es")),
				querycheck.ExpectResourceDisplayName(all, byName("order_update", "en_US"), knownvalue.StringExact("order_update (en_US, UTILITY, APPROVED)")),
				querycheck.ExpectResourceDisplayName(all, byName("spring_sale", "es"), knownvalue.StringExact("spring_sale (es, MARKETING, REJECTED)")),
				querycheck.ExpectResourceKnownValues(all, byName("order_update", "en_US"), []querycheck.KnownValueCheck{
					attr("id", knownvalue.StringExact("1192339204654488")),
					attr("category", knownvalue.StringExact("UTILITY")),
					attr("body", knownvalue.ObjectPartial(map[string]knownvalue.Check{"text": knownvalue.StringExact("Your order {{1}} has shipped.")})),
					attr("quality_score", knownvalue.StringExact("GREEN")),
				}),
				querycheck.ExpectResourceKnownValues(all, byName("spring_sale", "es"), []querycheck.KnownValueCheck{
					attr("rejected_reason", knownvalue.StringExact("PROMOTIONAL")),
				}),
			},
		}},
	})
	if got := fx.Count("GET", "/message_templates"); got != 1 {
		t.Errorf("%d reads of the WABA's templates, want 1", got)
	}
}
