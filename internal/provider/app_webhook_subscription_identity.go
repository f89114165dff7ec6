package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var _ resource.ResourceWithIdentity = (*appWebhookSubscriptionResource)(nil)

// appWebhookSubscriptionIdentity names an app's webhook subscription the way
// Graph keys it: the app and the object type. The resource manages only
// whatsapp_business_account, so object is optional in an import block.
type appWebhookSubscriptionIdentity struct {
	AppID  types.String `tfsdk:"app_id"`
	Object types.String `tfsdk:"object"`
}

func newAppWebhookSubscriptionIdentity(app string) appWebhookSubscriptionIdentity {
	return appWebhookSubscriptionIdentity{AppID: types.StringValue(app), Object: types.StringValue(graph.WABAWebhookObject)}
}

func (r *appWebhookSubscriptionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"app_id": identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the app (the provider's app_id)."},
			"object": identityschema.StringAttribute{
				OptionalForImport: true,
				Description:       "The object type the webhooks are for: always " + graph.WABAWebhookObject + ", the default.",
			},
		},
	}
}

// identityImportID reads an import block's identity as the app ID an import
// by ID would name, refusing any object but whatsapp_business_account.
func (r *appWebhookSubscriptionResource) identityImportID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	var id appWebhookSubscriptionIdentity
	diags.Append(req.Identity.Get(ctx, &id)...)
	if diags.HasError() {
		return ""
	}
	if object := id.Object.ValueString(); object != "" && object != graph.WABAWebhookObject {
		diags.AddAttributeError(path.Root("object"), "Invalid import identity",
			fmt.Sprintf("whatsapp_app_webhook_subscription manages only the app's %s webhooks; set object = %q or leave it out, got %q.",
				graph.WABAWebhookObject, graph.WABAWebhookObject, object))
		return ""
	}
	if !validators.IsNumericID(id.AppID.ValueString()) {
		diags.AddAttributeError(path.Root("app_id"), "Invalid import identity",
			"whatsapp_app_webhook_subscription's identity app_id must be the app ID, e.g. \"670843887433847\"; got \""+id.AppID.ValueString()+"\".")
		return ""
	}
	return id.AppID.ValueString()
}
