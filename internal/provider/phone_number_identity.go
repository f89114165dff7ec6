package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// phoneNumberIdentity names a per-number singleton (a number's webhook
// override, its conversational automation) by the WABA and the number: the
// WABA is where the provider reads every number's settings at once, so both
// are needed. The resource's id is "<waba_id>/<phone_number_id>".
type phoneNumberIdentity struct {
	WABAID        types.String `tfsdk:"waba_id"`
	PhoneNumberID types.String `tfsdk:"phone_number_id"`
}

func newPhoneNumberIdentity(waba, phone string) phoneNumberIdentity {
	return phoneNumberIdentity{WABAID: types.StringValue(waba), PhoneNumberID: types.StringValue(phone)}
}

// phoneNumberIdentitySchema is the identity schema of every per-number
// singleton.
func phoneNumberIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"waba_id":         identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the WhatsApp Business Account that owns the phone number."},
			"phone_number_id": identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the phone number."},
		},
	}
}

// importPhoneNumberSingleton imports a per-number singleton of typeName by
// identity or by its id, "<waba_id>/<phone_number_id>".
func importPhoneNumberSingleton(ctx context.Context, typeName string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var waba, phone string
	if importingByIdentity(req) {
		var id phoneNumberIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &id)...)
		if resp.Diagnostics.HasError() {
			return
		}
		waba, phone = id.WABAID.ValueString(), id.PhoneNumberID.ValueString()
		for _, part := range []struct{ name, value, example string }{{"waba_id", waba, "102290129340398"}, {"phone_number_id", phone, "106540352242922"}} {
			if !validators.IsNumericID(part.value) {
				resp.Diagnostics.AddAttributeError(path.Root(part.name), "Invalid import identity",
					fmt.Sprintf("%s's identity %s must be a numeric Graph ID, e.g. %q; got %q.", typeName, part.name, part.example, part.value))
			}
		}
	} else {
		var ok bool
		if waba, phone, ok = parsePhoneNumberSingletonID(req.ID); !ok {
			resp.Diagnostics.AddError("Invalid import ID",
				fmt.Sprintf("%s is imported by <waba_id>/<phone_number_id> (the resource's id), each part a numeric Graph ID, "+
					"e.g. \"102290129340398/106540352242922\"; got %q.", typeName, req.ID))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), waba+"/"+phone)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("waba_id"), waba)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("phone_number_id"), phone)...)
}

// parsePhoneNumberSingletonID reads "<waba_id>/<phone_number_id>".
func parsePhoneNumberSingletonID(id string) (waba, phone string, ok bool) {
	waba, phone, found := strings.Cut(id, "/")
	return waba, phone, found && validators.IsNumericID(waba) && validators.IsNumericID(phone)
}

// addPhoneNumberNotListedError stops the create of a per-number singleton
// whose number the WABA does not list: what (such as "override") would be
// set on a number of another account, or on none.
func addPhoneNumberNotListedError(diags *diag.Diagnostics, waba, phone, what string) {
	diags.AddAttributeError(path.Root("phone_number_id"), "Phone number not found",
		fmt.Sprintf("WhatsApp Business Account %s does not list phone number %s, so no %s was set. phone_number_id is the number's Graph ID "+
			"(such as \"106540352242922\"), not the phone number itself; the whatsapp_phone_numbers data source lists the IDs of the account's numbers. "+
			"Check also that waba_id is the account that owns the number.", waba, phone, what))
}
