package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const phoneWebhookAddr = "whatsapp_phone_number_webhook.test"

// phoneWebhookSeed is the default seed with the token's app subscribed to
// the WABA (which Meta requires before a number's override), with a
// WABA-level override, and with a callback for WABA webhooks: every level
// above the number's is set.
func phoneWebhookSeed(ids acctest.IDs) simulator.Seed {
	seed := simulator.DefaultSeed()
	seed.WABAs[0].Subscriptions = append(seed.WABAs[0].Subscriptions, simulator.Subscription{AppID: ids.App, OverrideCallbackURI: accountCallback})
	seed.AppSubscriptions = map[string][]simulator.AppSubscription{ids.App: {{Object: graph.WABAWebhookObject, CallbackURL: appCallback, Fields: []simulator.SubscribedField{{Name: "messages"}}}}}
	return seed
}

// phoneWebhookBlock declares the override of one number, named name.
func phoneWebhookBlock(name, waba, phone, uri, token string, version int) string {
	return fmt.Sprintf(`
resource "whatsapp_phone_number_webhook" %q {
  waba_id                 = %q
  phone_number_id         = %q
  override_callback_uri   = %q
  verify_token_wo         = %q
  verify_token_wo_version = %d
}
`, name, waba, phone, uri, token, version)
}

func phoneWebhookConfig(ids acctest.IDs, uri, token string, version int) string {
	return providerConfig(ids) + phoneWebhookBlock("test", ids.WABA, ids.PhoneNumber, uri, token, version)
}

// phoneWebhookPosts lists the POSTs to the number, each as the override and
// verify token it sent ("" for a clear).
func phoneWebhookPosts(t *testing.T, fx *acctest.FixtureServer, phone string) []string {
	t.Helper()
	var out []string
	for _, r := range fx.Requests() {
		if r.Method != "POST" || !strings.HasSuffix(r.Path, "/"+phone) {
			continue
		}
		var b struct {
			WebhookConfiguration map[string]string `json:"webhook_configuration"`
		}
		if err := json.Unmarshal([]byte(r.Body), &b); err != nil {
			t.Fatalf("POST body %q: %v", r.Body, err)
		}
		out = append(out, b.WebhookConfiguration["override_callback_uri"]+" "+b.WebhookConfiguration["verify_token"])
	}
	return out
}

func TestPhoneNumberWebhookResource(t *testing.T) {
	startWebhookCallback(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	check := func(name string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New(name), want)
	}
	first, second := webhookCallbackURL+"/a", webhookCallbackURL+"/b"
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: phoneWebhookConfig(ids, first, "verify-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("id", knownvalue.StringExact(ids.WABA+"/"+ids.PhoneNumber)),
					check("override_callback_uri", knownvalue.StringExact(first)),
					check("waba_callback_uri", knownvalue.StringExact(accountCallback)),
					check("app_callback_uri", knownvalue.StringExact(appCallback)),
					check("verify_token_wo", knownvalue.Null()),
					check("verify_token_wo_version", knownvalue.Int64Exact(1)),
				},
			},
			{
				// Nothing changed: the refresh agrees with the state.
				Config: phoneWebhookConfig(ids, first, "verify-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				ResourceName:      phoneWebhookAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The verify token is write-only: Graph never returns it.
				ImportStateVerifyIgnore: []string{"verify_token_wo", "verify_token_wo_version"},
			},
			{
				ResourceName:    phoneWebhookAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				// The imported state cannot hold the write-only token's
				// version, so the plan sends the configured token once.
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact(first)),
				}},
			},
			{
				// A new URL with the same token: updated in place.
				Config: phoneWebhookConfig(ids, second, "verify-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("override_callback_uri", knownvalue.StringExact(second)),
					check("waba_callback_uri", knownvalue.StringExact(accountCallback)),
				},
			},
			{
				// A new token: only its version shows, and the update sends it.
				Config: phoneWebhookConfig(ids, second, "verify-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("verify_token_wo_version", knownvalue.Int64Exact(2)),
					check("verify_token_wo", knownvalue.Null()),
				},
			},
		},
	})
	// One POST per create or update, and the clear at destroy; each set
	// carries the configured token.
	want := []string{first + " verify-1", second + " verify-1", second + " verify-2", " "}
	if got := phoneWebhookPosts(t, fx, ids.PhoneNumber); !slices.Equal(got, want) {
		t.Errorf("POSTs to the number = %q\nwant %q", got, want)
	}
	if got := fx.Count("DELETE", ""); got != 0 {
		t.Errorf("%d DELETEs: the override is removed with a POST", got)
	}
}

// TestPhoneNumberWebhookResource_disappears: an override removed outside
// Terraform leaves the state, and the plan sets it again.
func TestPhoneNumberWebhookResource_disappears(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1),
				Check: func(*terraform.State) error {
					return outOfBand(t, fx).ClearPhoneNumberWebhook(testContext(t), ids.WABA, ids.PhoneNumber)
				},
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionCreate),
				}},
			},
			{
				Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact(numberCallback)),
				},
			},
		},
	})
}

// TestPhoneNumberWebhookResource_changedOutside: an override pointed
// elsewhere outside Terraform shows as an update, which puts it back.
func TestPhoneNumberWebhookResource_changedOutside(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1),
				Check: func(*terraform.State) error {
					return outOfBand(t, fx).SetPhoneNumberWebhook(testContext(t), ids.WABA, ids.PhoneNumber,
						graph.CallbackOverride{URI: numberCallback + "/elsewhere", VerifyToken: "verify-oob"})
				},
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact(numberCallback)),
				}},
			},
			{
				Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact(numberCallback)),
				},
			},
		},
	})
}

