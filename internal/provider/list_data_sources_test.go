package provider

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// Helpers shared by the tests of the list data sources (whatsapp_subscribed_apps,
// whatsapp_assigned_users, whatsapp_phone_numbers, whatsapp_message_templates).

// testEmptyList reads data source typ on a WABA whose edge is empty, served
// by fx, and expects its list attribute listAttr to hold no items.
func testEmptyList(t *testing.T, fx *acctest.FixtureServer, typ, waba, listAttr string) {
	t.Helper()
	address := "data." + typ + ".test"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(acctest.FixtureIDs(t)) + fmt.Sprintf(`
data %q "test" {
  waba_id = %q
}
`, typ, waba),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New(listAttr), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

// checkListRequests checks every request to an edge: each carries the
// explicit field list, and at least one followed a cursor when paging is
// expected.
func checkListRequests(t *testing.T, fx *acctest.FixtureServer, edge string, fields []string, wantPaging bool) {
	t.Helper()
	n, paged := 0, false
	for _, r := range fx.Requests() {
		if !strings.HasSuffix(r.Path, "/"+edge) {
			continue
		}
		n++
		q, err := url.ParseQuery(r.Query)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := q.Get("fields"), strings.Join(fields, ","); got != want {
			t.Errorf("GET %s fields = %q, want %q", r.Path, got, want)
		}
		paged = paged || q.Has("after")
	}
	if n == 0 {
		t.Errorf("no request to %s", edge)
	}
	if paged != wantPaging {
		t.Errorf("paging followed = %v, want %v", paged, wantPaging)
	}
}
