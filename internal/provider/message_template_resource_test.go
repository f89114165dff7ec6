package provider

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const templateAddr = "whatsapp_message_template.test"

var numericPattern = regexp.MustCompile(`^[0-9]+$`)

// fastReviews polls a template under review every few milliseconds.
func fastReviews(c *graph.Config) {
	c.ReviewPollMin, c.ReviewPollMax = 10*time.Millisecond, 50*time.Millisecond
}

// templateConfig declares one template of the fixture WABA, named test in
// Terraform, with body as its arguments after waba_id; the provider knows
// the app, which media uploads are opened on.
func templateConfig(ids acctest.IDs, body string) string {
	return templateProvider(ids) + fmt.Sprintf(`
resource "whatsapp_message_template" "test" {
  waba_id = %q
%s
}
`, ids.WABA, body)
}

// templateProvider configures the provider with the app, which media
// uploads are opened on.
func templateProvider(ids acctest.IDs) string {
	return fmt.Sprintf(`
provider "whatsapp" {
  business_id = %q
  app_id      = %q
}
`, ids.Business, ids.App)
}

// shippingUpdate is a utility template with every typed component, its
// body text changed by text.
func shippingUpdate(text string) string {
	return fmt.Sprintf(`  name     = "shipping_update"
  language = "en_US"
  category = "UTILITY"
  header   = { format = "TEXT", text = "Order {{1}}", example = "#1234" }
  body = {
    text     = %q
    examples = { "1" = "Jim", "2" = "#1234", "3" = "tomorrow" }
  }
  footer  = { text = "Reply STOP to stop updates" }
  buttons = [
    { type = "URL", text = "Track it", url = "https://shop.example/track/{{1}}", example = "https://shop.example/track/1234" },
    { type = "QUICK_REPLY", text = "Stop updates" },
  ]`, text)
}

var (
	orderUpdate            = shippingUpdate("Hi {{1}}, your order {{2}} has shipped and arrives {{3}}.")
	orderUpdateEdited      = shippingUpdate("Hello {{1}}, order {{2}} is on its way and arrives {{3}}.")
	orderUpdateEditedTwice = shippingUpdate("Hello {{1}}, order {{2}} is on its way and arrives {{3}}!")
)

// approve ends Meta's review of the test template in the simulator with
// an approval; when replaying, the cassette holds Graph's answers and
// nothing is done.
func approve(fx *acctest.FixtureServer) func(*terraform.State) error {
	return func(s *terraform.State) error {
		sim := fx.Simulator()
		if sim == nil {
			return nil
		}
		return sim.ReviewTemplate(s.RootModule().Resources[templateAddr].Primary.ID, "APPROVED", "")
	}
}

// templateImportID is the test template's import ID: <waba_id>/<id>, or
// <waba_id>/<name>/<language> byName.
func templateImportID(ids acctest.IDs, byName bool) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		r := s.RootModule().Resources[templateAddr].Primary
		if byName {
			return ids.WABA + "/" + r.Attributes["name"] + "/" + r.Attributes["language"], nil
		}
		return ids.WABA + "/" + r.ID, nil
	}
}

// needsSimulatorOrReplay skips a test that changes Graph behind the
// provider's back when it records against Meta.
func needsSimulatorOrReplay(t *testing.T, fx *acctest.FixtureServer, what string) {
	t.Helper()
	if acctest.CurrentMode() != acctest.ModeReplay && fx.Simulator() == nil {
		t.Skip(what + " needs the simulator; against Meta, wait for Meta's review")
	}
}

// TestMessageTemplateResource: create (PENDING), a clean plan, import by ID,
// Meta's approval seen by a refresh, an edit in place (back to PENDING),
// approval again, a second edit refused at plan within Meta's day, destroy.
func TestMessageTemplateResource(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "approving a template")
	ids := acctest.FixtureIDs(t)
	check := func(p string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New(p), want)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(ids, orderUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					check("status", knownvalue.StringExact("PENDING")),
					check("id", knownvalue.StringRegexp(numericPattern)),
					check("parameter_format", knownvalue.StringExact("POSITIONAL")),
					check("rejected_reason", knownvalue.Null()),
				},
				Check: approve(fx),
			},
			{
				// Graph's normalised read-back plans clean; the approval
				// shows in the refreshed state.
				Config:           templateConfig(ids, orderUpdate),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("status", knownvalue.StringExact("APPROVED")),
					check("quality_score", knownvalue.NotNull()),
				},
			},
			{
				ResourceName:            templateAddr,
				ImportState:             true,
				ImportStateIdFunc:       templateImportID(ids, false),
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"wait_for_review", "timeouts"},
			},
			{
				Config: templateConfig(ids, orderUpdateEdited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(templateAddr, tfjsonpath.New("status")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{check("status", knownvalue.StringExact("PENDING"))},
				Check:             approve(fx),
			},
			{RefreshState: true},
			{
				// Approved again, but edited by this configuration less
				// than 24 hours ago: refused at plan, with the time it
				// becomes possible.
				Config:      templateConfig(ids, orderUpdateEditedTwice),
				PlanOnly:    true,
				ExpectError: wrapTolerant(`(?s)Template edited less than a day ago.*Meta allows one edit of an approved template per 24 hours.*The edit becomes possible at`),
			},
		},
	})
	edits := 0
	for _, r := range fx.Requests() {
		if r.Method == "POST" && !strings.Contains(r.Path, "message_templates") && !strings.Contains(r.Path, "upload") {
			edits++
		}
	}
	if edits != 1 {
		t.Errorf("%d edits sent, want 1: the second was refused at plan", edits)
	}
	if got := fx.Count("DELETE", "/message_templates"); got != 1 {
		t.Errorf("%d DELETEs, want 1 (the destroy)", got)
	}
}

