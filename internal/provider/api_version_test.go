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

// TestDataSources_apiVersion23 reads the WABA and its phone numbers with
// api_version = "v23.0", which Meta still serves. Graph fails a whole request
// that names a field the version lacks, and the messaging-limit field was
// renamed in v24.0, so each version must be asked for its own fields.
func TestDataSources_apiVersion23(t *testing.T) {
	fx := acctest.NewFixtureServer(t)
	ids := acctest.FixtureIDs(t)
	waba, phones := "data.whatsapp_business_account.test", "data.whatsapp_phone_numbers.test"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "whatsapp" {
  business_id = %[1]q
  api_version = "v23.0"
}

data "whatsapp_business_account" "test" {
  id = %[2]q
}

data "whatsapp_phone_numbers" "test" {
  waba_id = %[2]q
}
`, ids.Business, ids.WABA),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(waba, tfjsonpath.New("name"), knownvalue.StringExact("Acme Support")),
				// The node has no messaging limit before v24.0.
				statecheck.ExpectKnownValue(waba, tfjsonpath.New("whatsapp_business_manager_messaging_limit"), knownvalue.Null()),
				// Phone numbers report the older messaging_limit_tier.
				statecheck.ExpectKnownValue(phones, tfjsonpath.New("phone_numbers").AtSliceIndex(0).AtMapKey("whatsapp_business_manager_messaging_limit"),
					knownvalue.StringExact("TIER_10K")),
			},
		}},
	})
	for _, r := range fx.Requests() {
		if !strings.HasPrefix(r.Path, "/v23.0/") {
			t.Errorf("request %s %s is not on v23.0", r.Method, r.Path)
		}
		q, _ := url.ParseQuery(r.Query)
		if strings.Contains(q.Get("fields"), "whatsapp_business_manager_messaging_limit") {
			t.Errorf("%s asked v23.0 for a field it does not have: %s", r.Path, q.Get("fields"))
		}
	}
}
