package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The verify token is write-only and Graph never returns it, so a
// configuration written by terraform plan -generate-config-out after an
// import always lacks it. These validators replace the framework's generic
// "must be configured together" and "required" errors with the lines to add.

// subscribedAppVerifyToken requires verify_token_wo exactly when
// override_callback_uri is set: Meta sends the token only to an override.
type subscribedAppVerifyToken struct{}

var _ resource.ConfigValidator = subscribedAppVerifyToken{}

func (subscribedAppVerifyToken) Description(context.Context) string {
	return "verify_token_wo must be set when, and only when, override_callback_uri is set"
}

func (subscribedAppVerifyToken) MarkdownDescription(context.Context) string {
	return "`verify_token_wo` must be set when, and only when, `override_callback_uri` is set"
}

func (subscribedAppVerifyToken) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var uri, token types.String
	var version types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("override_callback_uri"), &uri)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("verify_token_wo"), &token)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("verify_token_wo_version"), &version)...)
	if resp.Diagnostics.HasError() || uri.IsUnknown() || token.IsUnknown() {
		return // known only at apply: nothing to judge yet
	}
	switch {
	case !uri.IsNull() && token.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("verify_token_wo"), "Missing verify_token_wo",
			"override_callback_uri is set, so Meta needs the verify token it sends to that URL. "+addVerifyTokenAdvice(version))
	case uri.IsNull() && !token.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("verify_token_wo"), "verify_token_wo without override_callback_uri",
			"verify_token_wo is set but override_callback_uri is not. Meta sends the verify token only to a WhatsApp Business Account's "+
				"override_callback_uri, when it checks that URL; without one, this account's webhooks go to the app's callback URL, whose token "+
				"is set on whatsapp_app_webhook_subscription (or in the App Dashboard). Set override_callback_uri, or remove verify_token_wo "+
				"and verify_token_wo_version from this resource.")
	}
}

// requireVerifyToken requires verify_token_wo on a resource whose callback
// Meta verifies with it; why says when it does. The attribute is optional in
// the schema so that this message, not the framework's "Missing
// Configuration for Required Attribute", is what a generated configuration
// meets.
type requireVerifyToken struct{ why string }

var _ resource.ConfigValidator = requireVerifyToken{}

// appWebhookVerifyToken: Graph verifies callback_url at every change of the
// app's subscription.
var appWebhookVerifyToken = requireVerifyToken{why: "Meta verifies callback_url with a verify token at every change of the subscription"}

// phoneNumberWebhookVerifyToken: Meta verifies override_callback_uri
// whenever the override is set.
var phoneNumberWebhookVerifyToken = requireVerifyToken{why: "Meta verifies override_callback_uri with a verify token whenever the override is set"}

func (requireVerifyToken) Description(context.Context) string {
	return "verify_token_wo must be set"
}

func (requireVerifyToken) MarkdownDescription(context.Context) string {
	return "`verify_token_wo` must be set"
}

func (v requireVerifyToken) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var token types.String
	var version types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("verify_token_wo"), &token)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("verify_token_wo_version"), &version)...)
	if resp.Diagnostics.HasError() || !token.IsNull() {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("verify_token_wo"), "Missing verify_token_wo",
		v.why+", so it needs the token it sends to that URL. "+addVerifyTokenAdvice(version))
}

// addVerifyTokenAdvice says which lines to add, leaving out
// verify_token_wo_version when the configuration already has it.
func addVerifyTokenAdvice(version attr.Value) string {
	lines := "  verify_token_wo         = var.webhook_verify_token # an ephemeral variable\n"
	if version.IsNull() {
		lines += "  verify_token_wo_version = 1\n"
	}
	return "Add to this resource:\n\n" + lines + "\nand declare the variable with sensitive = true and ephemeral = true. " +
		"Graph never returns the token, so an imported or generated configuration cannot contain it."
}
