package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// budgetPhones are the numbers of the request-budget tests: the WABA's two
// fixture numbers and two more.
var budgetPhones = []string{"106540352242922", "106540352242923", "106540352242925", "106540352242926"}

// perNumberBudget is the request-budget test of a per-number resource:
// one per budgetPhones number of one WABA must cost one read of the WABA's
// numbers per Terraform command, whether the command checks them before
// creating them or refreshes them, and never a read of one number's own.
type perNumberBudget struct {
	what string // the objects, in messages: "overrides"
	seed simulator.Seed
	// block declares the i-th object, on phone.
	block func(i int, phone string) string
	// ownRead reports whether a GET path reads one number's object on its
	// own, which the shared read makes needless.
	ownRead       func(path string) bool
	versionChecks []tfversion.TerraformVersionCheck
	// posts is how many POSTs the test makes in all, destroy included.
	posts int
}

func (b perNumberBudget) run(t *testing.T) {
	t.Helper()
	ids := acctest.FixtureIDs(t)
	for _, id := range budgetPhones[2:] {
		b.seed.WABAs[0].PhoneNumbers = append(b.seed.WABAs[0].PhoneNumbers, map[string]any{"id": id, "display_phone_number": "+1 555-010-" + id[len(id)-4:]})
	}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(b.seed))
	config := providerConfig(ids)
	for i, phone := range budgetPhones {
		config += b.block(i, phone)
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
				case b.ownRead(r.Path):
					own++
				}
			}
			if edge != 1 || own != 0 {
				return fmt.Errorf("%s of %d %s read the WABA's numbers %d times and numbers' own objects %d times; want 1 and 0",
					what, len(budgetPhones), b.what, edge, own)
			}
			return nil
		}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   b.versionChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			// The apply's checks before the creates share one read.
			{Config: config, Check: want("the apply")},
			{
				PreConfig:    func() { mark = len(fx.Requests()) },
				RefreshState: true,
				Check:        want("a refresh"),
			},
		},
	})
	if got := fx.Count("POST", ""); got != b.posts {
		t.Errorf("%d POSTs, want %d", got, b.posts)
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

func TestPhoneNumberWebhookResource_oneReadPerWABA(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	perNumberBudget{
		what: "overrides", seed: phoneWebhookSeed(ids), ownRead: isNumberNode, versionChecks: writeOnlyTerraform,
		block: func(i int, phone string) string {
			return phoneWebhookBlock(fmt.Sprintf("n%d", i), ids.WABA, phone, fmt.Sprintf("%s/%d", numberCallback, i), "verify-1", 1)
		},
		posts: 2 * len(budgetPhones), // a create and a destroy each
	}.run(t)
}

func TestConversationalAutomationResource_oneReadPerWABA(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	perNumberBudget{
		what: "automations", seed: simulator.DefaultSeed(), ownRead: isNumberNode,
		block: func(i int, phone string) string {
			return automationBlock(fmt.Sprintf("n%d", i), ids.WABA, phone, fmt.Sprintf("  prompts = [\"Question %d\"]", i))
		},
		posts: 2 * len(budgetPhones), // a create and a destroy each
	}.run(t)
}

func TestBusinessProfileResource_oneReadPerWABA(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	perNumberBudget{
		what: "profiles", seed: simulator.DefaultSeed(),
		ownRead: func(path string) bool { return strings.HasSuffix(path, "/whatsapp_business_profile") },
		block: func(i int, phone string) string {
			return profileBlock(fmt.Sprintf("n%d", i), ids.WABA, phone, fmt.Sprintf("  about = \"Branch %d\"", i))
		},
		posts: len(budgetPhones), // the creates; a destroy sends nothing
	}.run(t)
}
