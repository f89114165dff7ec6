package provider

import (
	"context"

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
	_ datasource.DataSource              = (*phoneNumbersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*phoneNumbersDataSource)(nil)
)

// NewPhoneNumbersDataSource returns the whatsapp_phone_numbers data source.
func NewPhoneNumbersDataSource() datasource.DataSource { return &phoneNumbersDataSource{} }

type phoneNumbersDataSource struct{ data *providerData }

type phoneNumbersModel struct {
	WABAID       types.String `tfsdk:"waba_id"`
	AccountMode  types.String `tfsdk:"account_mode"`
	PhoneNumbers types.List   `tfsdk:"phone_numbers"`
}

// phoneNumberAttributes describe one item of phone_numbers.
var phoneNumberAttributes = map[string]schema.Attribute{
	"id":                       computedString("Phone number ID, used in Cloud API calls."),
	"display_phone_number":     computedString("The number as displayed, e.g. `+1 631-555-5555`."),
	"verified_name":            computedString("Business name shown with the number."),
	"quality_rating":           computedString("Quality rating: `GREEN`, `YELLOW`, `RED`, or `NA`/`UNKNOWN` while not yet determined."),
	"name_status":              computedString("Review status of the display name, e.g. `APPROVED`, `PENDING_REVIEW`, `DECLINED`."),
	"code_verification_status": computedString("Whether the number was verified by code, e.g. `VERIFIED` or `NOT_VERIFIED`."),
	"platform_type":            computedString("Where the number is hosted: `CLOUD_API`, `ON_PREMISE` or `NOT_APPLICABLE`."),
	"throughput_level":         computedString("Messaging throughput level, e.g. `STANDARD` or `HIGH`."),
	"whatsapp_business_manager_messaging_limit": computedString("Messaging limit tier, e.g. `TIER_10K`. With an `api_version` older than v24.0 it is read from the older `messaging_limit_tier` field, whose values differ (`TIER_1K` where newer versions say `TIER_2K`)."),
	"account_mode":                 computedString("`LIVE` or `SANDBOX`."),
	"is_official_business_account": computedBool("Whether the number belongs to an Official Business Account."),
	"last_onboarded_time":          computedString("When the number was last onboarded, as Graph reports it (an ISO 8601 time)."),
	"webhook_configuration": schema.SingleNestedAttribute{
		MarkdownDescription: "Where Meta sends this number's webhooks, level by level: the first URL set wins. Null when Graph does not report it.",
		Computed:            true,
		Attributes:          webhookConfigurationAttributes,
	},
}

// webhookConfigurationAttributes describe a number's webhook_configuration.
var webhookConfigurationAttributes = map[string]schema.Attribute{
	"phone_number":              computedString("The number's own callback override (`whatsapp_phone_number_webhook`); null when none."),
	"whatsapp_business_account": computedString("The WhatsApp Business Account's callback override for the token's app (`whatsapp_subscribed_app`); null when none."),
	"application":               computedString("The app's callback URL (`whatsapp_app_webhook_subscription`); null when Graph reports none."),
}

func (d *phoneNumbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_phone_numbers"
}

func (d *phoneNumbersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *phoneNumbersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists a WhatsApp Business Account's phone numbers (`/{waba-id}/phone_numbers`) with their quality, " +
			"verification, limits and webhook callbacks. Fields Graph does not report for a number are null.",
		Attributes: map[string]schema.Attribute{
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
			},
			"account_mode": schema.StringAttribute{
				MarkdownDescription: "Only list numbers in this mode: `LIVE` or `SANDBOX`. Sent to Graph as a `filtering` parameter and " +
					"applied again to the result.",
				Optional:   true,
				Validators: []validator.String{validators.OneOfWithSuggestion("account mode", "LIVE", "SANDBOX")},
			},
			"phone_numbers": computedObjectList("The phone numbers, in the order Graph lists them; empty when there are none.", phoneNumberAttributes),
		},
	}
}

func (d *phoneNumbersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model phoneNumbersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !requireConfigured(d.data, &resp.Diagnostics) {
		return
	}
	waba := model.WABAID.ValueString()
	phones, err := d.data.client.ListPhoneNumbers(ctx, waba, graph.PhoneNumberFilter{AccountMode: model.AccountMode.ValueString()})
	if reportGraphCall(&resp.Diagnostics, d.data.client, "list the phone numbers of WhatsApp Business Account "+waba,
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	model.PhoneNumbers = phoneNumbersValue(phones, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func phoneNumbersValue(phones []graph.PhoneNumber, diags *diag.Diagnostics) types.List {
	return objectList(phones, phoneNumberAttributes, func(p graph.PhoneNumber) map[string]attr.Value {
		return map[string]attr.Value{
			"id":                       types.StringValue(p.ID),
			"display_phone_number":     types.StringPointerValue(p.DisplayPhoneNumber),
			"verified_name":            types.StringPointerValue(p.VerifiedName),
			"quality_rating":           types.StringPointerValue(p.QualityRating),
			"name_status":              types.StringPointerValue(p.NameStatus),
			"code_verification_status": types.StringPointerValue(p.CodeVerificationStatus),
			"platform_type":            types.StringPointerValue(p.PlatformType),
			"throughput_level":         types.StringPointerValue(p.ThroughputLevel),
			"whatsapp_business_manager_messaging_limit": types.StringPointerValue(p.MessagingLimit),
			"account_mode":                 types.StringPointerValue(p.AccountMode),
			"is_official_business_account": types.BoolPointerValue(p.IsOfficialBusinessAccount),
			"last_onboarded_time":          types.StringPointerValue(p.LastOnboardedTime),
			"webhook_configuration":        webhookConfigurationValue(p.WebhookConfiguration, diags),
		}
	}, diags)
}

// webhookConfigurationValue is a number's webhook_configuration, null when
// Graph did not report it.
func webhookConfigurationValue(c *graph.WebhookConfiguration, diags *diag.Diagnostics) types.Object {
	attrTypes := attributeTypes(webhookConfigurationAttributes)
	if c == nil {
		return types.ObjectNull(attrTypes)
	}
	return collectObject(diags)(types.ObjectValue(attrTypes, map[string]attr.Value{
		"phone_number":              emptyAsNull(c.PhoneNumber),
		"whatsapp_business_account": emptyAsNull(c.WhatsAppBusinessAccount),
		"application":               emptyAsNull(c.Application),
	}))
}
