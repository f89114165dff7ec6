package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var _ resource.ResourceWithIdentity = (*qrCodeResource)(nil)

// qrCodeIdentity names a code by its number and the code: every call on a
// code addresses the number's message_qrdls edge.
type qrCodeIdentity struct {
	PhoneNumberID types.String `tfsdk:"phone_number_id"`
	Code          types.String `tfsdk:"code"`
}

func newQRCodeIdentity(phone, code string) qrCodeIdentity {
	return qrCodeIdentity{PhoneNumberID: types.StringValue(phone), Code: types.StringValue(code)}
}

func (r *qrCodeResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"phone_number_id": identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the phone number."},
			"code":            identityschema.StringAttribute{RequiredForImport: true, Description: "The QR code's code."},
		},
	}
}

func (r *qrCodeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var phone, code string
	if importingByIdentity(req) {
		var id qrCodeIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &id)...)
		if resp.Diagnostics.HasError() {
			return
		}
		phone, code = id.PhoneNumberID.ValueString(), id.Code.ValueString()
		if !validators.IsNumericID(phone) || code == "" {
			resp.Diagnostics.AddError("Invalid import identity",
				fmt.Sprintf("%s's identity needs phone_number_id, a numeric Graph ID such as \"106540352242922\", and code; got %q and %q.", qrCodeType, phone, code))
		}
	} else {
		var ok bool
		if phone, code, ok = parseQRCodeID(req.ID); !ok {
			resp.Diagnostics.AddError("Invalid import ID",
				fmt.Sprintf("%s is imported by <phone_number_id>/<code> (the resource's id), e.g. \"106540352242922/ANED2T5QRU7HG1\"; got %q.", qrCodeType, req.ID))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	setIdentity(ctx, resp.Identity, newQRCodeIdentity(phone, code), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), phone+"/"+code)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("phone_number_id"), phone)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("code"), code)...)
}

// parseQRCodeID reads "<phone_number_id>/<code>".
func parseQRCodeID(id string) (phone, code string, ok bool) {
	phone, code, found := strings.Cut(id, "/")
	return phone, code, found && validators.IsNumericID(phone) && code != "" && !strings.Contains(code, "/")
}
