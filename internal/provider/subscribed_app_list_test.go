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
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const listedOverride = "https://hooks.example.com/whatsapp/support"

// TestSubscribedAppList lists the token's app's subscriptions on the WABAs
// the provider's business owns, and on a WABA given by ID. The other app
// subscribed to the seeded WABA is not the token's, so it is left out.
func TestSubscribedAppList(t *testing.T) {
	queryChecks := queryCLI.require(t)
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.WABAs[0].Subscriptions = append(seed.WABAs[0].Subscriptions, simulator.Subscription{AppID: ids.App, OverrideCallbackURI: listedOverride})
	seed.WABAs[1].Subscriptions = append(seed.WABAs[1].Subscriptions, simulator.Subscription{AppID: ids.App})
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	const owned, given = "whatsapp_subscribed_app.owned", "whatsapp_subscribed_app.given"
	identity := func(waba string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"waba_id": knownvalue.StringExact(waba)}
	}
	onWABA := func(waba string) queryfilter.QueryFilter { return queryfilter.ByResourceIdentity(identity(waba)) }
	attr := func(name string, want knownvalue.Check) querycheck.KnownValueCheck {
		return querycheck.KnownValueCheck{Path: tfjsonpath.New(name), KnownValue: want}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   queryChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Query: true,
			Config: providerConfig(ids) + fmt.Sprintf(`
list "whatsapp_subscribed_app" "owned" {
  provider         = whatsapp
  include_resource = true
}

list "whatsapp_subscribed_app" "given" {
  provider = whatsapp

  config {
    waba_ids = [%q]
  }
}
`, ids.WABA2),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(owned, 2),
				querycheck.ExpectLength(given, 1),
				querycheck.ExpectIdentity(owned, identity(ids.WABA)),
				querycheck.ExpectIdentity(owned, identity(ids.WABA2)),
				querycheck.ExpectIdentity(given, identity(ids.WABA2)),
				querycheck.ExpectResourceDisplayName(owned, onWABA(ids.WABA),
					knownvalue.StringExact("Acme Platform on Acme Support ("+ids.WABA+"), callback override "+listedOverride)),
				querycheck.ExpectResourceDisplayName(owned, onWABA(ids.WABA2), knownvalue.StringExact("Acme Platform on Acme Sandbox ("+ids.WABA2+")")),
				querycheck.ExpectResourceDisplayName(given, onWABA(ids.WABA2), knownvalue.StringExact("Acme Platform on WhatsApp Business Account "+ids.WABA2)),
				querycheck.ExpectResourceKnownValues(owned, onWABA(ids.WABA), []querycheck.KnownValueCheck{
					attr("id", knownvalue.StringExact(ids.WABA)),
					attr("waba_id", knownvalue.StringExact(ids.WABA)),
					attr("app_id", knownvalue.StringExact(ids.App)),
					attr("app_name", knownvalue.StringExact("Acme Platform")),
					attr("override_callback_uri", knownvalue.StringExact(listedOverride)),
					attr("verify_token_wo", knownvalue.Null()),
					attr("verify_token_wo_version", knownvalue.Null()),
				}),
				querycheck.ExpectResourceKnownValues(owned, onWABA(ids.WABA2), []querycheck.KnownValueCheck{
					attr("override_callback_uri", knownvalue.Null()),
				}),
			},
		}},
	})
	// One read of the business's WABAs and of each WABA's edge: both list
	// blocks share the sandbox's.
	for _, want := range []struct {
		path string
		n    int
	}{{"/" + ids.Business + "/owned_whatsapp_business_accounts", 1}, {"/subscribed_apps", 2}, {"/app", 1}} {
		if got := fx.Count("GET", want.path); got != want.n {
			t.Errorf("GET ...%s = %d, want %d", want.path, got, want.n)
		}
	}
}

// TestSubscribedAppList_config refuses, before any request, a list block
// with both forms or, with no business anywhere, neither.
func TestSubscribedAppList_config(t *testing.T) {
	queryChecks := queryCLI.require(t)
	t.Setenv(EnvBusinessID, "")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   queryChecks,
		ProtoV6ProviderFactories: noHTTPFactories(t),
		Steps: []resource.TestStep{
			{
				Query: true,
				Config: `
provider "whatsapp" {}

list "whatsapp_subscribed_app" "both" {
  provider = whatsapp

  config {
    waba_ids    = ["102290129340398"]
    business_id = "506914307656634"
  }
}
`,
				ExpectError: wrapTolerant(`(?s)Invalid Attribute Combination.*These attributes cannot be configured together: \[waba_ids,business_id\]`),
			},
			{
				Query: true,
				Config: `
provider "whatsapp" {}

list "whatsapp_subscribed_app" "neither" {
  provider = whatsapp
}
`,
				ExpectError: wrapTolerant(`(?s)Nothing to list.*Set waba_ids or business_id in the list block's config, or business_id on the provider \(or WHATSAPP_BUSINESS_ID\)`),
			},
		},
	})
}
