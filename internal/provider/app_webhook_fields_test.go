package provider

import (
	"context"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestKnownWebhookFieldsWarns(t *testing.T) {
	check := func(names ...string) validator.SetResponse {
		elems := make([]attr.Value, len(names))
		for i, n := range names {
			elems[i] = types.StringValue(n)
		}
		var resp validator.SetResponse
		knownWebhookFields{}.ValidateSet(context.Background(), validator.SetRequest{
			Path: path.Root("fields"), ConfigValue: types.SetValueMust(types.StringType, elems),
		}, &resp)
		return resp
	}
	resp := check("messages", "standby", "mesages")
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 2 {
		t.Fatalf("diagnostics = %v, want one warning per unknown field and no error", resp.Diagnostics)
	}
	// Sorted by name; a typo gets the nearest documented field suggested,
	// a name near none gets no guess.
	const tail = ` Graph rejects a field it does not know; if this one is newer than the provider, the plan can go ahead. Documented fields: account_alerts, `
	for i, want := range []string{
		`fields: "mesages" is not a webhook field Meta documents for the whatsapp_business_account object. Did you mean "messages"?` + tail,
		`fields: "standby" is not a webhook field Meta documents for the whatsapp_business_account object.` + tail,
	} {
		if detail := resp.Diagnostics.Warnings()[i].Detail(); !strings.HasPrefix(detail, want) {
			t.Errorf("warning %d = %q, want it to start %q", i, detail, want)
		}
	}
	if got := check(graph.WABAWebhookFields...); len(got.Diagnostics) != 0 {
		t.Errorf("documented fields gave %v", got.Diagnostics)
	}
}
