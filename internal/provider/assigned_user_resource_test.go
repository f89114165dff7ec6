package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const assignedUserAddr = "whatsapp_assigned_user.test"

func assignedUserConfig(ids acctest.IDs, waba, user string, tasks ...string) string {
	return providerConfig(ids) + fmt.Sprintf(`
resource "whatsapp_assigned_user" "test" {
  waba_id = %q
  user_id = %q
  tasks   = ["%s"]
}
`, waba, user, strings.Join(tasks, `", "`))
}

func tasksAre(tasks ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(tasks))
	for i, t := range tasks {
		checks[i] = knownvalue.StringExact(t)
	}
	return knownvalue.SetExact(checks)
}

func TestAssignedUserResource(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	user := ids.Users[0]
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: assignedUserConfig(ids, ids.WABA, user, "MANAGE_TEMPLATES", "DEVELOP"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignedUserAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+user)),
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("tasks"), tasksAre("DEVELOP", "MANAGE_TEMPLATES")),
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
					sameID.AddStateValue(assignedUserAddr, tfjsonpath.New("id")),
				},
			},
			{
				// The first refresh fills in the name the create did not
				// spend a request on.
				RefreshState: true,
				Check:        resource.TestCheckResourceAttrSet(assignedUserAddr, "name"),
			},
			{
				ResourceName:      assignedUserAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:      assignedUserAddr,
				ImportState:       true,
				ImportStateId:     ids.WABA + "/" + ids.Business + "/" + user,
				ImportStateVerify: true,
			},
			{
				ResourceName:    assignedUserAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
			{
				// Same tasks in another order: nothing to do.
				Config: assignedUserConfig(ids, ids.WABA, user, "DEVELOP", "MANAGE_TEMPLATES"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				Config: assignedUserConfig(ids, ids.WABA, user, "VIEW_COST", "DEVELOP"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignedUserAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("tasks"), tasksAre("DEVELOP", "VIEW_COST")),
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("name"), knownvalue.NotNull()),
					sameID.AddStateValue(assignedUserAddr, tfjsonpath.New("id")),
				},
			},
		},
	})
	if got := fx.Count("POST", "/assigned_users"); got != 2 {
		t.Errorf("POST assigned_users = %d, want 2 (create, task change)", got)
	}
	if got := fx.Count("DELETE", "/assigned_users"); got != 1 {
		t.Errorf("DELETE assigned_users = %d, want 1", got)
	}
	for _, r := range fx.Requests() {
		if r.Method == "DELETE" && !strings.Contains(r.Query, "user="+user) {
			t.Errorf("DELETE without user in the query: %+v", r)
		}
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/assigned_users") && !strings.Contains(r.Query, "business="+ids.Business) {
			t.Errorf("GET assigned_users without business=: %+v", r)
		}
	}
}

func TestAssignedUserResource_disappears(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: assignedUserConfig(ids, ids.WABA, ids.Users[1], "MANAGE"),
			Check: func(*terraform.State) error {
				return outOfBand(t, fx).RemoveAssignedUser(testContext(t), ids.WABA, ids.Users[1])
			},
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(assignedUserAddr, plancheck.ResourceActionCreate),
			}},
		}},
	})
}

// TestAssignedUserResource_thirdPage finds the user on the third page of
// the edge: the simulator serves two users a page here.
func TestAssignedUserResource_thirdPage(t *testing.T) {
	seed := simulator.DefaultSeed()
	seed.MaxPageSize = 2
	for _, u := range []string{"100000000000103", "100000000000104", "100000000000105", "200000000000001"} {
		seed.WABAs[0].Assignments = append(seed.WABAs[0].Assignments, simulator.Assignment{UserID: u, Tasks: []string{"VIEW_TEMPLATES"}})
	}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: assignedUserConfig(ids, ids.WABA, ids.Users[0], "MESSAGING")},
			{
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(assignedUserAddr, "tasks.#", "1"),
					resource.TestCheckTypeSetElemAttr(assignedUserAddr, "tasks.*", "MESSAGING"),
					resource.TestCheckResourceAttrSet(assignedUserAddr, "name"),
				),
			},
		},
	})
	pages := map[string]bool{}
	for _, r := range fx.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/assigned_users") {
			pages[r.Query] = true
		}
	}
	if len(pages) < 3 {
		t.Errorf("read %d distinct pages of assigned_users, want at least 3", len(pages))
	}
}

