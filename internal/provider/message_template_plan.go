package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Meta's edit limits of an APPROVED template: one edit a day, ten in 30
// days. Only edits this provider made are known; Graph judges the rest.
const (
	editGap          = 24 * time.Hour
	editWindow       = 30 * 24 * time.Hour
	editsPerWindow   = 10
	editsKey         = "approved_edits"
	deletedNameLock  = "30 days"
	editableStatuses = "APPROVED, REJECTED or PAUSED"
)

// ModifyPlan hashes the header's media file, and fails at plan an edit Meta
// would refuse: a template not in an editable status, a category change on
// an APPROVED template, or an edit past Meta's budget. It warns where a
// plan would lock a name for 30 days, and fails a destroy Meta refuses.
func (r *messageTemplateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if unchangedWithoutMedia(ctx, req) {
		// The common case of a refresh of many templates: nothing to
		// compute, and decoding the whole model for each costs.
		return
	}
	var state *messageTemplateModel
	if !req.State.Raw.IsNull() {
		state = &messageTemplateModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if req.Plan.Raw.IsNull() {
		if state != nil {
			planDestroy(*state, &resp.Diagnostics)
		}
		return
	}
	var plan messageTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.HeaderMediaSHA256 = mediaHash(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if needsUpload(plan, state) && r.data != nil && r.data.client.AppID() == "" {
		resp.Diagnostics.AddAttributeError(path.Root("header").AtName("media_file"), "Missing app ID for the media upload",
			"A media header's sample goes through Meta's Resumable Upload API, which opens the upload on the app: set app_id in the provider block or the "+
				EnvAppID+" environment variable.")
		return
	}
	if state == nil {
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	if replaced := !plan.Name.Equal(state.Name) || !plan.Language.Equal(state.Language) || !plan.ParameterFormat.Equal(state.ParameterFormat); replaced {
		if state.Status.ValueString() == "APPROVED" {
			resp.Diagnostics.AddWarning("Replacing an approved template locks its name",
				fmt.Sprintf("Template %q in %s is APPROVED: replacing it deletes it, and Meta keeps its name in that language locked for %s. "+
					"The new template needs Meta's review before it can be sent.", state.Name.ValueString(), state.Language.ValueString(), deletedNameLock))
		}
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	edits, d := r.plannedEdit(ctx, plan, *state)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if edits {
		prior, d := editHistory(ctx, req.Private)
		resp.Diagnostics.Append(d...)
		checkEditable(plan, *state, prior, r.now(), &resp.Diagnostics)
		plan.Status, plan.RejectedReason = types.StringUnknown(), types.StringUnknown()
	} else {
		plan.Status, plan.RejectedReason = state.Status, state.RejectedReason
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// unchangedWithoutMedia reports whether the plan is the state and the
// template has no media file, whose content may have changed under the same
// path.
func unchangedWithoutMedia(ctx context.Context, req resource.ModifyPlanRequest) bool {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var file types.String
	diags := req.Plan.GetAttribute(ctx, path.Root("header").AtName("media_file"), &file)
	return !diags.HasError() && file.IsNull()
}

func (r *messageTemplateResource) now() time.Time {
	if r.data == nil {
		return time.Now()
	}
	return r.data.client.Now()
}

// plannedEdit reports whether the update sends an edit.
func (r *messageTemplateResource) plannedEdit(ctx context.Context, plan, state messageTemplateModel) (bool, diag.Diagnostics) {
	if plan.Category.IsUnknown() || !plan.Category.Equal(state.Category) {
		return true, nil
	}
	if !plan.MessageSendTTLSeconds.IsUnknown() && !plan.MessageSendTTLSeconds.IsNull() && !plan.MessageSendTTLSeconds.Equal(state.MessageSendTTLSeconds) {
		return true, nil
	}
	return componentsChanged(ctx, plan, state)
}

// checkEditable fails the plan of an edit Meta would refuse, saying why and
// when it becomes possible.
func checkEditable(plan, state messageTemplateModel, prior []time.Time, now time.Time, diags *diag.Diagnostics) {
	name, status := state.Name.ValueString(), state.Status.ValueString()
	if !slices.Contains([]string{"APPROVED", "REJECTED", "PAUSED"}, status) {
		detail := fmt.Sprintf("Template %q is %s: Meta edits only %s templates. %s", name, status, editableStatuses, untilEditable(status))
		if !plan.Category.Equal(state.Category) {
			detail += fmt.Sprintf(" Graph holds the template as %s: if Meta chose that category, set category = %q to accept it.",
				state.Category.ValueString(), state.Category.ValueString())
		}
		diags.AddError("Template cannot be edited now", detail)
		return
	}
	if status != "APPROVED" {
		return
	}
	if !plan.Category.Equal(state.Category) {
		detail := fmt.Sprintf("Template %q is APPROVED, and Meta does not allow the category of an approved template to change (%s to %s).",
			name, state.Category.ValueString(), plan.Category.ValueString())
		if !state.PreviousCategory.IsNull() {
			detail += fmt.Sprintf(" Meta itself moved it from %s to %s: set category = %q to accept Meta's category.",
				state.PreviousCategory.ValueString(), state.Category.ValueString(), state.Category.ValueString())
		} else {
			detail += " To use another category, create a template under a new name."
		}
		diags.AddAttributeError(path.Root("category"), "Category of an approved template cannot change", detail)
		return
	}
	var recent []time.Time
	for _, t := range prior {
		if now.Sub(t) < editWindow {
			recent = append(recent, t)
		}
	}
	if len(recent) > 0 {
		if last := slices.MaxFunc(recent, func(a, b time.Time) int { return a.Compare(b) }); now.Sub(last) < editGap {
			diags.AddError("Template edited less than a day ago",
				fmt.Sprintf("Template %q is APPROVED and was edited by this configuration at %s: Meta allows one edit of an approved template per 24 hours. "+
					"The edit becomes possible at %s.", name, last.UTC().Format(time.RFC3339), last.Add(editGap).UTC().Format(time.RFC3339)))
			return
		}
	}
	if len(recent) >= editsPerWindow {
		oldest := slices.MinFunc(recent, func(a, b time.Time) int { return a.Compare(b) })
		diags.AddError("Template edit budget spent",
			fmt.Sprintf("Template %q is APPROVED and was edited %d times in the last 30 days: Meta allows %d. The next edit becomes possible at %s.",
				name, len(recent), editsPerWindow, oldest.Add(editWindow).UTC().Format(time.RFC3339)))
	}
}

// untilEditable says when a template in status can be edited.
func untilEditable(status string) string {
	switch status {
	case "PENDING", "IN_APPEAL":
		return "Wait until Meta's review ends (a refresh shows the status; wait_for_review waits for it), then plan again."
	case "DISABLED":
		return "A disabled template cannot be edited; create a template under a new name."
	default:
		return "Plan again once Meta has changed its status."
	}
}

// planDestroy fails the destroy of a template Meta will not delete, and
// warns where a destroy locks a name.
func planDestroy(state messageTemplateModel, diags *diag.Diagnostics) {
	name, language := state.Name.ValueString(), state.Language.ValueString()
	switch state.Status.ValueString() {
	case "DISABLED":
		diags.AddError("Disabled template cannot be deleted",
			fmt.Sprintf("Meta does not delete a DISABLED template, so destroying %q in %s would fail. To stop managing it, use a removed block "+
				"(removed { from = <address> lifecycle { destroy = false } }) or terraform state rm.", name, language))
	case "APPROVED":
		diags.AddWarning("Deleting an approved template locks its name",
			fmt.Sprintf("Template %q in %s is APPROVED: once deleted, Meta keeps its name in that language locked for %s.", name, language, deletedNameLock))
	}
}

// editHistory is when this configuration edited the template while it was
// APPROVED, from private state.
func editHistory(ctx context.Context, private privateReader) ([]time.Time, diag.Diagnostics) {
	data, diags := private.GetKey(ctx, editsKey)
	if len(data) == 0 || diags.HasError() {
		return nil, diags
	}
	var times []time.Time
	if err := json.Unmarshal(data, &times); err != nil {
		diags.AddWarning("Edit history unreadable", "The record of this template's edits could not be read, so Meta's edit limits are left to Graph: "+err.Error())
		return nil, diags
	}
	return times, diags
}

// recordEdit adds an edit at now to the history, dropping what is older
// than Meta's 30-day window.
func recordEdit(ctx context.Context, prior privateReader, next privateWriter, now time.Time) diag.Diagnostics {
	times, diags := editHistory(ctx, prior)
	kept := []time.Time{now.UTC()}
	for _, t := range times {
		if now.Sub(t) < editWindow {
			kept = append(kept, t)
		}
	}
	data, err := json.Marshal(kept)
	if err != nil {
		diags.AddError("Edit history not saved", err.Error())
		return diags
	}
	diags.Append(next.SetKey(ctx, editsKey, data)...)
	return diags
}

// mediaHash is the SHA-256 of the header's media file, unknown while the
// path is.
func mediaHash(ctx context.Context, plan messageTemplateModel, diags *diag.Diagnostics) types.String {
	if plan.Header.IsUnknown() {
		return types.StringUnknown()
	}
	p, d := plan.parts(ctx)
	diags.Append(d...)
	if p.header == nil || p.header.MediaFile.IsNull() {
		return types.StringNull()
	}
	if p.header.MediaFile.IsUnknown() {
		return types.StringUnknown()
	}
	f, err := readMediaFile(p.header.MediaFile.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("header").AtName("media_file"), "Unusable header media file",
			fmt.Sprintf("The header media %q cannot be used: %s.", p.header.MediaFile.ValueString(), err))
		return types.StringUnknown()
	}
	return types.StringValue(f.sha256)
}

// needsUpload reports whether applying the plan uploads a media file.
func needsUpload(plan messageTemplateModel, state *messageTemplateModel) bool {
	if plan.HeaderMediaSHA256.IsNull() {
		return false
	}
	return state == nil || !plan.HeaderMediaSHA256.Equal(state.HeaderMediaSHA256)
}

// templateMediaValidator refuses, at validate, a media file that cannot be
// read or does not match the header's format.
type templateMediaValidator struct{}

func (templateMediaValidator) Description(context.Context) string {
	return "header.media_file must be a readable file of the header's format"
}

func (v templateMediaValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (templateMediaValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var format, file types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("header").AtName("format"), &format)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("header").AtName("media_file"), &file)...)
	if resp.Diagnostics.HasError() || file.IsNull() || file.IsUnknown() || format.IsUnknown() {
		return
	}
	kind, ok := mediaFormatTypes[format.ValueString()]
	if !ok {
		return // templateConfigValidator says media_file does not belong
	}
	if _, err := readUploadFile(file.ValueString(), kind.what, kind.types...); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("header").AtName("media_file"), "Unusable header media file",
			fmt.Sprintf("The %s header's sample %q cannot be used: %s. Relative paths are relative to the directory Terraform runs in; "+
				"\"${path.module}/sample.png\" is the usual form.", format.ValueString(), file.ValueString(), err))
	}
}

// jsontypesNormalized wraps a string as extra_components_json's type.
func jsontypesNormalized(s types.String) jsontypes.Normalized {
	return jsontypes.Normalized{StringValue: s}
}
