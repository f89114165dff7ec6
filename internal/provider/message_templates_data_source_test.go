package provider

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

func TestMessageTemplatesDataSource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	seed := simulator.DefaultSeed()
	seed.MaxPageSize = 2
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(seed))
	templates := tfjsonpath.New("templates")
	names := func(ns ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(ns))
		for i, n := range ns {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(n)})
		}
		return knownvalue.ListExact(checks)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_message_templates" "all" {
  waba_id = %[1]q
}

data "whatsapp_message_templates" "approved_utility" {
  waba_id  = %[1]q
  status   = ["APPROVED"]
  category = ["UTILITY"]
}

data "whatsapp_message_templates" "by_name" {
  waba_id  = %[1]q
  name     = "spring_sale"
  language = ["es"]
}

data "whatsapp_message_templates" "none" {
  waba_id = %[1]q
  status  = ["PAUSED", "DISABLED"]
}
`, ids.WABA),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.whatsapp_message_templates.all", templates, names("hello_world", "order_update", "spring_sale")),
				statecheck.ExpectKnownValue("data.whatsapp_message_templates.all", templates.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":                       knownvalue.StringExact("1192339204654487"),
					"name":                     knownvalue.StringExact("hello_world"),
					"language":                 knownvalue.StringExact("en_US"),
					"category":                 knownvalue.StringExact("UTILITY"),
					"status":                   knownvalue.StringExact("APPROVED"),
					"quality_score":            knownvalue.Null(),
					"rejected_reason":          knownvalue.Null(),
					"components_json":          knownvalue.StringExact(`[{"text":"Hello World","type":"BODY"}]`),
					"previous_category":        knownvalue.Null(),
					"parameter_format":         knownvalue.StringExact("POSITIONAL"),
					"message_send_ttl_seconds": knownvalue.Null(),
				})),
				statecheck.ExpectKnownValue("data.whatsapp_message_templates.all", templates.AtSliceIndex(1).AtMapKey("quality_score"), knownvalue.StringExact("GREEN")),
				statecheck.ExpectKnownValue("data.whatsapp_message_templates.approved_utility", templates, names("hello_world", "order_update")),
				statecheck.ExpectKnownValue("data.whatsapp_message_templates.by_name", templates, knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"status": knownvalue.StringExact("REJECTED"), "rejected_reason": knownvalue.StringExact("PROMOTIONAL"),
						"category": knownvalue.StringExact("MARKETING"), "language": knownvalue.StringExact("es"),
					}),
				})),
				statecheck.ExpectKnownValue("data.whatsapp_message_templates.none", templates, knownvalue.ListSizeExact(0)),
			},
		}},
	})
	checkListRequests(t, fx, "message_templates", graph.MessageTemplateFields, true)
	sent := map[string]bool{}
	for _, r := range fx.Requests() {
		q, _ := url.ParseQuery(r.Query)
		for _, k := range []string{"status", "category", "name", "language"} {
			if v := q.Get(k); v != "" {
				sent[k+"="+v] = true
			}
		}
	}
	for _, want := range []string{`status=["APPROVED"]`, `category=["UTILITY"]`, `name=spring_sale`, `language=["es"]`, `status=["DISABLED","PAUSED"]`} {
		if !sent[want] {
			t.Errorf("no request carried the filter %s; sent: %v", want, sent)
		}
	}
}

// TestMessageTemplatesDataSource_empty reads a WABA whose seed has no
// templates at all.
func TestMessageTemplatesDataSource_empty(t *testing.T) {
	seed := simulator.DefaultSeed()
	seed.WABAs[0].MessageTemplates = nil
	testEmptyList(t, acctest.NewFixtureServer(t, acctest.WithSeed(seed)), "whatsapp_message_templates", acctest.FixtureIDs(t).WABA, "templates")
}

func TestMessageTemplatesDataSource_validation(t *testing.T) {
	cases := map[string]struct{ body, want string }{
		"lower-case status":  {`status = ["approved"]`, `(?s)status: "approved" is not a template status Graph accepts. Did you mean "APPROVED"\? Valid values: APPROVED,`},
		"unknown status":     {`status = ["LIVE"]`, `(?s)status: "LIVE" is not a template status Graph accepts. Valid values:`},
		"unknown category":   {`category = ["TRANSACTIONAL"]`, `(?s)category: "TRANSACTIONAL" is not a template category Graph accepts. Valid values: AUTHENTICATION, MARKETING, UTILITY.`},
		"misspelt category":  {`category = ["MARKETNG"]`, `(?s)category: "MARKETNG" is not a template category Graph accepts. Did you mean "MARKETING"\?`},
		"empty status set":   {`status = []`, `(?s)status.*at least 1`},
		"language name":      {`language = ["English"]`, `(?s)language.*must be a template language code`},
		"language with dash": {`language = ["en-US"]`, `(?s)language.*must be a template language code`},
		"name with spaces":   {`name = "Hello World"`, `(?s)name.*must be a template name`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			config := "provider \"whatsapp\" {}\n\ndata \"whatsapp_message_templates\" \"x\" {\nwaba_id = \"102290129340398\"\n" + tc.body + "\n}\n"
			expectPlanError(t, noHTTPFactories(t), config, tc.want)
		})
	}
}
