package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithModifyPlan = (*qrCodeResource)(nil)

// ModifyPlan leaves qr_image_url unknown when an update will fetch a new
// one (a new format or message); otherwise the state's URL is kept, so the
// short-lived URL never shows as a change on its own.
func (r *qrCodeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state qrCodeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.ImageFormat.Equal(state.ImageFormat) && plan.PrefilledMessage.Equal(state.PrefilledMessage) {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("qr_image_url"), types.StringUnknown())...)
}
