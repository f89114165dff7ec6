package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// knownWebhookFields warns about webhook field names Meta does not document
// for the whatsapp_business_account object: most often a typo, for which it
// suggests the nearest documented name; sometimes a field newer than this
// provider, which is why it does not fail the plan.
type knownWebhookFields struct{}

var _ validator.Set = knownWebhookFields{}

func (knownWebhookFields) Description(context.Context) string {
	return "warns about webhook field names not documented for whatsapp_business_account"
}

func (v knownWebhookFields) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (knownWebhookFields) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var unknown []string
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		if name := s.ValueString(); !slices.Contains(graph.WABAWebhookFields, name) {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	// One warning per name, so that each carries its own suggestion.
	for _, name := range unknown {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Unknown webhook field",
			fmt.Sprintf("%s: %q is not a webhook field Meta documents for the whatsapp_business_account object.%s "+
				"Graph rejects a field it does not know; if this one is newer than the provider, the plan can go ahead. Documented fields: %s.",
				req.Path, name, validators.DidYouMean(name, graph.WABAWebhookFields), strings.Join(graph.WABAWebhookFields, ", ")))
	}
}
