package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// WABAWebhookFields are the whatsapp_business_account webhook fields Meta
// documents: the Manage Webhooks list and the override page's additions.
// Other names get a plan-time warning, not an error, since Meta adds fields
// faster than this list can follow.
var WABAWebhookFields = []string{
	"account_alerts", "account_review_update", "account_settings_update", "account_update", "automatic_events",
	"business_capability_update", "calls", "consumer_profile", "group_lifecycle_update", "group_participants_update",
	"group_settings_update", "group_status_update", "history", "message_echoes", "message_template_components_update",
	"message_template_quality_update", "message_template_status_update", "messages", "messaging_handovers",
	"partner_solutions", "payment_configuration_update", "phone_number_name_update", "phone_number_quality_update",
	"security", "smb_app_state_sync", "smb_message_echoes", "template_category_update", "user_preferences",
}

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
		if name := s.ValueString(); !slices.Contains(WABAWebhookFields, name) {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	// One warning per name, so that each carries its own suggestion.
	for _, name := range unknown {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Unknown webhook field",
			fmt.Sprintf("%s: %q is not a webhook field Meta documents for the whatsapp_business_account object.%s "+
				"Graph rejects a field it does not know; if this one is newer than the provider, the plan can go ahead. Documented fields: %s.",
				req.Path, name, validators.DidYouMean(name, WABAWebhookFields), strings.Join(WABAWebhookFields, ", ")))
	}
}
