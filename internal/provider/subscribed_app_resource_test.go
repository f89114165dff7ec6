package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const subscribedAppAddr = "whatsapp_subscribed_app.test"

func subscribedAppConfig(ids acctest.IDs, override string, version int) string {
	if override == "" {
		return providerConfig(ids) + fmt.Sprintf(`
resource "whatsapp_subscribed_app" "test" {
  waba_id = %q
}
`, ids.WABA)
	}
	return providerConfig(ids) + fmt.Sprintf(`
resource "whatsapp_subscribed_app" "test" {
  waba_id                 = %q
  override_callback_uri   = %q
  verify_token_wo         = "verify-%d"
  verify_token_wo_version = %d
}
`, ids.WABA, override, version, version)
}

func TestSubscribedAppResource(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: subscribedAppConfig(ids, "https://hooks.example.com/whatsapp/a", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(subscribedAppAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA)),
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("app_id"), knownvalue.StringExact(ids.App)),
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("app_name"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("app_link"), knownvalue.StringRegexp(regexp.MustCompile(`app_id=`+ids.App))),
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact("https://hooks.example.com/whatsapp/a")),
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("verify_token_wo"), knownvalue.Null()),
					sameID.AddStateValue(subscribedAppAddr, tfjsonpath.New("id")),
				},
			},
			{
				ResourceName:      subscribedAppAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The verify token is write-only: Graph never returns it.
				ImportStateVerifyIgnore: []string{"verify_token_wo", "verify_token_wo_version"},
			},
			{
				ResourceName:    subscribedAppAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				// The imported state cannot hold the write-only token's
				// version, so the plan sends the configured token once.
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(subscribedAppAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact("https://hooks.example.com/whatsapp/a")),
				}},
			},
			{
				// A new callback and a new token: updated in place.
				Config: subscribedAppConfig(ids, "https://hooks.example.com/whatsapp/b", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(subscribedAppAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact("https://hooks.example.com/whatsapp/b")),
					sameID.AddStateValue(subscribedAppAddr, tfjsonpath.New("id")),
				},
			},
			{
				// Dropping the override is a deliberate POST without one.
				Config: subscribedAppConfig(ids, "", 0),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(subscribedAppAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("override_callback_uri"), knownvalue.Null()),
					sameID.AddStateValue(subscribedAppAddr, tfjsonpath.New("id")),
				},
			},
		},
	})
	// Exactly one subscribe per create or update, one unsubscribe at destroy.
	if got := fx.Count("POST", "/subscribed_apps"); got != 3 {
		t.Errorf("POST subscribed_apps = %d, want 3 (create, new override, override removed)", got)
	}
	if got := fx.Count("DELETE", "/subscribed_apps"); got != 1 {
		t.Errorf("DELETE subscribed_apps = %d, want 1", got)
	}
	if got := fx.Count("GET", "/app"); got == 0 {
		t.Error("the token's app was never resolved")
	}
}

func TestSubscribedAppResource_disappears(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: subscribedAppConfig(ids, "", 0),
			Check: func(*terraform.State) error {
				return outOfBand(t, fx).UnsubscribeApp(testContext(t), ids.WABA)
			},
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(subscribedAppAddr, plancheck.ResourceActionCreate),
			}},
		}},
	})
}

// TestSubscribedAppResource_configuredAppID checks that a provider given the
// app ID never asks Graph for it.
func TestSubscribedAppResource_configuredAppID(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "whatsapp" {
  app_id = %q
}

resource "whatsapp_subscribed_app" "test" {
  waba_id = %q
}
`, ids.App, ids.WABA),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("app_id"), knownvalue.StringExact(ids.App)),
				statecheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("app_name"), knownvalue.NotNull()),
			},
		}},
	})
	if got := fx.Count("GET", "/app"); got != 0 {
		t.Errorf("GET /app = %d, want 0 when app_id is configured", got)
	}
}

func TestSubscribedAppResource_missingPermission(t *testing.T) {
	seed := simulator.DefaultSeed()
	seed.Tokens = reorderTokens(seed.Tokens, "sim-readonly-token")
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config:      subscribedAppConfig(ids, "", 0),
			ExpectError: regexp.MustCompile(`(?s)Graph API error 200.*fbtrace_id: \S+.*lacks a permission`),
		}},
	})
}

// reorderTokens puts the named token first: the fixture server hands the
// provider the seed's first token when recording against the simulator.
func reorderTokens(tokens []simulator.Token, first string) []simulator.Token {
	out := []simulator.Token{}
	for _, tk := range tokens {
		if tk.Value == first {
			out = append([]simulator.Token{tk}, out...)
		} else {
			out = append(out, tk)
		}
	}
	return out
}

// TestSubscribedAppResource_generatedConfig imports a subscription with an
// override the way terraform plan -generate-config-out does. The generated
// configuration has override_callback_uri but cannot have the write-only
// token, and the plan says which lines to add.
func TestSubscribedAppResource_generatedConfig(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: subscribedAppConfig(ids, "https://hooks.example.com/whatsapp/a", 1)},
			{
				Config:          providerConfig(ids),
				ResourceName:    subscribedAppAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
				ExpectError:     wrapTolerant(missingVerifyToken(`override_callback_uri is set, so Meta needs the verify token it sends to that URL.`)),
			},
		},
	})
}
