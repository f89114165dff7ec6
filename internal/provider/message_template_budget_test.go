package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// TestMessageTemplateResource_sharedRead: five templates of one WABA, read
// two to a page, cost one paged read of the WABA's templates (3 requests)
// per Terraform command, checked before create or refreshed, and no read of
// a template's node.
func TestMessageTemplateResource_sharedRead(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	const count, perPage = 5, 2
	pages := (count + 3 + perPage - 1) / perPage // the seeded three, and the five
	config := templateProvider(ids)
	for i := range count {
		config += fmt.Sprintf(`
resource "whatsapp_message_template" "t%d" {
  waba_id  = %q
  name     = "bulletin_%d"
  language = "en_US"
  category = "UTILITY"
  body     = { text = "Bulletin %d for {{1}}", examples = { "1" = "Jim" } }
}
`, i, ids.WABA, i, i)
	}
	mark := 0
	want := func(what string, reads int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			edge, nodes := 0, 0
			for _, r := range fx.Requests()[mark:] {
				switch {
				case r.Method != "GET":
				case strings.HasSuffix(r.Path, "/"+ids.WABA+"/message_templates"):
					edge++
				default:
					nodes++
				}
			}
			if edge != reads || nodes != 0 {
				return fmt.Errorf("%s of %d templates read the WABA's templates %d times and other objects %d times; want %d and 0", what, count, edge, nodes, reads)
			}
			return nil
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx, func(c *graph.Config) { c.PageLimit = perPage }),
		Steps: []resource.TestStep{
			// Before the creates the WABA holds the three seeded templates.
			{Config: config, Check: want("the apply", (3+perPage-1)/perPage)},
			{
				PreConfig:    func() { mark = len(fx.Requests()) },
				RefreshState: true,
				Check:        want("a refresh", pages),
			},
		},
	})
}
