package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestBusinessProfileResource_oneReadPerWABA: the profiles of four numbers
// of one WABA cost one read of the WABA's numbers per Terraform command,
// checked before create or refreshed, and no read of a number's own profile.
func TestBusinessProfileResource_oneReadPerWABA(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	for _, id := range budgetPhones[2:] {
		seed.WABAs[0].PhoneNumbers = append(seed.WABAs[0].PhoneNumbers, map[string]any{"id": id, "display_phone_number": "+1 555-010-" + id[len(id)-4:]})
	}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	config := providerConfig(ids)
	for i, phone := range budgetPhones {
		config += profileBlock(fmt.Sprintf("n%d", i), ids.WABA, phone, fmt.Sprintf("  about = \"Branch %d\"", i))
	}
	mark := 0
	want := func(what string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			edge, own := 0, 0
			for _, r := range fx.Requests()[mark:] {
				switch {
				case r.Method != "GET":
				case strings.HasSuffix(r.Path, "/"+ids.WABA+"/phone_numbers"):
					edge++
				case strings.HasSuffix(r.Path, "/whatsapp_business_profile"):
					own++
				}
			}
			if edge != 1 || own != 0 {
				return fmt.Errorf("%s of %d profiles read the WABA's numbers %d times and numbers' own profiles %d times; want 1 and 0", what, len(budgetPhones), edge, own)
			}
			return nil
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: config, Check: want("the apply")},
			{
				PreConfig:    func() { mark = len(fx.Requests()) },
				RefreshState: true,
				Check:        want("a refresh"),
			},
		},
	})
	// Destroy sends nothing: one POST per profile, the create's.
	if got := fx.Count("POST", ""); got != len(budgetPhones) {
		t.Errorf("%d POSTs, want one create per profile (%d) and none on destroy", got, len(budgetPhones))
	}
}
