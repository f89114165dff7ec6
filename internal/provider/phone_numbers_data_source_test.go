package provider

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const sandboxPhone = "106540352242924"

// Callback URLs of the three webhook levels a number reports.
const (
	numberCallback  = "https://hooks.example.com/whatsapp/number"
	accountCallback = "https://hooks.example.com/whatsapp/account"
	appCallback     = "https://hooks.example.com/whatsapp/app"
)

func TestPhoneNumbersDataSource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.MaxPageSize = 1
	// A number Graph reports little about: everything else must be null.
	seed.WABAs[0].PhoneNumbers = append(seed.WABAs[0].PhoneNumbers, map[string]any{
		"id": sandboxPhone, "display_phone_number": "+1 555-010-0003", "account_mode": "SANDBOX",
	})
	// Every webhook level is set for the first number; the others have the
	// account's and the app's only.
	seed.WABAs[0].PhoneNumbers[0]["webhook_configuration"] = map[string]any{"phone_number": numberCallback}
	seed.WABAs[0].Subscriptions = append(seed.WABAs[0].Subscriptions, simulator.Subscription{AppID: ids.App, OverrideCallbackURI: accountCallback})
	seed.AppSubscriptions = map[string][]simulator.AppSubscription{ids.App: {{Object: graph.WABAWebhookObject, CallbackURL: appCallback, Fields: []simulator.SubscribedField{{Name: "messages"}}}}}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	all := tfjsonpath.New("phone_numbers")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_phone_numbers" "all" {
  waba_id = %[1]q
}

data "whatsapp_phone_numbers" "sandbox" {
  waba_id      = %[1]q
  account_mode = "SANDBOX"
}
`, ids.WABA),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.whatsapp_phone_numbers.all", all, knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.whatsapp_phone_numbers.all", all.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":                       knownvalue.StringExact(ids.PhoneNumber),
					"display_phone_number":     knownvalue.StringExact("+1 555-010-0001"),
					"verified_name":            knownvalue.StringExact("Acme Support"),
					"quality_rating":           knownvalue.StringExact("GREEN"),
					"name_status":              knownvalue.StringExact("APPROVED"),
					"code_verification_status": knownvalue.StringExact("VERIFIED"),
					"platform_type":            knownvalue.StringExact("CLOUD_API"),
					"throughput_level":         knownvalue.StringExact("STANDARD"),
					"whatsapp_business_manager_messaging_limit": knownvalue.StringExact("TIER_10K"),
					"account_mode":                 knownvalue.StringExact("LIVE"),
					"is_official_business_account": knownvalue.Bool(false),
					"last_onboarded_time":          knownvalue.StringExact("2024-03-01T10:00:00+0000"),
					"webhook_configuration": knownvalue.ObjectExact(map[string]knownvalue.Check{
						"phone_number":              knownvalue.StringExact(numberCallback),
						"whatsapp_business_account": knownvalue.StringExact(accountCallback),
						"application":               knownvalue.StringExact(appCallback),
					}),
				})),
				statecheck.ExpectKnownValue("data.whatsapp_phone_numbers.all", all.AtSliceIndex(1).AtMapKey("quality_rating"), knownvalue.StringExact("YELLOW")),
				statecheck.ExpectKnownValue("data.whatsapp_phone_numbers.all", all.AtSliceIndex(2), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":                       knownvalue.StringExact(sandboxPhone),
					"display_phone_number":     knownvalue.StringExact("+1 555-010-0003"),
					"verified_name":            knownvalue.Null(),
					"quality_rating":           knownvalue.Null(),
					"name_status":              knownvalue.Null(),
					"code_verification_status": knownvalue.Null(),
					"platform_type":            knownvalue.Null(),
					"throughput_level":         knownvalue.Null(),
					"whatsapp_business_manager_messaging_limit": knownvalue.Null(),
					"account_mode":                 knownvalue.StringExact("SANDBOX"),
					"is_official_business_account": knownvalue.Null(),
					"last_onboarded_time":          knownvalue.Null(),
					"webhook_configuration": knownvalue.ObjectExact(map[string]knownvalue.Check{
						"phone_number":              knownvalue.Null(),
						"whatsapp_business_account": knownvalue.StringExact(accountCallback),
						"application":               knownvalue.StringExact(appCallback),
					}),
				})),
				statecheck.ExpectKnownValue("data.whatsapp_phone_numbers.sandbox", all, knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue("data.whatsapp_phone_numbers.sandbox", all.AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact(sandboxPhone)),
			},
		}},
	})
	checkListRequests(t, fx, "phone_numbers", graph.PhoneNumberFields, true)
	filtered := 0
	for _, r := range fx.Requests() {
		if q, _ := url.ParseQuery(r.Query); q.Get("filtering") == `[{"field":"account_mode","operator":"EQUAL","value":"SANDBOX"}]` {
			filtered++
		}
	}
	if filtered == 0 {
		t.Error("the account_mode filter was never sent to Graph")
	}
}

func TestPhoneNumbersDataSource_empty(t *testing.T) {
	testEmptyList(t, acctest.NewFixtureServer(t), "whatsapp_phone_numbers", acctest.FixtureIDs(t).WABA2, "phone_numbers")
}

func TestPhoneNumbersDataSource_validation(t *testing.T) {
	for name, tc := range map[string]struct{ body, want string }{
		"unknown account mode": {"waba_id = \"102290129340398\"\naccount_mode = \"live\"", `(?s)account_mode: "live" is not an account mode Graph accepts. Did you mean "LIVE"\? Valid values: LIVE, SANDBOX.`},
		"waba id with letters": {"waba_id = \"acme\"", `waba_id must be a numeric Graph ID`},
	} {
		t.Run(name, func(t *testing.T) {
			config := "provider \"whatsapp\" {}\n\ndata \"whatsapp_phone_numbers\" \"x\" {\n" + tc.body + "\n}\n"
			expectPlanError(t, noHTTPFactories(t), config, tc.want)
		})
	}
}
