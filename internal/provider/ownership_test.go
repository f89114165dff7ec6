package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestAssignedUserResource_existing: the user already holds MANAGE on the
// WABA. Create refuses before any write and names the import ID; once
// imported, the configured tasks are an update in place.
func TestAssignedUserResource_existing(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.WABAs[0].Assignments = append(seed.WABAs[0].Assignments, simulator.Assignment{UserID: ids.Users[3], Tasks: []string{"MANAGE"}})
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	importID := ids.WABA + "/" + ids.Users[3]
	config := assignedUserConfig(ids, ids.WABA, ids.Users[3], "DEVELOP")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ExpectError: wrapTolerant(`(?s)whatsapp_assigned_user already exists.*already assigned to WhatsApp Business Account ` + ids.WABA +
					`, with tasks \[MANAGE\].*import \{.*id = "` + importID + `".*terraform import whatsapp_assigned_user.<name> ` + importID),
			},
			{
				Config:             config,
				ResourceName:       assignedUserAddr,
				ImportState:        true,
				ImportStateId:      importID,
				ImportStatePersist: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignedUserAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("tasks"), tasksAre("DEVELOP")),
				},
			},
		},
	})
	// One write: the update after the import. The refused create wrote
	// nothing.
	if got := fx.Count("POST", "/assigned_users"); got != 1 {
		t.Errorf("POST assigned_users = %d, want 1 (the update after import)", got)
	}
}

// TestAssignedUserResource_wrongBusiness: business_id names a business that
// does not own the WABA. The create's first read fails, so nothing is
// written and nothing reaches state.
func TestAssignedUserResource_wrongBusiness(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	const otherBusiness = "506914307650000"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
resource "whatsapp_assigned_user" "test" {
  waba_id     = %q
  user_id     = %q
  business_id = %q
  tasks       = ["DEVELOP"]
}
`, ids.WABA, ids.Users[4], otherBusiness),
			ExpectError: wrapTolerant(`(?s)Graph API error 100.*fbtrace_id: \S+.*If ` + otherBusiness + ` is not the ID of the business.*set business_id.*Nothing was changed`),
		}},
	})
	if got := fx.Count("POST", "/assigned_users"); got != 0 {
		t.Errorf("POST assigned_users = %d, want 0", got)
	}
}

// TestAssignedUserResource_wrongBusinessInState: an assignment imported with
// a business that does not own the WABA. The refresh fails and says how to
// store the right business without reading the edge.
func TestAssignedUserResource_wrongBusinessInState(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	const otherBusiness = "506914307650000"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config:        assignedUserConfig(ids, ids.WABA, ids.SystemUser, "MANAGE"),
			ResourceName:  assignedUserAddr,
			ImportState:   true,
			ImportStateId: ids.WABA + "/" + otherBusiness + "/" + ids.SystemUser,
			ExpectError:   wrapTolerant(`(?s)Graph API error 100.*The wrong ID is already in the Terraform state.*terraform apply -refresh=false`),
		}},
	})
}

// TestSubscribedAppResource_existing: the token's app is already subscribed
// to the WABA. Create refuses without a write and names the import ID.
func TestSubscribedAppResource_existing(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.WABAs[0].Subscriptions = append(seed.WABAs[0].Subscriptions, simulator.Subscription{AppID: ids.App, OverrideCallbackURI: "https://hooks.example.com/live"})
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: subscribedAppConfig(ids, "", 0),
			ExpectError: wrapTolerant(`(?s)whatsapp_subscribed_app already exists.*App ` + ids.App + ` is already subscribed.*` +
				`https://hooks.example.com/live.*terraform import whatsapp_subscribed_app.<name> ` + ids.WABA),
		}},
	})
	if got := fx.Count("POST", "/subscribed_apps"); got != 0 {
		t.Errorf("POST subscribed_apps = %d, want 0", got)
	}
}

// TestSubscribedAppResource_flatItems: Graph lists the subscribed app in the
// flat form real v25.0 answers give ({"id","name"}, no
// whatsapp_business_api_data). Create, refresh and import all find it.
func TestSubscribedAppResource_flatItems(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.SubscribedAppsShape = simulator.SubscribedAppsFlat
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: subscribedAppConfig(ids, "", 0)},
			{
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(subscribedAppAddr, "app_id", ids.App),
					resource.TestCheckResourceAttrSet(subscribedAppAddr, "app_name"),
				),
			},
			{
				Config: subscribedAppConfig(ids, "", 0),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				ResourceName:      subscribedAppAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The flat form has no link: the imported state has none.
				ImportStateVerifyIgnore: []string{"app_link"},
			},
		},
	})
}

// TestResources_lostAccess: after an apply, the token's system user loses
// sight of the WABA and Graph answers 100/33, as for a deleted one. The
// refresh fails with the access message and removes nothing; with access
// back, the plan is empty, so both resources were still in state.
func TestResources_lostAccess(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	skipUnlessSightCanChange(t, fx)
	ids := acctest.FixtureIDs(t)
	config := assignedUserConfig(ids, ids.WABA, ids.Users[2], "VIEW_COST") + fmt.Sprintf(`
resource "whatsapp_subscribed_app" "test" {
  waba_id = %q
}
`, ids.WABA)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: lostAccessSteps(t, fx, ids.WABA, config, `(?s)Graph API error 100.*Subcode:\s+33.*fbtrace_id: \S+.*can no longer see it.*stays in the Terraform state.*`+
			`Assigned assets.*removed \{.*terraform state rm`),
	})
}