func TestAssignedUserResource_expiredToken(t *testing.T) {
	seed := simulator.DefaultSeed()
	seed.Tokens = reorderTokens(seed.Tokens, "sim-expired-token")
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config:      assignedUserConfig(ids, ids.WABA, ids.Users[0], "MANAGE"),
			ExpectError: regexp.MustCompile(`(?s)Graph API error 190.*Subcode:\s+463.*fbtrace_id: \S+.*Generate a new token`),
		}},
	})
}

func TestAssignedUserResource_unknownAccount(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config:      assignedUserConfig(ids, "999999999999999", ids.Users[0], "MANAGE"),
			ExpectError: wrapTolerant(`(?s)Graph API error 100.*Subcode:\s+33.*fbtrace_id: \S+.*WhatsApp Business Account 999999999999999 has been deleted and when the access token's system user can no longer see it.*Nothing was changed.*Assigned assets`),
		}},
	})
}

// TestAssignedUserResource_tasksMerged covers an API that unions task sets on
// update: the provider must say so instead of reporting success.
func TestAssignedUserResource_tasksMerged(t *testing.T) {
	seed := simulator.DefaultSeed()
	seed.TasksMerge = true
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: assignedUserConfig(ids, ids.WABA, ids.Users[2], "MANAGE")},
			{
				Config:      assignedUserConfig(ids, ids.WABA, ids.Users[2], "DEVELOP"),
				ExpectError: regexp.MustCompile(`(?s)Tasks not updated as planned.*kept but not wanted:\s+\[MANAGE\]`),
			},
		},
	})
}

// TestAssignedUserResource_importByID imports by the id in state,
// <waba_id>/<user_id>, with no business_id on the provider: Read asks Graph
// which business owns the WABA, once per WABA. A WABA whose owner Graph
// does not give fails the import with what to use instead.
func TestAssignedUserResource_importByID(t *testing.T) {
	t.Setenv(EnvBusinessID, "")
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	user := ids.Users[3]
	withBusiness := fmt.Sprintf(`
provider "whatsapp" {}

resource "whatsapp_assigned_user" "test" {
  waba_id     = %q
  user_id     = %q
  business_id = %q
  tasks       = ["MANAGE_TEMPLATES"]
}
`, ids.WABA, user, ids.Business)
	withoutBusiness := fmt.Sprintf(`
provider "whatsapp" {}

resource "whatsapp_assigned_user" "test" {
  waba_id = %q
  user_id = %q
  tasks   = ["MANAGE_TEMPLATES"]
}
`, ids.WABA, user)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: withBusiness,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+user)),
				},
			},
			// The first refresh fills in the name, which the import reads.
			{RefreshState: true},
			{
				// The id from state; business_id comes back from Graph.
				ResourceName:      assignedUserAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// A configuration with business_id nowhere keeps the one
				// the import found: nothing to change.
				Config:          withoutBusiness,
				ResourceName:    assignedUserAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(assignedUserAddr, tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
				}},
			},
			{
				// What terraform plan -generate-config-out does.
				Config:          "provider \"whatsapp\" {}\n",
				ResourceName:    assignedUserAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("whatsapp_assigned_user.generated", tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
				}},
			},
			{
				Config:        withBusiness,
				ResourceName:  assignedUserAddr,
				ImportState:   true,
				ImportStateId: "999999999999999/" + user,
				ExpectError: wrapTolerant(`(?s)Failed to find the business that owns WhatsApp Business Account 999999999999999: Graph API error 100.*` +
					`Request: GET /999999999999999.*Subcode: 33.*Neither this resource nor the provider has a business_id.*The import then needs business_id: ` +
					`import with <waba_id>/<business_id>/<user_id>, e.g. "999999999999999/<business_id>/` + user + `".*or set business_id on the provider \(or WHATSAPP_BUSINESS_ID\)`),
			},
		},
	})
	owners := 0
	for _, r := range fx.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/"+ids.WABA) {
			owners++
			if !strings.Contains(r.Query, "owner_business_info") {
				t.Errorf("WABA node read without owner_business_info: %+v", r)
			}
		}
	}
	// One lookup per import: each runs in its own Terraform command.
	if owners != 3 {
		t.Errorf("owner lookups of WABA %s = %d, want 3 (one per import)", ids.WABA, owners)
	}
}
