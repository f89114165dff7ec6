package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// removeFromStateWithWarning drops a resource that was deleted outside
// Terraform, so the next plan creates it again, and says so: a silent removal
// leaves users wondering why a create appeared.
func removeFromStateWithWarning(ctx context.Context, resp *resource.ReadResponse, typeName, what string) {
	tflog.Warn(ctx, "resource deleted outside Terraform; removing it from state", map[string]any{"resource_type": typeName})
	resp.State.RemoveResource(ctx)
	resp.Diagnostics.AddWarning(typeName+" deleted outside Terraform",
		what+", so it has been removed from the Terraform state. The next plan will create it again; "+
			"if it should no longer exist, remove it from the configuration.")
}
