package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ list.ListResource              = (*messageTemplateList)(nil)
	_ list.ListResourceWithConfigure = (*messageTemplateList)(nil)
)

// NewMessageTemplateList returns the whatsapp_message_template list
// resource: the templates of one WABA, for moving them into code.
func NewMessageTemplateList() list.ListResource { return &messageTemplateList{} }

type messageTemplateList struct{ data *providerData }

type messageTemplateListConfig struct {
	WABAID types.String `tfsdk:"waba_id"`
}

func (l *messageTemplateList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message_template"
}

func (l *messageTemplateList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *messageTemplateList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the message templates of a WhatsApp Business Account, every language of every name: one " +
			"`GET /{waba-id}/message_templates` per page, the read a plan of the account's templates shares.",
		Attributes: map[string]schema.Attribute{
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID(graph.ExampleWABAID)},
			},
		},
	}
}

func (l *messageTemplateList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg messageTemplateListConfig
	diags := req.Config.Get(ctx, &cfg)
	if diags.HasError() || !requireConfigured(l.data, &diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = listing(req.Limit, func(p *listPusher) {
		client, waba := l.data.client, cfg.WABAID.ValueString()
		p.diags = diags
		templates, err := client.ListMessageTemplates(ctx, waba, graph.MessageTemplateFilter{})
		if reportGraphCall(&p.diags, client, "list the message templates of WhatsApp Business Account "+waba, err, missingWABAAdvice(err, waba, false)) {
			return
		}
		for _, t := range templates {
			if t.Status == "DELETED" {
				continue
			}
			display := fmt.Sprintf("%s (%s, %s, %s)", t.Name, t.Language, t.Category, t.Status)
			if !p.result(listResult(ctx, req, display, newMessageTemplateIdentity(waba, t.Name, t.Language), func(d *diag.Diagnostics) any {
				return listedTemplate(ctx, waba, t, d)
			})) {
				return
			}
		}
	})
}

// listedTemplate is the resource a listed template would be imported as:
// every component read from Graph.
func listedTemplate(ctx context.Context, waba string, t graph.MessageTemplate, diags *diag.Diagnostics) messageTemplateModel {
	m := messageTemplateModel{
		WABAID: types.StringValue(waba), WaitForReview: types.BoolValue(false), MessageSendTTLSeconds: types.Int64Null(),
		Header: types.ObjectNull(templateHeaderType.AttrTypes), Body: types.ObjectNull(templateBodyType.AttrTypes),
		Footer: types.ObjectNull(templateFooterType.AttrTypes), Buttons: types.ListNull(templateButtonType),
		ExtraComponentsJSON: jsontypesNormalized(types.StringNull()), HeaderMediaSHA256: types.StringNull(),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "update": types.StringType})},
	}
	diags.Append(m.fill(ctx, t)...)
	return m
}
