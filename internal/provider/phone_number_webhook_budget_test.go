package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// budgetPhones are the numbers of the request-budget test: the WABA's two
// fixture numbers and two more.
var budgetPhones = []string{"106540352242922", "106540352242923", "106540352242925", "106540352242926"}

// TestPhoneNumberWebhookResource_oneReadPerWABA: the overrides of four
// numbers of one WABA cost one read of the WABA's numbers per Terraform
// command, whether the command checks them before creating them or
// refreshes them, and never a read per number.
func TestPhoneNumberWebhookResource_oneReadPerWABA(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := phoneWebhookSeed(ids)
	for _, id := range budgetPhones[2:] {
		seed.WABAs[0].PhoneNumbers = append(seed.WABAs[0].PhoneNumbers, map[string]any{"id": id, "display_phone_number": "+1 555-010-" + id[len(id)-4:]})
	}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	config := providerConfig(ids)
	for i, phone := range budgetPhones {
		config += phoneWebhookBlock(fmt.Sprintf("n%d", i), ids.WABA, phone, fmt.Sprintf("%s/%d", numberCallback, i), "verify-1", 1)
	}
	// reads counts, from the request mark on, the reads of the WABA's
	// numbers and of any number's own node.
	mark := 0
	reads := func() (edge, nodes int) {
		for _, r := range fx.Requests()[mark:] {
			switch {
			case r.Method != "GET":
			case strings.HasSuffix(r.Path, "/"+ids.WABA+"/phone_numbers"):
				edge++
			case isNumberNode(r.Path):
				nodes++
			}
		}
		return edge, nodes
	}
	want := func(what string, wantEdge int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if edge, nodes := reads(); edge != wantEdge || nodes != 0 {
				return fmt.Errorf("%s of %d overrides read the WABA's numbers %d times and numbers' nodes %d times; want %d and 0",
					what, len(budgetPhones), edge, nodes, wantEdge)
			}
			return nil
		}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				// The apply's checks before the creates share one read.
				Config: config,
				Check:  want("the apply", 1),
			},
			{
				PreConfig:    func() { mark = len(fx.Requests()) },
				RefreshState: true,
				Check:        want("a refresh", 1),
			},
		},
	})
	if got := fx.Count("POST", ""); got != 2*len(budgetPhones) {
		t.Errorf("%d POSTs, want one create and one destroy per override (%d)", got, 2*len(budgetPhones))
	}
}

// isNumberNode reports whether a request path is a phone number's own node
// ("/v26.0/<id>") among the budget test's numbers.
func isNumberNode(path string) bool {
	for _, phone := range budgetPhones {
		if strings.HasSuffix(path, "/"+phone) {
			return true
		}
	}
	return false
}