// TestMessageTemplateResource_waitForReview: with wait_for_review the apply
// waits until Meta's review ends; a rejection fails with Meta's reason.
func TestMessageTemplateResource_waitForReview(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "a timed review")
	if sim := fx.Simulator(); sim != nil {
		if err := sim.SetSettings(simulator.Settings{TemplateReviewDelay: simulator.Duration(300 * time.Millisecond)}); err != nil {
			t.Fatal(err)
		}
	}
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx, fastReviews),
		Steps: []resource.TestStep{{
			Config: templateConfig(ids, orderUpdate+"\n  wait_for_review = true"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("status"), knownvalue.StringExact("APPROVED")),
			},
		}},
	})
	if polls := fx.Count("GET", ""); polls < 2 {
		t.Errorf("%d GETs: the apply did not poll the template's review", polls)
	}
}

func TestMessageTemplateResource_rejected(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "a rejection")
	if sim := fx.Simulator(); sim != nil {
		if err := sim.SetSettings(simulator.Settings{TemplateReviewDelay: simulator.Duration(100 * time.Millisecond), TemplateReviewOutcome: "REJECTED"}); err != nil {
			t.Fatal(err)
		}
	}
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx, fastReviews),
		Steps: []resource.TestStep{{
			Config:      templateConfig(ids, orderUpdate+"\n  wait_for_review = true"),
			ExpectError: wrapTolerant(`(?s)Template rejected.*Meta rejected template "shipping_update" in en_US \(ID \d+\): INVALID_FORMAT`),
		}},
	})
}

// TestMessageTemplateResource_changedByMeta: Meta re-categorises an
// approved template (the plan shows it, refuses to edit it back, and takes
// Meta's category once the configuration does), pauses it (a warning), and
// deletes it (removed from state, planned again).
func TestMessageTemplateResource_changedByMeta(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "changing a template as Meta would")
	ids := acctest.FixtureIDs(t)
	sim := func(change func(sim *simulator.Server, id string) error) func(*terraform.State) error {
		return func(s *terraform.State) error {
			if fx.Simulator() == nil {
				return nil
			}
			return change(fx.Simulator(), s.RootModule().Resources[templateAddr].Primary.ID)
		}
	}
	marketing := strings.Replace(orderUpdate, `"UTILITY"`, `"MARKETING"`, 1)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(ids, orderUpdate),
				Check:  approve(fx),
			},
			{
				Config: templateConfig(ids, orderUpdate),
				Check:  sim(func(s *simulator.Server, id string) error { return s.RecategoriseTemplate(id, "MARKETING") }),
				// The refresh after this step sees Meta's category, and
				// the plan refuses to edit an approved one back.
				ExpectError: wrapTolerant(`(?s)Category of an approved template cannot change.*Meta itself moved it from UTILITY to MARKETING: set category = "MARKETING"`),
			},
			{
				Config:      templateConfig(ids, orderUpdate),
				PlanOnly:    true,
				ExpectError: wrapTolerant(`(?s)Category of an approved template cannot change.*Meta itself moved it from UTILITY to MARKETING: set category = "MARKETING"`),
			},
			{
				Config:           templateConfig(ids, marketing),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("previous_category"), knownvalue.StringExact("UTILITY")),
				},
				Check: sim(func(s *simulator.Server, id string) error { return s.ReviewTemplate(id, "PAUSED", "") }),
			},
			{
				// Paused by Meta: a warning, no change. Then deleted outside
				// Terraform: gone from state, and planned again.
				Config: templateConfig(ids, marketing),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("status"), knownvalue.StringExact("PAUSED")),
				},
				Check:              sim(func(s *simulator.Server, id string) error { return s.DeleteTemplate(id) }),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestMessageTemplateResource_mediaHeader: an image header's sample is
