package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithIdentity = (*subscribedAppResource)(nil)

// subscribedAppIdentity names a subscription by its WABA alone: the
// subscribed app is always the one that owns the provider's token.
type subscribedAppIdentity struct {
	WABAID types.String `tfsdk:"waba_id"`
}

func newSubscribedAppIdentity(waba string) subscribedAppIdentity {
	return subscribedAppIdentity{WABAID: types.StringValue(waba)}
}

func (r *subscribedAppResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"waba_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "ID of the WhatsApp Business Account the token's app is subscribed to.",
			},
		},
	}
}
