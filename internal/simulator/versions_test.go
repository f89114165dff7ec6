package simulator

import (
	"net/http"
	"testing"
)

func TestFieldInVersion(t *testing.T) {
	tests := []struct {
		node, field, version string
		want                 bool
	}{
		{nodeWABA, "whatsapp_business_manager_messaging_limit", "v24.0", true},
		{nodeWABA, "whatsapp_business_manager_messaging_limit", "v23.0", false},
		{nodeWABA, "whatsapp_business_manager_messaging_limit", "v100.0", true},
		{nodePhoneNumber, "messaging_limit_tier", "v23.0", true},
		{nodePhoneNumber, "messaging_limit_tier", "v9.0", true},
		{nodePhoneNumber, "messaging_limit_tier", "v24.0", false},
		{nodePhoneNumber, "messaging_limit_tier", "v26.0", false},
		{nodePhoneNumber, "quality_rating", "v2.0", true},
	}
	for _, tt := range tests {
		if got := fieldInVersion(tt.node, tt.field, tt.version); got != tt.want {
			t.Errorf("%s.%s at %s = %v, want %v", tt.node, tt.field, tt.version, got, tt.want)
		}
	}
}

func TestVersionedFields(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) {
		seed.WABAs[0].PhoneNumbers[1]["whatsapp_business_manager_messaging_limit"] = "TIER_2K"
	})
	nonexisting := func(field, node string) string {
		return "(#100) Tried accessing nonexisting field (" + field + ") on node type (" + node + ")"
	}
	fails := []struct {
		target  string
		message string
	}{
		{"/v24.0/" + fixtureWABA + "/phone_numbers?fields=id,messaging_limit_tier", nonexisting("messaging_limit_tier", nodePhoneNumber)},
		{"/v26.0/" + fixtureWABA + "/phone_numbers?fields=messaging_limit_tier,quality_rating", nonexisting("messaging_limit_tier", nodePhoneNumber)},
		{"/v26.0/" + fixtureWABA + "?fields=phone_numbers{messaging_limit_tier}", nonexisting("messaging_limit_tier", nodePhoneNumber)},
		{"/v23.0/" + fixtureWABA + "/phone_numbers?fields=whatsapp_business_manager_messaging_limit", nonexisting("whatsapp_business_manager_messaging_limit", nodePhoneNumber)},
		{"/v23.0/" + fixtureWABA + "?fields=name,whatsapp_business_manager_messaging_limit", nonexisting("whatsapp_business_manager_messaging_limit", nodeWABA)},
		{"/v25.0/" + fixtureWABA + "?fields=messaging_limit_tier", nonexisting("messaging_limit_tier", nodeWABA)},
	}
	for _, tt := range fails {
		t.Run(tt.target, func(t *testing.T) {
			wantError(t, get(t, s, tt.target), http.StatusBadRequest, 100, 0, tt.message)
		})
	}

	old := dataOf(t, get(t, s, "/v23.0/"+fixtureWABA+"/phone_numbers?fields=messaging_limit_tier"))
	if old[0]["messaging_limit_tier"] != "TIER_10K" || old[1]["messaging_limit_tier"] != "TIER_1K" {
		t.Errorf("v23.0 tiers = %v, %v; want TIER_10K and TIER_1K (from TIER_2K)", old[0], old[1])
	}
	current := dataOf(t, get(t, s, "/v24.0/"+fixtureWABA+"/phone_numbers?fields=whatsapp_business_manager_messaging_limit"))
	if current[1]["whatsapp_business_manager_messaging_limit"] != "TIER_2K" {
		t.Errorf("v24.0 limit = %v", current[1])
	}
	if res := get(t, s, "/v24.0/"+fixtureWABA+"?fields=whatsapp_business_manager_messaging_limit"); res.body["whatsapp_business_manager_messaging_limit"] != "TIER_10K" {
		t.Errorf("v24.0 WABA limit: %s", res.raw)
	}
	if res := get(t, s, "/v23.0/"+fixtureWABA+"/phone_numbers"); res.status != http.StatusOK || dataOf(t, res)[0]["messaging_limit_tier"] != nil {
		t.Errorf("default fields must not include the tier: %s", res.raw)
	}
}

func TestSeededLegacyTierWins(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) {
		seed.WABAs[0].PhoneNumbers[0]["messaging_limit_tier"] = "TIER_250"
		seed.WABAs[0].PhoneNumbers[1]["whatsapp_business_manager_messaging_limit"] = "UNTIERED"
	})
	items := dataOf(t, get(t, s, "/v22.0/"+fixtureWABA+"/phone_numbers?fields=messaging_limit_tier"))
	if items[0]["messaging_limit_tier"] != "TIER_250" {
		t.Errorf("a seeded tier must be served as is: %v", items[0])
	}
	if _, ok := items[1]["messaging_limit_tier"]; ok {
		t.Errorf("UNTIERED has no old tier: %v", items[1])
	}
}
