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
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

const profileAddr = "whatsapp_business_profile.test"

// Pictures for the profile: two small PNGs and a file that is not one.
const (
	profileLogo     = "testdata/profile/logo.png"
	profileLogoDark = "testdata/profile/logo-dark.png"
	profileNotImage = "testdata/profile/not-an-image.png"
)

// profileBlock declares the profile of one number, named name, with body as
// its other arguments.
func profileBlock(name, waba, phone, body string) string {
	return fmt.Sprintf(`
resource "whatsapp_business_profile" %q {
  waba_id         = %q
  phone_number_id = %q
%s
}
`, name, waba, phone, body)
}

// profileConfig declares the fixture number's profile, with a provider that
// knows the app, which picture uploads are opened on.
func profileConfig(ids acctest.IDs, body string) string {
	return fmt.Sprintf(`
provider "whatsapp" {
  business_id = %q
  app_id      = %q
}
`, ids.Business, ids.App) + profileBlock("test", ids.WABA, ids.PhoneNumber, body)
}

const (
	profileFirst = `  about       = "Fresh bread every morning"
  description = "A family bakery since 1982."
  email       = "hello@bakery.example"
  websites    = ["https://bakery.example", "https://bakery.example/menu"]
  vertical    = "RESTAURANT"
  profile_picture_file = "` + profileLogo + `"`
	// profileSecond changes about and the picture, drops email (cleared)
	// and a website.
	profileSecond = `  about       = "Fresh bread, every day"
  description = "A family bakery since 1982."
  websites    = ["https://bakery.example"]
  vertical    = "RESTAURANT"
  profile_picture_file = "` + profileLogoDark + `"`
	// profileThird drops about (left as it is) and the picture (kept).
	profileThird = `  description = "A family bakery since 1982."
  websites    = ["https://bakery.example"]
  vertical    = "RESTAURANT"`
)

// profilePosts lists the bodies of the profile POSTs to the fixture number.
func profilePosts(fx *acctest.FixtureServer, phone string) []string {
	var bodies []string
	for _, r := range fx.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/"+phone+"/whatsapp_business_profile") {
			bodies = append(bodies, r.Body)
		}
	}
	return bodies
}

func TestBusinessProfileResource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	check := func(p tfjsonpath.Path, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(profileAddr, p, want)
	}
	var firstURL string
	keepURL := func(s *terraform.State) error {
		firstURL = s.RootModule().Resources[profileAddr].Primary.Attributes["profile_picture_url"]
		return nil
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: profileConfig(ids, profileFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(profileAddr, tfjsonpath.New("profile_picture_sha256"), knownvalue.StringRegexp(hex64)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check(tfjsonpath.New("id"), knownvalue.StringExact(ids.WABA+"/"+ids.PhoneNumber)),
					check(tfjsonpath.New("about"), knownvalue.StringExact("Fresh bread every morning")),
					check(tfjsonpath.New("websites"), knownvalue.ListSizeExact(2)),
					check(tfjsonpath.New("address"), knownvalue.Null()),
					check(tfjsonpath.New("profile_picture_url"), knownvalue.StringRegexp(httpsURL)),
				},
				Check: keepURL,
			},
			{
				// Nothing changed: the refresh agrees with the state, and a
				// picture URL Graph may renew is no change.
				Config: profileConfig(ids, profileFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				ResourceName:      profileAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// A picture is known by the file it came from, which Graph
				// cannot tell.
				ImportStateVerifyIgnore: []string{"profile_picture_file", "profile_picture_sha256"},
			},
			{
				Config: profileConfig(ids, profileSecond),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(profileAddr, tfjsonpath.New("profile_picture_url")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check(tfjsonpath.New("about"), knownvalue.StringExact("Fresh bread, every day")),
					check(tfjsonpath.New("email"), knownvalue.Null()),
					check(tfjsonpath.New("websites"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("https://bakery.example")})),
				},
				Check: func(s *terraform.State) error {
					if now := s.RootModule().Resources[profileAddr].Primary.Attributes["profile_picture_url"]; now == firstURL || now == "" {
						return fmt.Errorf("profile_picture_url is %q after a new picture, first %q", now, firstURL)
					}
					return nil
				},
			},
			{
				// about and the picture leave the configuration: both stay on
				// WhatsApp, and no request is made for them.
				Config: profileConfig(ids, profileThird),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check(tfjsonpath.New("about"), knownvalue.Null()),
					check(tfjsonpath.New("profile_picture_sha256"), knownvalue.Null()),
					check(tfjsonpath.New("profile_picture_url"), knownvalue.StringRegexp(httpsURL)),
				},
			},
		},
	})
	// Each write sends only what changed; the destroy sends nothing.
	posts := profilePosts(fx, ids.PhoneNumber)
	if len(posts) != 2 {
		t.Fatalf("%d profile POSTs, want 2 (create, first update; the last update changes nothing Graph can change, and destroy sends nothing): %q", len(posts), posts)
	}
	for _, want := range []string{`"about":"Fresh bread every morning"`, `"vertical":"RESTAURANT"`, `"profile_picture_handle":"`, `"messaging_product":"whatsapp"`} {
		if !strings.Contains(posts[0], want) {
			t.Errorf("create sent %s, want it to contain %s", posts[0], want)
		}
	}
	if want := `{"about":"Fresh bread, every day","email":"","messaging_product":"whatsapp","profile_picture_handle":"`; !strings.HasPrefix(posts[1], want) ||
		!strings.HasSuffix(posts[1], `","websites":["https://bakery.example"]}`) {
		t.Errorf("update sent %s, want the changed fields only, email cleared", posts[1])
	}
	if got := fx.Count("POST", "/uploads"); got != 2 {
		t.Errorf("%d upload sessions opened, want 2 (one per picture)", got)
	}
}

