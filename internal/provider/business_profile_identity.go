package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
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

// privateState is the part of a request's private state a read uses.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// wasImported reports whether the resource was imported and not read since.
func wasImported(ctx context.Context, private privateState) (bool, diag.Diagnostics) {
	if private == nil {
		return false, nil
	}
	v, diags := private.GetKey(ctx, importedKey)
	return string(v) == "true", diags
}

func verticalValidator() validator.String {
	return validators.KnownValueWithSuggestion("vertical", graph.BusinessVerticals...)
}
