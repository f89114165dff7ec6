package provider

import (
	"fmt"
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
)

const automationAddr = "whatsapp_conversational_automation.test"

// automationBlock declares the automation of one number, named name, with
// body as its other arguments.
func automationBlock(name, waba, phone, body string) string {
	return fmt.Sprintf(`
resource "whatsapp_conversational_automation" %q {
  waba_id         = %q
  phone_number_id = %q
%s
}
`, name, waba, phone, body)
}

func automationConfig(ids acctest.IDs, body string) string {
	return providerConfig(ids) + automationBlock("test", ids.WABA, ids.PhoneNumber, body)
}

const (
	automationFirst = `  prompts = ["Book a table", "See opening hours"]
  commands = [{ command_name = "menu", command_description = "See the menu" }]`
	automationSecond = `  enable_welcome_message = true
  prompts = ["Book a table"]
  commands = [
    { command_name = "menu", command_description = "See today's menu" },
    { command_name = "book_2", command_description = "Book for two" },
  ]`
)

func TestConversationalAutomationResource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	check := func(p tfjsonpath.Path, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(automationAddr, p, want)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: automationConfig(ids, automationFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(automationAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check(tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+ids.PhoneNumber)),
					check(tfjsonpath.New("enable_welcome_message"), knownvalue.Bool(false)),
					check(tfjsonpath.New("prompts"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("Book a table"), knownvalue.StringExact("See opening hours")})),
					check(tfjsonpath.New("commands").AtSliceIndex(0).AtMapKey("command_name"), knownvalue.StringExact("menu")),
				},
			},
			{
				// Nothing changed: the refresh agrees with the state.
				Config: automationConfig(ids, automationFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				ResourceName:      automationAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Changed in place, a list shortened and one grown.
				Config: automationConfig(ids, automationSecond),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(automationAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check(tfjsonpath.New("enable_welcome_message"), knownvalue.Bool(true)),
					check(tfjsonpath.New("prompts"), knownvalue.ListSizeExact(1)),
					check(tfjsonpath.New("commands"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				// Every list removed from the configuration is cleared.
				Config: automationConfig(ids, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(automationAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check(tfjsonpath.New("enable_welcome_message"), knownvalue.Bool(false)),
					check(tfjsonpath.New("prompts"), knownvalue.Null()),
					check(tfjsonpath.New("commands"), knownvalue.Null()),
				},
			},
		},
	})
	// Every write sends all three fields (Graph keeps what is left out); the
	// last one is the destroy's.
	var bodies []string
	for _, r := range fx.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/"+ids.PhoneNumber+"/conversational_automation") {
			bodies = append(bodies, r.Body)
		}
	}
	if len(bodies) != 4 {
		t.Fatalf("%d automation POSTs, want 4 (create, two updates, destroy): %q", len(bodies), bodies)
	}
	if want := `{"commands":[],"enable_welcome_message":false,"prompts":[]}`; bodies[3] != want {
		t.Errorf("destroy sent %s, want %s", bodies[3], want)
	}
}

// TestConversationalAutomationResource_changedOutside: an automation
// changed or emptied outside Terraform shows as an update, which puts it
// back.
func TestConversationalAutomationResource_changedOutside(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	config := automationConfig(ids, automationFirst)
	drift := func(a graph.ConversationalAutomation) func(*terraform.State) error {
		return func(*terraform.State) error {
			return outOfBand(t, fx).SetConversationalAutomation(testContext(t), ids.WABA, ids.PhoneNumber, a)
		}
	}
	update := resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(automationAddr, plancheck.ResourceActionUpdate),
	}}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config:             config,
				Check:              drift(graph.ConversationalAutomation{EnableWelcomeMessage: true, Prompts: []string{"Something else"}}),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   update,
			},
			{
				Config:             config,
				Check:              drift(graph.ConversationalAutomation{}),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   update,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
}

// TestConversationalAutomationResource_existing: a number whose automation
// is already configured is refused before any write, with the import ID.
func TestConversationalAutomationResource_existing(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := phoneWebhookSeed(ids)
	seed.WABAs[0].PhoneNumbers[0]["conversational_automation"] = map[string]any{"enable_welcome_message": false, "prompts": []any{"Hello"}}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: automationConfig(ids, automationFirst),
			ExpectError: wrapTolerant(`(?s)whatsapp_conversational_automation already exists.*The conversational automation of phone number ` + ids.PhoneNumber +
				` on WhatsApp Business Account ` + ids.WABA + ` \(welcome message false, 1 ice breakers, 0 commands\) already exists.*` +
				`id = "` + ids.WABA + `/` + ids.PhoneNumber + `"`),
		}},
	})
	if got := fx.Count("POST", ""); got != 0 {
		t.Errorf("%d POSTs: an existing automation must not be taken over", got)
	}
}

// TestConversationalAutomationResource_graphRefusal: what the plan cannot
// know (here a command description Graph finds too long) fails with Graph's
// own message.
func TestConversationalAutomationResource_graphRefusal(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	long := strings.Repeat("d", 257)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: automationConfig(ids, fmt.Sprintf(`  commands = [{ command_name = "menu", command_description = %q }]`, long)),
			ExpectError: wrapTolerant(`(?s)Failed to set the conversational automation of phone number ` + ids.PhoneNumber +
				`.*Graph API error 100.*command_description\] must be at most 256 characters`),
		}},
	})
}

// TestConversationalAutomationResource_lostAccess: the token's system user
// loses sight of the WABA after the apply, and Graph answers 100/33 on its
// phone numbers. The refresh fails with the access advice and keeps the
// resource; with access back the plan is empty.
func TestConversationalAutomationResource_lostAccess(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	skipUnlessSightCanChange(t, fx)
	ids := acctest.FixtureIDs(t)
	config := automationConfig(ids, automationFirst)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps:                    lostAccessSteps(t, fx, ids.WABA, config, `(?s)Graph API error 100.*Subcode:\s+33.*can no longer see it.*stays in the Terraform state`),
	})
}
