package provider

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestAssignedUsersDataSource_reduceDataRetry: Graph refuses pages of more than
// 10 users with code 1, subcode 99 ("Please reduce the amount of data"), and
// the same request fails again however often it is repeated. The client must
// halve the page size until Graph answers, keep paging with it, and start the
// next read of the edge at that size.
func TestAssignedUsersDataSource_reduceDataRetry(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.HeavyPageSize = 10
	for _, u := range seed.Users {
		if strings.HasPrefix(u.Name, "bench-user-") && len(seed.WABAs[0].Assignments) < 31 {
			seed.WABAs[0].Assignments = append(seed.WABAs[0].Assignments, simulator.Assignment{UserID: u.ID, Tasks: []string{"VIEW_COST"}})
		}
	}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	config := providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_assigned_users" "a" {
  waba_id = %[1]q
}

resource "whatsapp_assigned_user" "test" {
  waba_id = %[1]q
  user_id = %[2]q
  tasks   = ["DEVELOP"]
}
`, ids.WABA, ids.Users[0])
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.whatsapp_assigned_users.a", tfjsonpath.New("users"), knownvalue.ListSizeExact(31)),
			},
		}},
	})

	// Every refused page was asked again smaller, never at the same size,
	// and once a size worked no larger page was asked for in that process.
	var limits []int
	for _, r := range fx.Requests() {
		if r.Method != "GET" || !strings.HasSuffix(r.Path, "/assigned_users") {
			continue
		}
		q, _ := url.ParseQuery(r.Query)
		n, err := strconv.Atoi(q.Get("limit"))
		if err != nil {
			t.Fatalf("GET assigned_users without a numeric limit: %q", r.Query)
		}
		limits = append(limits, n)
	}
	if len(limits) == 0 || limits[0] <= 10 {
		t.Fatalf("limits asked: %v; the first read should try the default page size", limits)
	}
	small := 0
	for _, n := range limits {
		if n <= 10 {
			small++
		}
	}
	// 31 items at a working size of at most 10 need at least 4 pages.
	if small < 4 {
		t.Errorf("limits asked: %v; want at least 4 pages of at most 10 items", limits)
	}
	t.Logf("limits asked, in order: %v", limits)
}
