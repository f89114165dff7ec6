package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestAssignedUserList lists the users of the seeded WABA (its system user
// and a business user seeded here) and of the empty sandbox WABA, with the
// business from the provider, then from the WABA's owner.
func TestAssignedUserList(t *testing.T) {
	queryChecks := queryCLI.require(t)
	t.Setenv(EnvBusinessID, "")
	ids := acctest.FixtureIDs(t)
	ana := ids.Users[0]
	seed := simulator.DefaultSeed()
	seed.WABAs[0].Assignments = append(seed.WABAs[0].Assignments, simulator.Assignment{UserID: ana, Tasks: []string{"DEVELOP", "MANAGE_TEMPLATES"}})
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	const support, sandbox = "whatsapp_assigned_user.support", "whatsapp_assigned_user.sandbox"
	identity := func(user string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"waba_id": knownvalue.StringExact(ids.WABA), "user_id": knownvalue.StringExact(user)}
	}
	byUser := func(user string) queryfilter.QueryFilter { return queryfilter.ByResourceIdentity(identity(user)) }
	attr := func(name string, want knownvalue.Check) querycheck.KnownValueCheck {
		return querycheck.KnownValueCheck{Path: tfjsonpath.New(name), KnownValue: want}
	}
	listBlocks := fmt.Sprintf(`
list "whatsapp_assigned_user" "support" {
  provider         = whatsapp
  include_resource = true

  config {
    waba_id = %q
  }
}

list "whatsapp_assigned_user" "sandbox" {
  provider = whatsapp

  config {
    waba_id = %q
  }
}
`, ids.WABA, ids.WABA2)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   queryChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Query:  true,
				Config: providerConfig(ids) + listBlocks,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(support, 2),
					querycheck.ExpectLength(sandbox, 0),
					querycheck.ExpectIdentity(support, identity(ids.SystemUser)),
					querycheck.ExpectIdentity(support, identity(ana)),
					querycheck.ExpectResourceDisplayName(support, byUser(ids.SystemUser), knownvalue.StringExact("ci-deployer ("+ids.SystemUser+"): MANAGE")),
					querycheck.ExpectResourceDisplayName(support, byUser(ana), knownvalue.StringExact("Ana Lima ("+ana+"): DEVELOP, MANAGE_TEMPLATES")),
					querycheck.ExpectResourceKnownValues(support, byUser(ana), []querycheck.KnownValueCheck{
						attr("id", knownvalue.StringExact(ids.WABA+"/"+ana)),
						attr("waba_id", knownvalue.StringExact(ids.WABA)),
						attr("user_id", knownvalue.StringExact(ana)),
						attr("business_id", knownvalue.StringExact(ids.Business)),
						attr("tasks", tasksAre("DEVELOP", "MANAGE_TEMPLATES")),
						attr("name", knownvalue.StringExact("Ana Lima")),
					}),
				},
			},
			{
				// business_id nowhere: Graph names the WABA's owner.
				Query:  true,
				Config: "provider \"whatsapp\" {}\n" + listBlocks,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(support, 2),
					querycheck.ExpectResourceKnownValues(support, byUser(ids.SystemUser), []querycheck.KnownValueCheck{
						attr("business_id", knownvalue.StringExact(ids.Business)),
						attr("tasks", tasksAre("MANAGE")),
					}),
				},
			},
		},
	})
	for _, r := range fx.Requests() {
		if r.Method != "GET" {
			t.Errorf("a listing sent %s %s", r.Method, r.Path)
		}
	}
	if got := fx.Count("GET", "/assigned_users"); got != 4 {
		t.Errorf("GET assigned_users = %d, want 4: one per WABA per query", got)
	}
	owners := 0
	for _, r := range fx.Requests() {
		if strings.HasSuffix(r.Path, "/"+ids.WABA) || strings.HasSuffix(r.Path, "/"+ids.WABA2) {
			owners++
		}
	}
	if owners != 2 {
		t.Errorf("owner lookups = %d, want 2: one per WABA, in the query without business_id", owners)
	}
}