// TestPhoneNumberWebhookResource_existing: a number that already has an
// override is refused before any write, with the import ID.
func TestPhoneNumberWebhookResource_existing(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := phoneWebhookSeed(ids)
	seed.WABAs[0].PhoneNumbers[0]["webhook_configuration"] = map[string]any{"phone_number": numberCallback + "/taken"}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1),
			ExpectError: wrapTolerant(`(?s)whatsapp_phone_number_webhook already exists.*The webhook override of phone number ` + ids.PhoneNumber +
				` on WhatsApp Business Account ` + ids.WABA + ` \(` + regexp.QuoteMeta(numberCallback+"/taken") + `\) already exists.*` +
				`id = "` + ids.WABA + `/` + ids.PhoneNumber + `"`),
		}},
	})
	if got := fx.Count("POST", "/"+ids.PhoneNumber); got != 0 {
		t.Errorf("%d POSTs to the number: an existing override must not be taken over", got)
	}
}

// TestPhoneNumberWebhookResource_appNotSubscribed: Graph refuses the
// override while the token's app is not subscribed to the WABA, and the
// error says to subscribe it first; with whatsapp_subscribed_app the same
// override applies.
func TestPhoneNumberWebhookResource_appNotSubscribed(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	withSubscription := providerConfig(ids) + fmt.Sprintf(`
resource "whatsapp_subscribed_app" "waba" {
  waba_id = %q
}

resource "whatsapp_phone_number_webhook" "test" {
  waba_id                 = %q
  phone_number_id         = %q
  override_callback_uri   = %q
  verify_token_wo         = "verify-1"
  verify_token_wo_version = 1

  depends_on = [whatsapp_subscribed_app.waba]
}
`, ids.WABA, ids.WABA, ids.PhoneNumber, numberCallback)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1),
				ExpectError: wrapTolerant(`(?s)Failed to set the webhook override of phone number ` + ids.PhoneNumber + ` on WhatsApp Business Account ` + ids.WABA +
					`: Graph API error 100.*fbtrace_id: \S+.*The app that owns the access token is not subscribed to WhatsApp Business Account ` + ids.WABA +
					`.*Nothing was changed.*Subscribe the app first with a whatsapp_subscribed_app resource.*depends_on = \[whatsapp_subscribed_app.<name>\]`),
			},
			{
				Config: withSubscription,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact(numberCallback)),
					statecheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("waba_callback_uri"), knownvalue.Null()),
				},
			},
		},
	})
}

// TestPhoneNumberWebhookResource_numberNotListed: a phone number ID the
// WABA does not list fails the create before any write, and cannot be
// imported.
func TestPhoneNumberWebhookResource_numberNotListed(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	const unlisted = "106540352242999"
	config := providerConfig(ids) + phoneWebhookBlock("test", ids.WABA, unlisted, numberCallback, "verify-1", 1)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: wrapTolerant(`(?s)Phone number not found.*WhatsApp Business Account ` + ids.WABA + ` does not list phone number ` + unlisted + `, so no override was set`),
			},
			{
				Config:        config,
				ResourceName:  phoneWebhookAddr,
				ImportState:   true,
				ImportStateId: ids.WABA + "/" + unlisted,
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
	if got := fx.Count("POST", ""); got != 0 {
		t.Errorf("%d POSTs for a number the WABA does not list", got)
	}
}

// TestPhoneNumberWebhookResource_lostAccess: when the WABA goes out of the
// token's sight, Graph answers 100/33 as if it were deleted; the refresh
// fails and keeps the override in state, and once access is back the plan
// is empty.
func TestPhoneNumberWebhookResource_lostAccess(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	skipUnlessSightCanChange(t, fx)
	config := phoneWebhookConfig(ids, numberCallback, "verify-1", 1)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: lostAccessSteps(t, fx, ids.WABA, config, `(?s)Failed to read the webhook override of phone number `+ids.PhoneNumber+` on WhatsApp Business Account `+ids.WABA+
			`: Graph API error 100.*Subcode:\s+33.*fbtrace_id: \S+.*can no longer see it.*stays in the Terraform state.*removed \{.*terraform state rm`),
	})
}

// TestPhoneNumberWebhookResource_verificationFails: a callback that refuses
// the verify token fails the apply with Graph's code and what Meta checks.
func TestPhoneNumberWebhookResource_verificationFails(t *testing.T) {
	startWebhookCallback(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config:      phoneWebhookConfig(ids, webhookCallbackURL, "wrong-token", 1),
			ExpectError: regexp.MustCompile(`(?s)Graph API error 2200.*HTTP 403.*Code:\s+2200.*fbtrace_id: \S+.*Meta could not verify override_callback_uri`),
		}},
	})
}

// TestPhoneNumberWebhookResource_generatedConfig imports an override the
// way terraform plan -generate-config-out does: the generated configuration
// cannot have the write-only token, and the plan says which lines to add.
func TestPhoneNumberWebhookResource_generatedConfig(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: phoneWebhookConfig(ids, numberCallback, "verify-1", 1)},
			{
				Config:          providerConfig(ids),
				ResourceName:    phoneWebhookAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
				ExpectError:     wrapTolerant(missingVerifyToken(`Meta verifies override_callback_uri with a verify token whenever the override is set`)),
			},
		},
	})
}
