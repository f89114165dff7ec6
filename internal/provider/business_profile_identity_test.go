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

// TestBusinessProfileResource_identity checks the identity in state (the
// WABA and the number) and the import by identity, which reads the same
// profile back.
func TestBusinessProfileResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	config := profileConfig(ids, `  about = "Fresh bread every morning"
  vertical = "RESTAURANT"`)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(profileAddr, map[string]knownvalue.Check{
						"waba_id":         knownvalue.StringExact(ids.WABA),
						"phone_number_id": knownvalue.StringExact(ids.PhoneNumber),
					}),
				},
			},
			{
				ResourceName:    profileAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(profileAddr, tfjsonpath.New("about"), knownvalue.StringExact("Fresh bread every morning")),
				}},
			},
		},
	})
}
