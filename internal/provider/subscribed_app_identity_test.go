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

// TestSubscribedAppResource_identity checks the identity in state (the WABA
// alone: the app is the token's) and the import by identity.
func TestSubscribedAppResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: subscribedAppConfig(ids, "", 0),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(subscribedAppAddr, map[string]knownvalue.Check{"waba_id": knownvalue.StringExact(ids.WABA)}),
					statecheck.ExpectIdentityValueMatchesState(subscribedAppAddr, tfjsonpath.New("waba_id")),
				},
			},
			{
				ResourceName:    subscribedAppAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("app_id"), knownvalue.StringExact(ids.App)),
					plancheck.ExpectKnownValue(subscribedAppAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA)),
				}},
			},
			{
				Config: subscribedAppConfig(ids, "", 0) + `
import {
  to       = whatsapp_subscribed_app.test
  identity = { waba_id = "support" }
}
`,
				ResourceName:           subscribedAppAddr,
				ImportState:            true,
				ImportStateKind:        resource.ImportBlockWithResourceIdentity,
				ImportStateConfigExact: true,
				ExpectError:            wrapTolerant(`(?s)Invalid import identity.*identity waba_id must be the WhatsApp Business Account ID, e.g. "102290129340398"; got "support"`),
			},
		},
	})
}
