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
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestAppWebhookSubscriptionList lists the app's whatsapp_business_account
// subscription, seeded here beside a subscription for another object, which
// the resource does not manage.
func TestAppWebhookSubscriptionList(t *testing.T) {
	queryChecks := queryCLI.require(t)
	ids := acctest.FixtureIDs(t)
	const callback = "https://hooks.example.com/whatsapp"
	seed := simulator.DefaultSeed()
	seed.AppSubscriptions = map[string][]simulator.AppSubscription{ids.App: {
		{Object: "page", CallbackURL: callback + "/page", Fields: []simulator.SubscribedField{{Name: "feed"}}},
		{Object: graph.WABAWebhookObject, CallbackURL: callback, Fields: []simulator.SubscribedField{{Name: "messages"}, {Name: "account_update"}}, IncludeValues: true},
	}}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed), acctest.WithAppSecret(simAppSecret(t, ids.App)))
	const app = "whatsapp_app_webhook_subscription.app"
	identity := map[string]knownvalue.Check{"app_id": knownvalue.StringExact(ids.App), "object": knownvalue.StringExact(graph.WABAWebhookObject)}
	attr := func(name string, want knownvalue.Check) querycheck.KnownValueCheck {
		return querycheck.KnownValueCheck{Path: tfjsonpath.New(name), KnownValue: want}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   queryChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Query: true,
			Config: fmt.Sprintf(`
provider "whatsapp" {
  app_id = %q
}

list "whatsapp_app_webhook_subscription" "app" {
  provider         = whatsapp
  include_resource = true
}
`, ids.App),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(app, 1),
				querycheck.ExpectIdentity(app, identity),
				querycheck.ExpectResourceDisplayName(app, queryfilter.ByResourceIdentity(identity),
					knownvalue.StringExact("App "+ids.App+": whatsapp_business_account webhooks to "+callback+" (account_update, messages)")),
				querycheck.ExpectResourceKnownValues(app, queryfilter.ByResourceIdentity(identity), []querycheck.KnownValueCheck{
					attr("id", knownvalue.StringExact(ids.App)),
					attr("callback_url", knownvalue.StringExact(callback)),
					attr("fields", knownStringSet("account_update", "messages")),
					attr("include_values", knownvalue.Bool(true)),
					attr("active", knownvalue.Bool(true)),
					attr("verify_token_wo", knownvalue.Null()),
				}),
			},
		}},
	})
	if got := fx.Count("GET", "/"+ids.App+"/subscriptions"); got != 1 {
		t.Errorf("GET subscriptions = %d, want 1", got)
	}
}

// TestAppWebhookSubscriptionList_noAppCredentials refuses, before any
// request, to list without the app access token.
func TestAppWebhookSubscriptionList_noAppCredentials(t *testing.T) {
	queryChecks := queryCLI.require(t)
	t.Setenv(EnvAppID, "")
	t.Setenv(EnvAppSecret, "")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   queryChecks,
		ProtoV6ProviderFactories: noHTTPFactories(t),
		Steps: []resource.TestStep{{
			Query: true,
			Config: `
provider "whatsapp" {}

list "whatsapp_app_webhook_subscription" "app" {
  provider = whatsapp
}
`,
			ExpectError: wrapTolerant(`(?s)Missing app credentials.*Set both app_id and app_secret on the provider`),
		}},
	})
}
