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

// TestConversationalAutomationResource_identity checks the identity in
// state (the WABA and the number) and the import by identity.
func TestConversationalAutomationResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	config := automationConfig(ids, automationFirst)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(automationAddr, map[string]knownvalue.Check{
						"waba_id":         knownvalue.StringExact(ids.WABA),
						"phone_number_id": knownvalue.StringExact(ids.PhoneNumber),
					}),
				},
			},
			{
				ResourceName:    automationAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(automationAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(automationAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+ids.PhoneNumber)),
				}},
			},
		},
	})
}
