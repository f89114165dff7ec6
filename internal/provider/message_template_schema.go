package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// messageTemplateModel is whatsapp_message_template's configuration and
// state.
type messageTemplateModel struct {
	ID                    types.String         `tfsdk:"id"`
	WABAID                types.String         `tfsdk:"waba_id"`
	Name                  types.String         `tfsdk:"name"`
	Language              types.String         `tfsdk:"language"`
	Category              types.String         `tfsdk:"category"`
	ParameterFormat       types.String         `tfsdk:"parameter_format"`
	MessageSendTTLSeconds types.Int64          `tfsdk:"message_send_ttl_seconds"`
	Header                types.Object         `tfsdk:"header"`
	Body                  types.Object         `tfsdk:"body"`
	Footer                types.Object         `tfsdk:"footer"`
	Buttons               types.List           `tfsdk:"buttons"`
	ExtraComponentsJSON   jsontypes.Normalized `tfsdk:"extra_components_json"`
	WaitForReview         types.Bool           `tfsdk:"wait_for_review"`
	Timeouts              timeouts.Value       `tfsdk:"timeouts"`
	Status                types.String         `tfsdk:"status"`
	RejectedReason        types.String         `tfsdk:"rejected_reason"`
	QualityScore          types.String         `tfsdk:"quality_score"`
	PreviousCategory      types.String         `tfsdk:"previous_category"`
	HeaderMediaSHA256     types.String         `tfsdk:"header_media_sha256"`
}

