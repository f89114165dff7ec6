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
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestMessageTemplateResource_identity checks the identity in state (the
// WABA, the name and the language) and the import by identity.
func TestMessageTemplateResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	config := templateConfig(ids, orderUpdate)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(templateAddr, map[string]knownvalue.Check{
						"waba_id":  knownvalue.StringExact(ids.WABA),
						"name":     knownvalue.StringExact("shipping_update"),
						"language": knownvalue.StringExact("en_US"),
					}),
				},
			},
			{
				ResourceName:    templateAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(templateAddr, tfjsonpath.New("status"), knownvalue.StringExact("PENDING")),
				}},
			},
		},
	})
}

// TestMessageTemplateResource_importByName adopts a template made outside
// Terraform with an import block by <waba_id>/<name>/<language>: the
// components read from Graph match the configuration, so the plan imports
// it and changes nothing. Its create is refused first, with that import ID.
func TestMessageTemplateResource_importByName(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.WABAs[0].MessageTemplates = append(seed.WABAs[0].MessageTemplates, map[string]any{
		"id": "1192339204654490", "name": "delivery_window", "language": "en_US", "category": "UTILITY", "status": "APPROVED",
		"components": []any{
			map[string]any{"type": "BODY", "text": "Your delivery arrives between {{1}} and {{2}}.", "example": map[string]any{"body_text": []any{[]any{"9:00", "11:00"}}}},
			map[string]any{"type": "BUTTONS", "buttons": []any{map[string]any{"type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+15550100"}}},
		},
	})
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	body := `  name     = "delivery_window"
  language = "en_US"
  category = "UTILITY"
  body = {
    text     = "Your delivery arrives between {{1}} and {{2}}."
    examples = { "1" = "9:00", "2" = "11:00" }
  }
  buttons = [{ type = "PHONE_NUMBER", text = "Call us", phone_number = "+15550100" }]`
	importBlock := fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", templateAddr, ids.WABA+"/delivery_window/en_US")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(ids, body),
				ExpectError: wrapTolerant(`(?s)whatsapp_message_template already exists.*Template "delivery_window" in en_US on WhatsApp Business Account ` +
					ids.WABA + ` \(ID 1192339204654490, APPROVED\) already exists.*id = "` + ids.WABA + `/delivery_window/en_US"`),
			},
			{
				Config: templateConfig(ids, body) + importBlock,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(templateAddr, tfjsonpath.New("id"), knownvalue.StringExact("1192339204654490")),
				}},
			},
			{
				// The number written without its "+": the same number to
				// Graph, so the update changes the state and sends nothing.
				Config: templateConfig(ids, strings.Replace(body, `"+15550100"`, `"15550100"`, 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
	if got := fx.Count("POST", ""); got != 0 {
		t.Errorf("%d POSTs: adopting a template, and writing its phone number another way, must write nothing", got)
	}
}
