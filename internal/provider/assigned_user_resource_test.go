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
