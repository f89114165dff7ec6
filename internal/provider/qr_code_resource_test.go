package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

const qrCodeAddr = "whatsapp_qr_code.test"

// qrCodePattern is a code as Meta's WhatsApp OpenAPI description gives it.
var qrCodePattern = regexp.MustCompile(`^[A-Z2-7]{14}$`)

func qrCodeBlock(name, phone, message, format string) string {
	return fmt.Sprintf(`
resource "whatsapp_qr_code" %q {
  phone_number_id   = %q
  prefilled_message = %q
  image_format      = %q
}
`, name, phone, message, format)
}

func qrCodeConfig(ids acctest.IDs, message, format string) string {
	return providerConfig(ids) + qrCodeBlock("test", ids.PhoneNumber, message, format)
}

// qrCodeOf is the code of the resource at addr in state.
func qrCodeOf(s *terraform.State, addr string) string {
	return s.RootModule().Resources[addr].Primary.Attributes["code"]
}

func TestQRCodeResource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	check := func(name string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(qrCodeAddr, tfjsonpath.New(name), want)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: qrCodeConfig(ids, "Hello", "PNG"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(qrCodeAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("code", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Z0-9]+$`))),
					check("id", knownvalue.StringRegexp(regexp.MustCompile(`^`+ids.PhoneNumber+`/[A-Z0-9]+$`))),
					check("deep_link_url", knownvalue.StringRegexp(regexp.MustCompile(`^https://wa\.me/message/[A-Z0-9]+$`))),
					check("qr_image_url", knownvalue.StringRegexp(regexp.MustCompile(`\.png$`))),
					check("image_format", knownvalue.StringExact("PNG")),
				},
			},
			{
				// Nothing changed: the refresh agrees, the image URL is kept.
				Config:           qrCodeConfig(ids, "Hello", "PNG"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:      qrCodeAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The image URL of an import is read again, as any read of it
				// gives a new short-lived one.
				ImportStateVerifyIgnore: []string{"qr_image_url"},
			},
			{
				Config: qrCodeConfig(ids, "Hello again", "PNG"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(qrCodeAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{check("prefilled_message", knownvalue.StringExact("Hello again"))},
			},
			{
				// A new format is a read of the code in it, in place.
				Config: qrCodeConfig(ids, "Hello again", "SVG"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(qrCodeAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{check("qr_image_url", knownvalue.StringRegexp(regexp.MustCompile(`\.svg$`)))},
			},
		},
	})
	if got := fx.Count("POST", ""); got != 2 {
		t.Errorf("%d POSTs, want 2 (create, message update)", got)
	}
}

// TestQRCodeResource_disappears: a code deleted outside Terraform leaves the
// state after a read of the number's codes without it.
func TestQRCodeResource_disappears(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: qrCodeConfig(ids, "Hello", "PNG"),
			Check: func(s *terraform.State) error {
				return outOfBand(t, fx).DeleteQRCode(testContext(t), ids.PhoneNumber, qrCodeOf(s, qrCodeAddr))
			},
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(qrCodeAddr, plancheck.ResourceActionCreate),
			}},
		}},
	})
}

// TestQRCodeResource_oneReadPerNumber: three codes on one number cost one
// read of the number's codes per refresh, never a read per code, and no
// read of a code's own node (the image URL is kept from the apply).
func TestQRCodeResource_oneReadPerNumber(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	config := providerConfig(ids)
	for i := range 3 {
		config += qrCodeBlock(fmt.Sprintf("c%d", i), ids.PhoneNumber, fmt.Sprintf("Hello %d", i), "PNG")
	}
	listPath := "/" + ids.PhoneNumber + "/message_qrdls"
	// reads counts, from the request mark on, the reads of the number's
	// codes and of any code's own node.
	mark := 0
	reads := func() (list, nodes int) {
		for _, r := range fx.Requests()[mark:] {
			switch {
			case r.Method != "GET":
			case strings.HasSuffix(r.Path, listPath):
				list++
			case strings.Contains(r.Path, listPath+"/"):
				nodes++
			}
		}
		return list, nodes
	}
	want := func(what string, wantList int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if list, nodes := reads(); list != wantList || nodes != 0 {
				return fmt.Errorf("%s of 3 codes read the number's codes %d times and codes' nodes %d times; want %d and 0",
					what, list, nodes, wantList)
			}
			return nil
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				// Creates make no existence check: no read at all.
				Config: config,
				Check:  want("the apply", 0),
			},
			{
				PreConfig:    func() { mark = len(fx.Requests()) },
				RefreshState: true,
				Check:        want("a refresh", 1),
			},
		},
	})
	if got := fx.Count("POST", "/message_qrdls"); got != 3 {
		t.Errorf("%d POSTs, want one create per code (3)", got)
	}
	if got := fx.Count("DELETE", ""); got != 3 {
		t.Errorf("%d DELETEs, want one destroy per code (3)", got)
	}
}

// TestQRCodeResource_lostAccess: when the number's WABA goes out of the
// token's sight, Graph's 100/33 fails the refresh with the access advice and
// the code stays in state; once the WABA is visible again, nothing is
// planned.
func TestQRCodeResource_lostAccess(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	skipUnlessSightCanChange(t, fx)
	ids := acctest.FixtureIDs(t)
	config := qrCodeConfig(ids, "Hello", "PNG")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: lostAccessSteps(t, fx, ids.WABA, config, `(?s)Graph API error 100.*Subcode:\s+33.*fbtrace_id: \S+.*phone number `+ids.PhoneNumber+
			`.*can no longer see it.*stays in the Terraform state.*Assigned assets.*removed \{.*terraform state rm`),
	})
}
