package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

func subscribedAppsDataConfig(ids acctest.IDs, waba string) string {
	return providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_subscribed_apps" "test" {
  waba_id = %q
}
`, waba)
}

func TestSubscribedAppsDataSource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.MaxPageSize = 1
	seed.WABAs[0].Subscriptions = append(seed.WABAs[0].Subscriptions,
		simulator.Subscription{AppID: ids.App, OverrideCallbackURI: "https://hooks.example.com/whatsapp/acme"})
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	link := func(app string) knownvalue.Check {
		return knownvalue.StringExact("https://www.facebook.com/games/?app_id=" + app)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: subscribedAppsDataConfig(ids, ids.WABA),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.whatsapp_subscribed_apps.test", tfjsonpath.New("apps"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(ids.OtherApp), "name": knownvalue.StringExact("Acme Analytics"),
						"link": link(ids.OtherApp), "override_callback_uri": knownvalue.Null(),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(ids.App), "name": knownvalue.StringExact("Acme Platform"),
						"link": link(ids.App), "override_callback_uri": knownvalue.StringExact("https://hooks.example.com/whatsapp/acme"),
					}),
				})),
			},
		}},
	})
	checkListRequests(t, fx, "subscribed_apps", nil, true)
}

func TestSubscribedAppsDataSource_empty(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	testEmptyList(t, fx, "whatsapp_subscribed_apps", acctest.FixtureIDs(t).WABA2, "apps")
	checkListRequests(t, fx, "subscribed_apps", nil, false)
}

func TestSubscribedAppsDataSource_validation(t *testing.T) {
	expectPlanError(t, noHTTPFactories(t), subscribedAppsDataConfig(acctest.FixtureIDs(t), "waba-1"), `waba_id must be a numeric Graph ID`)
}
