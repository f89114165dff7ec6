package provider

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// pictureFileValidator refuses, at validate and plan, a picture file that
// cannot be read or is not an image Graph takes.
type pictureFileValidator struct{}

func (pictureFileValidator) Description(context.Context) string {
	return "profile_picture_file must be a readable JPEG or PNG file"
}

func (v pictureFileValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (pictureFileValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("profile_picture_file"), &name)...)
	if name.IsNull() || name.IsUnknown() {
		return
	}
	if _, err := readPictureFile(name.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("profile_picture_file"), "Unusable profile picture file",
			fmt.Sprintf("The profile picture %q cannot be used: %s. Give the path of a JPEG or PNG file; relative paths are relative to the "+
				"directory Terraform runs in, so \"${path.module}/logo.png\" is the usual form.", name.ValueString(), err))
	}
}

// ModifyPlan computes the picture's hash from the file, keeps a refreshed
// picture URL from showing as a change, and warns where the plan leaves
// something on WhatsApp that the configuration no longer names.
func (r *businessProfileResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		if !req.State.Raw.IsNull() {
			resp.Diagnostics.AddWarning("Destroying leaves the business profile as it is",
				"Graph cannot delete a phone number's business profile: destroying "+businessProfileType+" removes it from the Terraform state "+
					"and changes nothing on WhatsApp.")
		}
		return
	}
	var plan businessProfileModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *businessProfileModel
	if !req.State.Raw.IsNull() {
		state = &businessProfileModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case plan.ProfilePictureFile.IsUnknown():
		plan.ProfilePictureSHA256 = types.StringUnknown()
	case plan.ProfilePictureFile.IsNull():
		// Without a file the picture, if any, stays on WhatsApp untracked.
		plan.ProfilePictureSHA256 = types.StringNull()
	default:
		f, err := readPictureFile(plan.ProfilePictureFile.ValueString())
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("profile_picture_file"), "Unusable profile picture file",
				fmt.Sprintf("The profile picture %q cannot be used: %s.", plan.ProfilePictureFile.ValueString(), err))
			return
		}
		plan.ProfilePictureSHA256 = types.StringValue(f.sha256)
	}
	plan.ProfilePictureURL = types.StringUnknown()
	if state != nil && !pictureChanged(&plan, state) {
		plan.ProfilePictureURL = state.ProfilePictureURL
	}
	if pictureChanged(&plan, state) && r.data != nil && r.data.client.AppID() == "" {
		// Caught here, before any write, rather than half-way through the
		// apply.
		resp.Diagnostics.AddAttributeError(path.Root("profile_picture_file"), "Missing app ID for the picture upload",
			"Uploading a profile picture goes through Meta's Resumable Upload API, which opens the upload on the app: set app_id in the "+
				"provider block or the "+EnvAppID+" environment variable.")
		return
	}
	if state != nil {
		warnUnmanagedProfileFields(&plan, state, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// warnUnmanagedProfileFields says which fields leave the configuration
// without being cleared, since Graph has no empty value for them.
func warnUnmanagedProfileFields(plan, state *businessProfileModel, diags *diag.Diagnostics) {
	for _, f := range []struct {
		name           string
		planned, prior types.String
	}{{"about", plan.About, state.About}, {"vertical", plan.Vertical, state.Vertical}, {"profile_picture_file", plan.ProfilePictureFile, state.ProfilePictureFile}} {
		if f.planned.IsNull() && !f.prior.IsNull() {
			diags.AddAttributeWarning(path.Root(f.name), "Left as it is on WhatsApp",
				fmt.Sprintf("%s was removed from the configuration, but Graph cannot clear it: the profile keeps its current value, "+
					"which Terraform no longer manages.", f.name))
		}
	}
}

// pictureChanged reports whether the plan sets a picture other than the one
// the state uploaded (state is nil on a create).
func pictureChanged(plan, state *businessProfileModel) bool {
	if plan.ProfilePictureSHA256.IsNull() {
		return false
	}
	return state == nil || !plan.ProfilePictureSHA256.Equal(state.ProfilePictureSHA256)
}

// uploadPicture uploads the planned file and returns its handle. The file
// must still be what the plan hashed.
func (r *businessProfileResource) uploadPicture(ctx context.Context, plan *businessProfileModel, diags *diag.Diagnostics) (string, bool) {
	name := plan.ProfilePictureFile.ValueString()
	f, err := readPictureFile(name)
	if err != nil {
		diags.AddAttributeError(path.Root("profile_picture_file"), "Unusable profile picture file",
			fmt.Sprintf("The profile picture %q cannot be used: %s.", name, err))
		return "", false
	}
	if f.sha256 != plan.ProfilePictureSHA256.ValueString() {
		diags.AddAttributeError(path.Root("profile_picture_file"), "Profile picture changed since the plan",
			fmt.Sprintf("The content of %q changed between plan and apply, so it was not uploaded. Run terraform plan again.", name))
		return "", false
	}
	client := r.data.client
	handle, err := client.UploadFile(ctx, filepath.Base(name), f.mimeType, f.data)
	if reportGraphCall(diags, client, fmt.Sprintf("upload the profile picture %q", name), err) {
		return "", false
	}
	return handle, true
}
