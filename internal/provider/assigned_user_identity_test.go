package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// TestAssignedUserResource_identity checks the identity in state and the
// import by identity: business_id comes from the provider, or, with
// business_id nowhere, from the WABA's owner as Graph reports it.
func TestAssignedUserResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	t.Setenv(EnvBusinessID, "")
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	user := ids.Users[1]
	withoutBusiness := fmt.Sprintf(`
provider "whatsapp" {}

resource "whatsapp_assigned_user" "test" {
  waba_id = %q
  user_id = %q
  tasks   = ["DEVELOP"]
}
`, ids.WABA, user)
	businessIs := resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
		plancheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+user)),
	}}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: assignedUserConfig(ids, ids.WABA, user, "DEVELOP"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(assignedUserAddr, map[string]knownvalue.Check{
						"waba_id": knownvalue.StringExact(ids.WABA),
						"user_id": knownvalue.StringExact(user),
					}),
					statecheck.ExpectIdentityValueMatchesState(assignedUserAddr, tfjsonpath.New("waba_id")),
					statecheck.ExpectIdentityValueMatchesState(assignedUserAddr, tfjsonpath.New("user_id")),
				},
			},
			{
				// The provider has business_id.
				ResourceName:     assignedUserAddr,
				ImportState:      true,
				ImportStateKind:  resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: businessIs,
			},
			{
				// Neither the provider nor the resource has it: Graph names
				// the WABA's owner.
				Config:           withoutBusiness,
				ResourceName:     assignedUserAddr,
				ImportState:      true,
				ImportStateKind:  resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: businessIs,
			},
			{
				Config: withoutBusiness + `
import {
  to       = whatsapp_assigned_user.test
  identity = { waba_id = "acme", user_id = "` + user + `" }
}
`,
				ResourceName:           assignedUserAddr,
				ImportState:            true,
				ImportStateKind:        resource.ImportBlockWithResourceIdentity,
				ImportStateConfigExact: true,
				ExpectError:            wrapTolerant(`(?s)Invalid import identity.*identity waba_id must be a numeric Graph ID, e.g. "102290129340398"; got "acme"`),
			},
		},
	})
	owners := 0
	for _, r := range fx.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/"+ids.WABA) && strings.Contains(r.Query, "owner_business_info") {
			owners++
		}
	}
	if owners != 1 {
		t.Errorf("owner lookups = %d, want 1 (the import without business_id)", owners)
	}
}
