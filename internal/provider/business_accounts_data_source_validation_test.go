package provider

import "testing"

// TestBusinessAccountsDataSource_validation feeds bad input through
// terraform plan: each must be refused with a message naming the attribute
// and the valid form, before any Graph request.
func TestBusinessAccountsDataSource_validation(t *testing.T) {
	t.Setenv(EnvBusinessID, "")
	withBusiness := func(body string) string {
		return "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n\ndata \"whatsapp_business_accounts\" \"x\" {\n" + body + "\n}\n"
	}
	cases := []struct{ name, config, want string }{
		{"no business id anywhere", "provider \"whatsapp\" {}\n\ndata \"whatsapp_business_accounts\" \"x\" {}\n",
			`(?s)Missing business_id.*lists the accounts of one business portfolio. Set business_id on this data source, or business_id \(or WHATSAPP_BUSINESS_ID\) on the provider.`},
		{"business id with letters", withBusiness(`  business_id = "acme"`), `business_id must be a numeric Graph ID`},
		{"misspelt ownership", withBusiness(`  ownership = "own"`),
			`(?s)Invalid ownership.*ownership: "own" is not an ownership Graph accepts. Did you mean "owned"\? Valid values: owned, client, all.`},
		{"capitalised ownership", withBusiness(`  ownership = "Client"`), `(?s)ownership: "Client" is not an ownership Graph accepts. Did you mean "client"\?`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}
