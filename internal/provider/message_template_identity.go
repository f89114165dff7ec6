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

var _ resource.ResourceWithIdentity = (*messageTemplateResource)(nil)

// messageTemplateIdentity names a template the way Meta does: one name in
// one language of a WABA. The ID changes when a template is replaced; the
// name and language are what a configuration holds.
type messageTemplateIdentity struct {
	WABAID   types.String `tfsdk:"waba_id"`
	Name     types.String `tfsdk:"name"`
	Language types.String `tfsdk:"language"`
}

func newMessageTemplateIdentity(waba, name, language string) messageTemplateIdentity {
	return messageTemplateIdentity{WABAID: types.StringValue(waba), Name: types.StringValue(name), Language: types.StringValue(language)}
}

func (r *messageTemplateResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"waba_id":  identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the WhatsApp Business Account."},
			"name":     identityschema.StringAttribute{RequiredForImport: true, Description: "The template's name."},
			"language": identityschema.StringAttribute{RequiredForImport: true, Description: "The template's language code, such as en_US."},
		},
	}
}

// ImportState takes <waba_id>/<template_id>, <waba_id>/<name>/<language>
// or the identity. By name, the first read finds the ID.
func (r *messageTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var waba, id, name, language string
	if importingByIdentity(req) {
		var ident messageTemplateIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &ident)...)
		if resp.Diagnostics.HasError() {
			return
		}
		waba, name, language = ident.WABAID.ValueString(), ident.Name.ValueString(), ident.Language.ValueString()
		if !validators.IsNumericID(waba) || !templateNamePattern.MatchString(name) || !templateLanguagePattern.MatchString(language) {
			resp.Diagnostics.AddError("Invalid import identity",
				fmt.Sprintf("%s's identity is a numeric waba_id, a template name (lower-case letters, digits, underscores) and a language code such as en_US; "+
					"got waba_id %q, name %q, language %q.", messageTemplateType, waba, name, language))
			return
		}
	} else {
		parts := strings.Split(req.ID, "/")
		switch {
		case len(parts) == 2 && validators.IsNumericID(parts[0]) && validators.IsNumericID(parts[1]):
			waba, id = parts[0], parts[1]
		case len(parts) == 3 && validators.IsNumericID(parts[0]) && templateNamePattern.MatchString(parts[1]) && templateLanguagePattern.MatchString(parts[2]):
			waba, name, language = parts[0], parts[1], parts[2]
		default:
			resp.Diagnostics.AddError("Invalid import ID",
				fmt.Sprintf("%s is imported by <waba_id>/<template_id>, such as \"102290129340398/1192339204654487\", or by "+
					"<waba_id>/<name>/<language>, such as \"102290129340398/order_update/en_US\"; got %q.", messageTemplateType, req.ID))
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("waba_id"), waba)...)
	if id != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("language"), language)...)
	setIdentity(ctx, resp.Identity, newMessageTemplateIdentity(waba, name, language), &resp.Diagnostics)
}
