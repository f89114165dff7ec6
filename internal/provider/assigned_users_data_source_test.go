package provider

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

func TestAssignedUsersDataSource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.MaxPageSize = 2
	seed.WABAs[0].Assignments = append(seed.WABAs[0].Assignments,
		simulator.Assignment{UserID: ids.Users[0], Tasks: []string{"MANAGE_TEMPLATES", "VIEW_COST"}},
		simulator.Assignment{UserID: ids.Users[1], Tasks: []string{"DEVELOP"}},
	)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	user := func(id, name string, tasks ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(tasks))
		for i, task := range tasks {
			checks[i] = knownvalue.StringExact(task)
		}
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "name": knownvalue.StringExact(name), "tasks": knownvalue.SetExact(checks),
		})
	}
	wantUsers := knownvalue.ListExact([]knownvalue.Check{
		user(ids.SystemUser, "ci-deployer", "MANAGE"),
		user(ids.Users[0], "Ana Lima", "MANAGE_TEMPLATES", "VIEW_COST"),
		user(ids.Users[1], "Ben Okafor", "DEVELOP"),
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_assigned_users" "default_business" {
  waba_id = %[1]q
}

data "whatsapp_assigned_users" "explicit_business" {
  waba_id     = %[1]q
  business_id = %[2]q
}
`, ids.WABA, ids.Business),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.whatsapp_assigned_users.default_business", tfjsonpath.New("users"), wantUsers),
				statecheck.ExpectKnownValue("data.whatsapp_assigned_users.default_business", tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
				statecheck.ExpectKnownValue("data.whatsapp_assigned_users.explicit_business", tfjsonpath.New("users"), wantUsers),
			},
		}},
	})
	checkListRequests(t, fx, "assigned_users", []string{"id", "name", "tasks"}, true)
	for _, r := range fx.Requests() {
		if q, _ := url.ParseQuery(r.Query); q.Get("business") != ids.Business {
			t.Errorf("%s %s?%s does not name the business", r.Method, r.Path, r.Query)
		}
	}
}

func TestAssignedUsersDataSource_empty(t *testing.T) {
	testEmptyList(t, acctest.NewFixtureServer(t), "whatsapp_assigned_users", acctest.FixtureIDs(t).WABA2, "users")
}

func TestAssignedUsersDataSource_validation(t *testing.T) {
	t.Setenv(EnvBusinessID, "")
	cases := []struct{ name, config, want string }{
		{"no business id anywhere", `
provider "whatsapp" {}

data "whatsapp_assigned_users" "x" {
  waba_id = "102290129340398"
}
`, `(?s)Missing business_id.*business_id on this data source`},
		{"business id with letters", `
provider "whatsapp" {}

data "whatsapp_assigned_users" "x" {
  waba_id     = "102290129340398"
  business_id = "acme"
}
`, `business_id must be a numeric Graph ID`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}
