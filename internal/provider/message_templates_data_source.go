package provider

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ datasource.DataSource              = (*messageTemplatesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*messageTemplatesDataSource)(nil)
)

var (
	// templateNamePattern is the form Meta requires of template names:
	// lower-case letters, digits and underscores, at most 512 characters.
	templateNamePattern = regexp.MustCompile(`^[a-z0-9_]{1,512}$`)
	// templateLanguagePattern matches Meta's template language codes, such
	// as en, en_US, pt_BR or fil.
	templateLanguagePattern = regexp.MustCompile(`^[a-z]{2,3}(_[A-Z]{2})?$`)
)

// NewMessageTemplatesDataSource returns the whatsapp_message_templates data source.
func NewMessageTemplatesDataSource() datasource.DataSource { return &messageTemplatesDataSource{} }

type messageTemplatesDataSource struct{ data *providerData }

type messageTemplatesModel struct {
	WABAID    types.String `tfsdk:"waba_id"`
	Name      types.String `tfsdk:"name"`
	Status    types.Set    `tfsdk:"status"`
	Category  types.Set    `tfsdk:"category"`
	Language  types.Set    `tfsdk:"language"`
	Templates types.List   `tfsdk:"templates"`
}

// messageTemplateAttributes describe one item of templates.
var messageTemplateAttributes = map[string]schema.Attribute{
	"id":                       computedString("Template ID."),
	"name":                     computedString("Template name; one name can have one template per language."),
	"language":                 computedString("Language code, e.g. `en_US`."),
	"category":                 computedString("`AUTHENTICATION`, `MARKETING` or `UTILITY`."),
	"status":                   computedString("Review status, e.g. `APPROVED`, `PENDING`, `REJECTED` or `PAUSED`."),
	"quality_score":            computedString("Quality score (`GREEN`, `YELLOW`, `RED` or `UNKNOWN`), or null when Graph reports none."),
	"rejected_reason":          computedString("Why the template was rejected (e.g. `PROMOTIONAL`, `NONE` when it was not), or null when Graph reports none."),
	"components_json":          computedString("The template's components (header, body, footer, buttons...) as a JSON array; decode with `jsondecode()`. Null when Graph reports none."),
	"previous_category":        computedString("The category before Meta changed it, or null when it did not."),
	"parameter_format":         computedString("`POSITIONAL` (variables `{{1}}`...) or `NAMED` (variables such as `{{first_name}}`); Graph leaving it out reads as `POSITIONAL`."),
	"message_send_ttl_seconds": computedInt64("How long WhatsApp tries to deliver a message of the template, in seconds, or null when Meta's default applies."),
}

func (d *messageTemplatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message_templates"
}

func (d *messageTemplatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *messageTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	filterSet := func(desc string, valid validator.String) schema.SetAttribute {
		return schema.SetAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			ElementType:         types.StringType,
			Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(valid)},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists a WhatsApp Business Account's message templates (`/{waba-id}/message_templates`), optionally " +
			"filtered by name, status, category and language. The filters are applied by Graph.",
		Attributes: map[string]schema.Attribute{
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Only list templates with this name (all their languages). Template names are lower-case letters, digits and underscores.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(templateNamePattern,
					"must be a template name: lower-case letters, digits and underscores, at most 512 characters")},
			},
			"status": filterSet("Only list templates in one of these statuses: `"+strings.Join(graph.TemplateStatuses, "`, `")+"`.",
				validators.OneOfWithSuggestion("template status", graph.TemplateStatuses...)),
			"category": filterSet("Only list templates in one of these categories: `"+strings.Join(graph.TemplateCategories, "`, `")+"`.",
				validators.OneOfWithSuggestion("template category", graph.TemplateCategories...)),
			"language": filterSet("Only list templates in one of these languages, as Meta's language codes such as `en_US` or `es`.",
				stringvalidator.RegexMatches(templateLanguagePattern, "must be a template language code such as en, en_US or pt_BR")),
			"templates": computedObjectList("The matching templates, in the order Graph lists them; empty when none matches.", messageTemplateAttributes),
		},
	}
}

func (d *messageTemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model messageTemplatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !requireConfigured(d.data, &resp.Diagnostics) {
		return
	}
	filter := graph.MessageTemplateFilter{Name: model.Name.ValueString()}
	for _, f := range []struct {
		set  types.Set
		into *[]string
	}{{model.Status, &filter.Status}, {model.Category, &filter.Category}, {model.Language, &filter.Language}} {
		if !f.set.IsNull() {
			resp.Diagnostics.Append(f.set.ElementsAs(ctx, f.into, false)...)
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	waba := model.WABAID.ValueString()
	templates, err := d.data.client.ListMessageTemplates(ctx, waba, filter)
	if reportGraphCall(&resp.Diagnostics, d.data.client, "list the message templates of WhatsApp Business Account "+waba,
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	model.Templates = messageTemplatesValue(templates, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func messageTemplatesValue(templates []graph.MessageTemplate, diags *diag.Diagnostics) types.List {
	return objectList(templates, messageTemplateAttributes, func(t graph.MessageTemplate) map[string]attr.Value {
		return map[string]attr.Value{
			"id": types.StringValue(t.ID), "name": emptyAsNull(t.Name), "language": emptyAsNull(t.Language),
			"category": emptyAsNull(t.Category), "status": emptyAsNull(t.Status),
			"quality_score":            types.StringPointerValue(t.QualityScore),
			"rejected_reason":          types.StringPointerValue(t.RejectedReason),
			"components_json":          emptyAsNull(t.ComponentsJSON),
			"previous_category":        types.StringPointerValue(t.PreviousCategory),
			"parameter_format":         types.StringValue(parameterFormatOf(t)),
			"message_send_ttl_seconds": types.Int64PointerValue(t.MessageSendTTLSeconds),
		}
	}, diags)
}

// parameterFormatOf is the template's parameter format; Graph leaving it out
// means POSITIONAL, the default.
func parameterFormatOf(t graph.MessageTemplate) string {
	if t.ParameterFormat == nil || *t.ParameterFormat == "" {
		return "POSITIONAL"
	}
	return *t.ParameterFormat
}
