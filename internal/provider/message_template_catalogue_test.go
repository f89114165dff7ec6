package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// TestMessageTemplateResource_catalogue applies ten templates of Meta's
// pages (testdata/templates/catalogue.tf: authentication with OTP buttons,
// marketing with media headers and URL buttons, utility with named
// parameters, a carousel through extra_components_json...). Graph answers
// each in its normalised form; after Meta approves them the plan is empty,
// and nothing was edited.
func TestMessageTemplateResource_catalogue(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	cfg := catalogueConfig(t, ids)
	approveAll := func(s *terraform.State) error {
		sim := fx.Simulator()
		if sim == nil {
			return nil // replaying: the cassette holds Graph's answers
		}
		for addr, r := range s.RootModule().Resources {
			if strings.HasPrefix(addr, "whatsapp_message_template.") {
				if err := sim.ReviewTemplate(r.Primary.ID, "APPROVED", ""); err != nil {
					return err
				}
			}
		}
		return nil
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check:  approveAll,
			},
			{
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
	if got := fx.Count("POST", "/message_templates"); got != 10 {
		t.Errorf("%d creates, want 10", got)
	}
	for _, r := range fx.Requests() {
		if r.Method == "POST" && !strings.Contains(r.Path, "message_templates") && !strings.Contains(r.Path, "upload") {
			t.Errorf("an edit was sent (%s): the read-back of a template must plan clean", r.Path)
		}
	}
	if got := fx.Count("POST", "/uploads"); got != 2 {
		t.Errorf("%d upload sessions, want 2 (the image and the document headers)", got)
	}
}

// catalogueConfig is testdata/templates/catalogue.tf with its provider and
// variable, the media files named by absolute path: Terraform runs the
// configuration in a directory of its own.
func catalogueConfig(t *testing.T, ids acctest.IDs) string {
	t.Helper()
	data, err := os.ReadFile("testdata/templates/catalogue.tf")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("testdata/templates")
	if err != nil {
		t.Fatal(err)
	}
	return templateProvider(ids) + `
variable "waba_id" {
  type    = string
  default = "` + ids.WABA + `"
}
` + strings.ReplaceAll(string(data), "${path.module}", filepath.ToSlash(dir))
}
