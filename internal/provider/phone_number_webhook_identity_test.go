package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// TestPhoneNumberWebhookResource_identity checks the identity in state (the
// WABA and the number) and the import by identity.
func TestPhoneNumberWebhookResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(phoneWebhookSeed(ids)))
	config := phoneWebhookConfig(ids, numberCallback, "verify-1", 1)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(phoneWebhookAddr, map[string]knownvalue.Check{
						"waba_id":         knownvalue.StringExact(ids.WABA),
						"phone_number_id": knownvalue.StringExact(ids.PhoneNumber),
					}),
					statecheck.ExpectIdentityValueMatchesState(phoneWebhookAddr, tfjsonpath.New("waba_id")),
					statecheck.ExpectIdentityValueMatchesState(phoneWebhookAddr, tfjsonpath.New("phone_number_id")),
				},
			},
			{
				ResourceName:    phoneWebhookAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				// The imported state cannot hold the write-only token's
				// version, so the plan sends the configured token once.
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(phoneWebhookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+ids.PhoneNumber)),
					plancheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("override_callback_uri"), knownvalue.StringExact(numberCallback)),
					plancheck.ExpectKnownValue(phoneWebhookAddr, tfjsonpath.New("app_callback_uri"), knownvalue.StringExact(appCallback)),
				}},
			},
			{
				Config: config + `
import {
  to       = whatsapp_phone_number_webhook.test
  identity = { waba_id = "102290129340398", phone_number_id = "support-line" }
}
`,
				ResourceName:           phoneWebhookAddr,
				ImportState:            true,
				ImportStateKind:        resource.ImportBlockWithResourceIdentity,
				ImportStateConfigExact: true,
				ExpectError:            wrapTolerant(`(?s)Invalid import identity.*identity phone_number_id must be a numeric Graph ID, e.g. "106540352242922"; got "support-line"`),
			},
		},
	})
}