// uploaded on create and again when the file changes, which edits the
// template; a second edit within Meta's day is refused at plan and goes
// through once the day has passed (on the provider's clock and Meta's).
func TestMessageTemplateResource_mediaHeader(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "approving a template")
	ids := acctest.FixtureIDs(t)
	var mu sync.Mutex
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	clock := func(c *graph.Config) {
		c.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	}
	dayLater := func() {
		mu.Lock()
		now = now.Add(25 * time.Hour)
		mu.Unlock()
		if sim := fx.Simulator(); sim != nil {
			sim.AdvanceClock(25 * time.Hour)
		}
	}
	file := func(name string) string {
		abs, err := filepath.Abs(filepath.Join("testdata", "profile", name))
		if err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(abs)
	}
	config := func(picture, text string) string {
		return templateConfig(ids, fmt.Sprintf(`  name     = "weekend_offer"
  language = "en_US"
  category = "MARKETING"
  header   = { format = "IMAGE", media_file = %q }
  body     = { text = %q, examples = { "1" = "Jim" } }
  buttons  = [{ type = "URL", text = "Shop now", url = "https://shop.example/weekend" }]`, file(picture), text))
	}
	const first, second = "{{1}}, this weekend only: 20% off everything.", "{{1}}, this weekend only: 25% off everything."
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx, clock),
		Steps: []resource.TestStep{
			{
				Config: config("logo.png", first),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("header_media_sha256"), knownvalue.StringRegexp(hex64)),
				},
				Check: approve(fx),
			},
			{
				// Graph answers the sample as a URL: no change.
				Config:           config("logo.png", first),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: config("logo-dark.png", first),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionUpdate),
				}},
				Check: approve(fx),
			},
			{RefreshState: true},
			{
				Config:      config("logo-dark.png", second),
				PlanOnly:    true,
				ExpectError: wrapTolerant(`(?s)Template edited less than a day ago.*The edit becomes possible at 2026-12-01T09:00:00Z`),
			},
			{
				PreConfig: dayLater,
				Config:    config("logo-dark.png", second),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("status"), knownvalue.StringExact("PENDING")),
				},
			},
		},
	})
	if got := fx.Count("POST", "/uploads"); got != 3 {
		t.Errorf("%d uploads, want 3 (create, new file, and the edit of the body, which sends the components whole)", got)
	}
}

// TestMessageTemplateResource_categoryAssignedByMeta: Meta creates a
// UTILITY template as MARKETING. The apply warns, the next plan says how to
// accept Meta's category, and with it the plan is empty.
func TestMessageTemplateResource_categoryAssignedByMeta(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "Meta's choice of category")
	if sim := fx.Simulator(); sim != nil {
		if err := sim.SetSettings(simulator.Settings{TemplateCategoryOverride: simulator.CategoryOverride{"UTILITY": "MARKETING"}}); err != nil {
			t.Fatal(err)
		}
	}
	ids := acctest.FixtureIDs(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config:      templateConfig(ids, orderUpdate),
				ExpectError: wrapTolerant(`(?s)Template "shipping_update" is PENDING.*Graph holds the template as MARKETING: if Meta chose that category, set category = "MARKETING"`),
			},
			{
				Config:           templateConfig(ids, strings.Replace(orderUpdate, `"UTILITY"`, `"MARKETING"`, 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestMessageTemplateResource_disabled: Meta will not delete a DISABLED
// template, so its destroy fails at plan, before any request, with the
// removed block that lets go of it.
func TestMessageTemplateResource_disabled(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	needsSimulatorOrReplay(t, fx, "disabling a template")
	ids := acctest.FixtureIDs(t)
	id := ""
	keepID := func(s *terraform.State) error {
		id = s.RootModule().Resources[templateAddr].Primary.ID
		return nil
	}
	setStatus := func(status string) func() {
		return func() {
			if sim := fx.Simulator(); sim != nil {
				if err := sim.ReviewTemplate(id, status, ""); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: templateConfig(ids, orderUpdate), Check: keepID},
			{
				PreConfig:   setStatus("DISABLED"),
				Config:      templateConfig(ids, orderUpdate),
				Destroy:     true,
				ExpectError: wrapTolerant(`(?s)Disabled template cannot be deleted.*removed \{ from = <address> lifecycle \{ destroy = false \} \}`),
			},
			{
				// Meta enables it again: the destroy at the end goes through.
				PreConfig: setStatus("APPROVED"),
				Config:    templateConfig(ids, orderUpdate),
			},
		},
	})
	if got := fx.Count("DELETE", ""); got != 1 {
		t.Errorf("%d DELETEs, want 1 (the final destroy, not the refused one)", got)
	}
}
