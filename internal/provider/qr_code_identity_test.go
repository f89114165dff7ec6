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

// TestQRCodeResource_identity checks the identity in state (the number and
// the code) and the import by identity.
func TestQRCodeResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	config := qrCodeConfig(ids, "Hello", "PNG")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(qrCodeAddr, map[string]knownvalue.Check{
						"phone_number_id": knownvalue.StringExact(ids.PhoneNumber),
						"code":            knownvalue.StringRegexp(qrCodePattern),
					}),
					statecheck.ExpectIdentityValueMatchesState(qrCodeAddr, tfjsonpath.New("phone_number_id")),
					statecheck.ExpectIdentityValueMatchesState(qrCodeAddr, tfjsonpath.New("code")),
				},
			},
			{
				ResourceName:    qrCodeAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(qrCodeAddr, tfjsonpath.New("prefilled_message"), knownvalue.StringExact("Hello")),
					plancheck.ExpectKnownValue(qrCodeAddr, tfjsonpath.New("image_format"), knownvalue.StringExact("PNG")),
				}},
			},
			{
				Config: config + `
import {
  to       = whatsapp_qr_code.test
  identity = { phone_number_id = "support", code = "ANED2T5QRU7HG1" }
}
`,
				ResourceName:           qrCodeAddr,
				ImportState:            true,
				ImportStateKind:        resource.ImportBlockWithResourceIdentity,
				ImportStateConfigExact: true,
				ExpectError: wrapTolerant(`(?s)Invalid import identity.*identity needs phone_number_id, a numeric Graph ID such as "106540352242922", and code; ` +
					`got "support" and "ANED2T5QRU7HG1"`),
			},
		},
	})
}
