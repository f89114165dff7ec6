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

var phoneNumberItemTypes = map[string]attr.Type{
	"id": types.StringType, "display_phone_number": types.StringType, "verified_name": types.StringType,
	"quality_rating": types.StringType, "name_status": types.StringType, "code_verification_status": types.StringType,
	"platform_type": types.StringType, "throughput_level": types.StringType,
	"whatsapp_business_manager_messaging_limit": types.StringType, "account_mode": types.StringType,
	"is_official_business_account": types.BoolType, "last_onboarded_time": types.StringType,
}

func (d *phoneNumbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_phone_numbers"
}

func (d *phoneNumbersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *phoneNumbersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists a WhatsApp Business Account's phone numbers (`/{waba-id}/phone_numbers`) with their quality, " +
			"verification and limits. Fields Graph does not report for a number are null.",
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
			"phone_numbers": schema.ListNestedAttribute{
				MarkdownDescription: "The phone numbers, in the order Graph lists them; empty when there are none.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                       str("Phone number ID, used in Cloud API calls."),
					"display_phone_number":     str("The number as displayed, e.g. `+1 631-555-5555`."),
					"verified_name":            str("Business name shown with the number."),
					"quality_rating":           str("Quality rating: `GREEN`, `YELLOW`, `RED`, or `NA`/`UNKNOWN` while not yet determined."),
					"name_status":              str("Review status of the display name, e.g. `APPROVED`, `PENDING_REVIEW`, `DECLINED`."),
					"code_verification_status": str("Whether the number was verified by code, e.g. `VERIFIED` or `NOT_VERIFIED`."),
					"platform_type":            str("Where the number is hosted: `CLOUD_API`, `ON_PREMISE` or `NOT_APPLICABLE`."),
					"throughput_level":         str("Messaging throughput level, e.g. `STANDARD` or `HIGH`."),
					"whatsapp_business_manager_messaging_limit": str("Messaging limit tier, e.g. `TIER_10K`. With an `api_version` older than v24.0 it is read from the older `messaging_limit_tier` field, whose values differ (`TIER_1K` where newer versions say `TIER_2K`)."),
					"account_mode": str("`LIVE` or `SANDBOX`."),
					"is_official_business_account": schema.BoolAttribute{
						MarkdownDescription: "Whether the number belongs to an Official Business Account.",
						Computed:            true,
					},
					"last_onboarded_time": str("When the number was last onboarded, as Graph reports it (an ISO 8601 time)."),
				}},
			},
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
	if graphCallFailedWithAdvice(&resp.Diagnostics, d.data.client, "list the phone numbers of WhatsApp Business Account "+waba,
		err, missingOrHiddenAdvice(err, "WhatsApp Business Account "+waba, false)) {
		return
	}
	model.PhoneNumbers = phoneNumbersValue(phones, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func phoneNumbersValue(phones []graph.PhoneNumber, diags *diag.Diagnostics) types.List {
	return objectList(phones, phoneNumberItemTypes, func(p graph.PhoneNumber) map[string]attr.Value {
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
		}
	}, diags)
}
