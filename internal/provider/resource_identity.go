package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// setIdentity stores a resource's identity: what import blocks with
// identity (Terraform 1.12+) and terraform query name it by. Terraform before
// 1.12 neither sends nor keeps one, but the framework requires it after
// every successful create, read and update all the same, so every path that
// keeps the resource sets it.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, value any, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	diags.Append(identity.Set(ctx, value)...)
}

// importingByIdentity reports whether the import came from an import block
// with identity rather than an import ID.
func importingByIdentity(req resource.ImportStateRequest) bool {
	return req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull()
}