func (r *messageTemplateResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optional := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: v}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A message template of a WhatsApp Business Account (`/{waba-id}/message_templates`): one name in one language. " +
			"Meta reviews every new or edited template; `status` shows where the review stands and `wait_for_review` makes the apply wait for it. " +
			"`name`, `language` and `parameter_format` cannot change on a template: changing them replaces it (and a deleted APPROVED name is " +
			"locked for 30 days). `category`, the components and `message_send_ttl_seconds` change in place through an edit, within Meta's edit limits, " +
			"which the plan checks.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The template's ID (Meta's `hsm_id`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"waba_id": requiredGraphID("ID of the WhatsApp Business Account the template belongs to. The provider reads all the account's "+
				"templates at once, on this account.", graph.ExampleWABAID),
			"name": schema.StringAttribute{
				MarkdownDescription: "The template's name: lower-case letters, digits and underscores, at most 512 characters. Changing it replaces the template.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(templateNamePattern, "must be lower-case letters, digits and underscores, such as \"order_update\"")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"language": schema.StringAttribute{
				MarkdownDescription: "The language and locale code, such as `en_US`, `en` or `pt_BR`. Changing it replaces the template.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(templateLanguagePattern, "must be a language code such as \"en\" or \"en_US\"")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"category": schema.StringAttribute{
				MarkdownDescription: "`AUTHENTICATION`, `MARKETING` or `UTILITY`. Meta assigns the category it finds right, whatever was asked " +
					"(`allow_category_change` has been ignored since April 2025) and may change it later, keeping the old one in `previous_category`: " +
					"the plan then shows the difference, and an APPROVED template's category cannot be edited back. Set `category` to Meta's to accept it.",
				Required:   true,
				Validators: []validator.String{validators.OneOfWithSuggestion("template category", graph.TemplateCategories...)},
			},
			"parameter_format": schema.StringAttribute{
				MarkdownDescription: "`POSITIONAL` (variables `{{1}}`, `{{2}}`...; the default) or `NAMED` (variables such as `{{first_name}}`). " +
					"Changing it replaces the template.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString("POSITIONAL"),
				Validators:    []validator.String{validators.OneOfWithSuggestion("parameter format", "POSITIONAL", "NAMED")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"message_send_ttl_seconds": schema.Int64Attribute{
				MarkdownDescription: "How long WhatsApp keeps trying to deliver a message of this template, in seconds. Unset, Meta's default applies; " +
					"removing it from the configuration leaves the value as it is.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Int64{int64validator.Between(30, 2592000)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"header": schema.SingleNestedAttribute{
				MarkdownDescription: "The header: text (at most 60 characters, one variable), an image, a video, a document or a location.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"format": schema.StringAttribute{
						MarkdownDescription: "`" + strings.Join(headerFormats, "`, `") + "`.",
						Required:            true,
						Validators:          []validator.String{validators.OneOfWithSuggestion("header format", headerFormats...)},
					},
					"text":    optional("The header text, for a `TEXT` header. At most 60 characters and one variable."),
					"example": optional("The value of the header text's variable, for Meta's review."),
					"media_file": optional("Path of a sample file for an `IMAGE`, `VIDEO` or `DOCUMENT` header. Meta reviews the template with it; the provider " +
						"uploads it through the Resumable Upload API (which needs the provider's `app_id`) and tracks it by its SHA-256, since Graph answers a URL."),
				},
			},
			"body": schema.SingleNestedAttribute{
				MarkdownDescription: "The body. Required except in an authentication template, whose body Meta writes.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"text": optional(fmt.Sprintf("The body text, at most %d characters, with variables such as `{{1}}` or, with `parameter_format = \"NAMED\"`, `{{first_name}}`.", maxBodyText)),
					"examples": schema.MapAttribute{
						MarkdownDescription: "An example value for every variable, keyed by its number (`{ \"1\" = \"Jim\" }`) or name (`{ first_name = \"Jim\" }`). Meta reviews the template with them.",
						ElementType:         types.StringType,
						Optional:            true,
					},
					"add_security_recommendation": schema.BoolAttribute{
						MarkdownDescription: "Authentication templates: add Meta's \"For your security, do not share this code.\"",
						Optional:            true,
					},
				},
			},
			"footer": schema.SingleNestedAttribute{
				MarkdownDescription: "The footer: text of at most 60 characters, or, in an authentication template, the code's expiry.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"text": optional("The footer text, without variables."),
					"code_expiration_minutes": schema.Int64Attribute{
						MarkdownDescription: "Authentication templates: how long the code is valid, 1 to 90 minutes; Meta writes the footer from it.",
						Optional:            true,
					},
				},
			},
			"buttons": schema.ListNestedAttribute{
				MarkdownDescription: fmt.Sprintf("Up to %d buttons, at most %d of type `URL` and %d of type `PHONE_NUMBER`. An authentication template has one `OTP` button.", maxButtons, maxURLButtons, maxPhoneButtons),
				Optional:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{
						MarkdownDescription: "`" + strings.Join(buttonTypes, "`, `") + "`.",
						Required:            true,
						Validators:          []validator.String{validators.OneOfWithSuggestion("button type", buttonTypes...)},
					},
					"text":                    optional(fmt.Sprintf("The button's label, at most %d characters.", maxButtonText)),
					"url":                     optional("`URL` buttons: where the button leads; one variable allowed, at the end, such as `https://example.com/track/{{1}}`."),
					"phone_number":            optional("`PHONE_NUMBER` buttons: the number called, with its country code."),
					"example":                 optional("`URL` buttons with a variable: the full URL with a sample value. `COPY_CODE` buttons: a sample code of at most 15 characters."),
					"otp_type":                optional("`OTP` buttons: `COPY_CODE`, `ONE_TAP` or `ZERO_TAP`."),
					"autofill_text":           optional("`OTP` one-tap buttons: the autofill label."),
					"package_name":            optional("`OTP` one-tap and zero-tap buttons: the Android package that receives the code."),
					"signature_hash":          optional("`OTP` one-tap and zero-tap buttons: the app's signing key hash."),
					"zero_tap_terms_accepted": schema.BoolAttribute{MarkdownDescription: "`OTP` zero-tap buttons: that Meta's zero-tap terms are accepted.", Optional: true},
					"flow_id":                 optional("`FLOW` buttons: the Flow the button opens."),
					"flow_action":             optional("`FLOW` buttons: `navigate` or `data_exchange`."),
					"navigate_screen":         optional("`FLOW` buttons: the first screen, for `navigate`."),
				}},
			},
			"extra_components_json": schema.StringAttribute{
				MarkdownDescription: "Components the schema does not model yet (such as `CAROUSEL` or `LIMITED_TIME_OFFER`), as a JSON array in Graph's form, " +
					"added to the others. Use `jsonencode`. Graph's answer is compared after the same normalisation as the typed components.",
				CustomType: jsontypes.NormalizedType{},
				Optional:   true,
			},
			"wait_for_review": schema.BoolAttribute{
				MarkdownDescription: "Wait, on create and on every edit, until Meta's review ends, reading the template with growing pauses (5 seconds, " +
					"doubling up to a minute) within the `create` and `update` timeouts. A rejection fails the apply with Meta's reason. Defaults to `false`: " +
					"the apply returns at once with `status = \"PENDING\"`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true}),
			"status": schema.StringAttribute{
				MarkdownDescription: "Meta's review status: `" + strings.Join(graph.TemplateStatuses, "`, `") + "`.",
				Computed:            true,
			},
			"rejected_reason": schema.StringAttribute{
				MarkdownDescription: "Why Meta rejected the template, when it did (`NONE` or null otherwise).",
				Computed:            true,
			},
			"quality_score": schema.StringAttribute{
				MarkdownDescription: "Meta's quality rating of the template: `GREEN`, `YELLOW`, `RED` or `UNKNOWN`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"previous_category": schema.StringAttribute{
				MarkdownDescription: "The category before Meta changed it, when it did.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"header_media_sha256": schema.StringAttribute{
				MarkdownDescription: "SHA-256 of `header.media_file`'s content as uploaded.",
				Computed:            true,
			},
		},
	}
}