var (
	hex64    = regexp.MustCompile(`^[0-9a-f]{64}$`)
	httpsURL = regexp.MustCompile(`^https://\S+$`)
)

// TestBusinessProfileResource_changedOutside: a managed field changed
// outside Terraform shows as an update that puts it back; an unmanaged one
// changed outside shows nothing; a picture removed outside is uploaded again.
func TestBusinessProfileResource_changedOutside(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	config := profileConfig(ids, `  about = "Fresh bread every morning"`)
	change := func(c graph.BusinessProfileChange) func(*terraform.State) error {
		return func(*terraform.State) error {
			return outOfBand(t, fx).UpdateBusinessProfile(testContext(t), ids.WABA, ids.PhoneNumber, c)
		}
	}
	other, address := "Closed on Sundays", "1 Main Street"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config:             config,
				Check:              change(graph.BusinessProfileChange{About: &other}),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(profileAddr, tfjsonpath.New("about"), knownvalue.StringExact("Fresh bread every morning")),
				}},
			},
			{
				Config: config,
				Check:  change(graph.BusinessProfileChange{Address: &address}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
}

// TestBusinessProfileResource_pictureRemovedOutside: a picture gone from
// the profile is uploaded again on the next apply.
func TestBusinessProfileResource_pictureRemovedOutside(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	if acctest.CurrentMode() != acctest.ModeReplay && fx.Simulator() == nil {
		t.Skip("removing a picture out of band needs the simulator: Graph has no call that removes one")
	}
	ids := acctest.FixtureIDs(t)
	config := profileConfig(ids, `  profile_picture_file = "`+profileLogo+`"`)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					if sim := fx.Simulator(); sim != nil {
						return sim.SetBusinessProfile(ids.PhoneNumber, map[string]any{})
					}
					return nil // replaying: the cassette holds Graph's answers
				},
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionUpdate),
				}},
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
	if got := fx.Count("POST", "/uploads"); got != 2 {
		t.Errorf("%d uploads, want 2 (the create's and the one after the removal)", got)
	}
}

// TestBusinessProfileResource_existing: a number whose profile somebody
// filled in is refused before any write, with the import ID; importing it
// takes every field Graph holds, so a field the configuration leaves out
// shows as cleared.
func TestBusinessProfileResource_existing(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := phoneWebhookSeed(ids)
	seed.WABAs[0].PhoneNumbers[0]["whatsapp_business_profile"] = map[string]any{
		"about": "Open 7-19", "address": "1 Main Street", "vertical": "RETAIL",
	}
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	importBlock := fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", profileAddr, ids.WABA+"/"+ids.PhoneNumber)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: profileConfig(ids, `  about = "Open 8-20"`),
				ExpectError: wrapTolerant(`(?s)whatsapp_business_profile already exists.*The business profile of phone number ` + ids.PhoneNumber +
					` on WhatsApp Business Account ` + ids.WABA + ` \(with about, address, vertical RETAIL\) already exists.*` +
					`id = "` + ids.WABA + `/` + ids.PhoneNumber + `"`),
			},
			{
				// Imported with the configuration that names about and
				// vertical only: the address Graph holds is cleared.
				Config: profileConfig(ids, `  about = "Open 8-20"
  vertical = "RETAIL"`) + importBlock,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(profileAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(profileAddr, tfjsonpath.New("address"), knownvalue.Null()),
				}},
			},
		},
	})
	posts := profilePosts(fx, ids.PhoneNumber)
	if len(posts) != 1 || posts[0] != `{"about":"Open 8-20","address":"","messaging_product":"whatsapp"}` {
		t.Errorf("profile POSTs %q, want only the update after the import, setting about and clearing address", posts)
	}
}

// TestBusinessProfileResource_graphRefusal: a vertical no source lists is a
// warning at plan, and Graph's refusal is shown as it is.
func TestBusinessProfileResource_graphRefusal(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: profileConfig(ids, `  vertical = "BAKERY"`),
			ExpectError: wrapTolerant(`(?s)Failed to set vertical of the business profile of phone number ` + ids.PhoneNumber +
				`.*Graph API error 100.*vertical`),
		}},
	})
}

// TestBusinessProfileResource_lostAccess: the WABA is out of the token's
// sight after the apply: the refresh fails with the access advice and keeps
// the resource; with access back the plan is empty.
func TestBusinessProfileResource_lostAccess(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	skipUnlessSightCanChange(t, fx)
	ids := acctest.FixtureIDs(t)
	config := profileConfig(ids, `  about = "Fresh bread every morning"`)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps:                    lostAccessSteps(t, fx, ids.WABA, config, `(?s)Graph API error 100.*Subcode:\s+33.*can no longer see it.*stays in the Terraform state`),
	})
}
