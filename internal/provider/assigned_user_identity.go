package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var _ resource.ResourceWithIdentity = (*assignedUserResource)(nil)

// assignedUserIdentity names an assignment: the WABA and the user. The
// business is how Graph lists the edge, not part of the assignment, so an
// import by identity takes it from the provider or asks Graph for the WABA's
// owner, as an import by <waba_id>/<user_id> does.
type assignedUserIdentity struct {
	WABAID types.String `tfsdk:"waba_id"`
	UserID types.String `tfsdk:"user_id"`
}

func newAssignedUserIdentity(waba, user string) assignedUserIdentity {
	return assignedUserIdentity{WABAID: types.StringValue(waba), UserID: types.StringValue(user)}
}

func (r *assignedUserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"waba_id": identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the WhatsApp Business Account."},
			"user_id": identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the assigned business user or system user."},
		},
	}
}

// importByIdentity reads an import block's identity. business_id comes from
// the provider when it has one; otherwise Read asks Graph for the WABA's
// owner.
func (r *assignedUserResource) importByIdentity(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var id assignedUserIdentity
	resp.Diagnostics.Append(req.Identity.Get(ctx, &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	waba, user := id.WABAID.ValueString(), id.UserID.ValueString()
	for _, part := range []struct{ name, value, example string }{{"waba_id", waba, "102290129340398"}, {"user_id", user, "1972555232742222"}} {
		if !validators.IsNumericID(part.value) {
			resp.Diagnostics.AddAttributeError(path.Root(part.name), "Invalid import identity",
				fmt.Sprintf("whatsapp_assigned_user's identity %s must be a numeric Graph ID, e.g. %q; got %q.", part.name, part.example, part.value))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	business := ""
	if r.data != nil {
		business = r.data.businessID
	}
	r.importState(ctx, assignedUserImportID{WABA: waba, Business: business, User: user}, resp)
}
