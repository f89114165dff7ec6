package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ resource.ResourceWithIdentity = (*businessProfileResource)(nil)

// importedKey marks, in private state, a profile just imported: its first
// read takes every field Graph holds, where later reads keep to the managed
// ones.
const importedKey = "imported"

func (r *businessProfileResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = phoneNumberIdentitySchema()
}

func (r *businessProfileResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importPhoneNumberSingleton(ctx, businessProfileType, req, resp)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte("true"))...)
	}
}

// wasImported reports whether the resource was imported and not read since.
func wasImported(ctx context.Context, private privateReader) (bool, diag.Diagnostics) {
	v, diags := private.GetKey(ctx, importedKey)
	return string(v) == "true", diags
}
