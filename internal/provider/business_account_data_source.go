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
	_ datasource.DataSource              = (*businessAccountDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*businessAccountDataSource)(nil)
)

// NewBusinessAccountDataSource returns the whatsapp_business_account data source.
func NewBusinessAccountDataSource() datasource.DataSource { return &businessAccountDataSource{} }

type businessAccountDataSource struct{ data *providerData }

type businessAccountModel struct {
	ID                                 types.String `tfsdk:"id"`
	Name                               types.String `tfsdk:"name"`
	Currency                           types.String `tfsdk:"currency"`
	TimezoneID                         types.String `tfsdk:"timezone_id"`
	MessageTemplateNamespace           types.String `tfsdk:"message_template_namespace"`
	BusinessVerificationStatus         types.String `tfsdk:"business_verification_status"`
	Country                            types.String `tfsdk:"country"`
	IsEnabledForInsights               types.Bool   `tfsdk:"is_enabled_for_insights"`
	OwnershipType                      types.String `tfsdk:"ownership_type"`
	PrimaryFundingID                   types.String `tfsdk:"primary_funding_id"`
	PurchaseOrderNumber                types.String `tfsdk:"purchase_order_number"`
	AccountReviewStatus                types.String `tfsdk:"account_review_status"`
	Status                             types.String `tfsdk:"status"`
	PrimaryBusinessLocation            types.String `tfsdk:"primary_business_location"`
	MessagingLimit                     types.String `tfsdk:"whatsapp_business_manager_messaging_limit"`
	MarketingMessagesLiteAPIStatus     types.String `tfsdk:"marketing_messages_lite_api_status"`
	MarketingMessagesOnboardingStatus  types.String `tfsdk:"marketing_messages_onboarding_status"`
	IsSharedWithPartners               types.Bool   `tfsdk:"is_shared_with_partners"`
	TemplateAutoArchivalEnabled        types.Bool   `tfsdk:"template_auto_archival_enabled"`
	DisableMarketingMessagesOnCloudAPI types.Bool   `tfsdk:"disable_marketing_messages_on_cloud_api"`
	CreationTime                       types.Int64  `tfsdk:"creation_time"`
	OnBehalfOfBusinessInfo             types.Object `tfsdk:"on_behalf_of_business_info"`
	OwnerBusinessInfo                  types.Object `tfsdk:"owner_business_info"`
	HealthStatus                       types.Object `tfsdk:"health_status"`
}

func (d *businessAccountDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_business_account"
}

func (d *businessAccountDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *businessAccountDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a WhatsApp Business Account (WABA) and every field the Graph API returns for it, in one request. Fields the account does not have are null.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account (numeric). Find it in Meta Business Suite under *Business settings > Accounts > WhatsApp accounts*.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
			},
			"name":                       computedString("User-friendly name of the account."),
			"currency":                   computedString("Currency in which the account's payments are processed, e.g. `USD`."),
			"timezone_id":                computedString("Time zone of the account, as one of Meta's time zone IDs (a numeric string)."),
			"message_template_namespace": computedString("Namespace of the account's message templates."),
			"business_verification_status": computedString("Business verification status of the Meta business that owns the account: one of `expired`, `failed`, `ineligible`, " +
				"`not_verified`, `pending`, `pending_need_more_info`, `pending_submission`, `rejected`, `revoked`, `verified`."),
			"country":                                   computedString("Country of the Meta business that owns the account."),
			"is_enabled_for_insights":                   computedBool("Whether template analytics are enabled for the account."),
			"ownership_type":                            computedString("Who owns the account: `CLIENT_OWNED` (the business customer), `ON_BEHALF_OF` (a solution partner) or `SELF`."),
			"primary_funding_id":                        computedString("Primary funding ID for the account's paid service."),
			"purchase_order_number":                     computedString("Purchase order number the business supplied for payment management."),
			"account_review_status":                     computedString("Status of the account review, e.g. `APPROVED`, `PENDING` or `REJECTED`."),
			"status":                                    computedString("Status of the account, as Graph reports it."),
			"primary_business_location":                 computedString("Primary business location, a country code such as `US`."),
			"whatsapp_business_manager_messaging_limit": computedString("Messaging limit tier of the business portfolio, e.g. `TIER_10K`. Graph has this field from v24.0; with an older `api_version` it is null."),
			"marketing_messages_lite_api_status":        computedString("Onboarding status for Marketing Messages Lite."),
			"marketing_messages_onboarding_status":      computedString("Onboarding status for marketing messages."),
			"is_shared_with_partners":                   computedBool("Whether the account is shared with solution partners."),
			"template_auto_archival_enabled":            computedBool("Whether unused message templates are archived automatically."),
			"disable_marketing_messages_on_cloud_api":   computedBool("Whether marketing messages are disabled on the Cloud API."),
			"creation_time":                             computedInt64("When the account was created, in Unix seconds."),
			"on_behalf_of_business_info":                businessInfoAttribute("The business the account acts on behalf of."),
			"owner_business_info":                       businessInfoAttribute("The business that owns the account."),
			"health_status": schema.SingleNestedAttribute{
				MarkdownDescription: "Whether the account can send messages, and which entity (WABA, business, app) limits or blocks it.",
				Computed:            true,
				Attributes:          healthStatusAttributes,
			},
		},
	}
}

func businessInfoAttribute(desc string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true, Attributes: businessInfoAttributes}
}

// The nested objects, each declared once: the schema uses the attributes,
// and the values are built with the types read from them.
var (
	businessInfoAttributes = map[string]schema.Attribute{
		"id":     computedString("Business ID."),
		"name":   computedString("Business name."),
		"status": computedString("Status, when Graph reports one."),
		"type":   computedString("Type, when Graph reports one."),
	}
	healthStatusAttributes = map[string]schema.Attribute{
		"can_send_message": computedString("Overall status: `AVAILABLE`, `LIMITED` or `BLOCKED` (the worst of the entities)."),
		"entities":         computedObjectList("Status of each entity in the messaging chain.", healthEntityAttributes),
	}
	healthEntityAttributes = map[string]schema.Attribute{
		"entity_type":          computedString("`WABA`, `BUSINESS`, `APP`, `PHONE_NUMBER` or `MESSAGE_TEMPLATE`."),
		"id":                   computedString("ID of the entity."),
		"can_send_message":     computedString("`AVAILABLE`, `LIMITED` or `BLOCKED`."),
		"can_receive_call_sip": computedString("Whether the entity can receive SIP calls, when reported."),
		"additional_info": schema.ListAttribute{
			MarkdownDescription: "Explanations, present when the entity is `LIMITED`.",
			Computed:            true, ElementType: types.StringType,
		},
		"errors": computedObjectList("Why the entity is `BLOCKED`.", healthErrorAttributes),
	}
	healthErrorAttributes = map[string]schema.Attribute{
		"error_code":        computedInt64("Error code."),
		"error_description": computedString("What is wrong."),
		"possible_solution": computedString("What to do about it."),
	}
)

func (d *businessAccountDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		resp.Diagnostics.AddError("Provider not configured", "The whatsapp provider was not configured before reading whatsapp_business_account.")
		return
	}
	var model businessAccountModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ba, err := d.data.client.GetBusinessAccount(ctx, model.ID.ValueString())
	if reportGraphCall(&resp.Diagnostics, d.data.client, "read WhatsApp Business Account "+model.ID.ValueString(),
		err, missingWABAAdvice(err, model.ID.ValueString(), false)) {
		return
	}
	resp.Diagnostics.Append(model.fill(ba)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func (m *businessAccountModel) fill(ba graph.BusinessAccount) (diags diag.Diagnostics) {
	m.Name = types.StringPointerValue(ba.Name)
	m.Currency = types.StringPointerValue(ba.Currency)
	m.TimezoneID = types.StringPointerValue(ba.TimezoneID)
	m.MessageTemplateNamespace = types.StringPointerValue(ba.MessageTemplateNamespace)
	m.BusinessVerificationStatus = types.StringPointerValue(ba.BusinessVerificationStatus)
	m.Country = types.StringPointerValue(ba.Country)
	m.IsEnabledForInsights = types.BoolPointerValue(ba.IsEnabledForInsights)
	m.OwnershipType = types.StringPointerValue(ba.OwnershipType)
	m.PrimaryFundingID = types.StringPointerValue(ba.PrimaryFundingID)
	m.PurchaseOrderNumber = types.StringPointerValue(ba.PurchaseOrderNumber)
	m.AccountReviewStatus = types.StringPointerValue(ba.AccountReviewStatus)
	m.Status = types.StringPointerValue(ba.Status)
	m.PrimaryBusinessLocation = types.StringPointerValue(ba.PrimaryBusinessLocation)
	m.MessagingLimit = types.StringPointerValue(ba.MessagingLimit)
	m.MarketingMessagesLiteAPIStatus = types.StringPointerValue(ba.MarketingMessagesLiteAPIStatus)
	m.MarketingMessagesOnboardingStatus = types.StringPointerValue(ba.MarketingMessagesOnboardingStatus)
	m.IsSharedWithPartners = types.BoolPointerValue(ba.IsSharedWithPartners)
	m.TemplateAutoArchivalEnabled = types.BoolPointerValue(ba.TemplateAutoArchivalEnabled)
	m.DisableMarketingMessagesOnCloudAPI = types.BoolPointerValue(ba.DisableMarketingMessagesOnCloudAPI)
	m.CreationTime = types.Int64PointerValue(ba.CreationTime)
	m.OnBehalfOfBusinessInfo = collectObject(&diags)(businessInfoValue(ba.OnBehalfOfBusinessInfo))
	m.OwnerBusinessInfo = collectObject(&diags)(businessInfoValue(ba.OwnerBusinessInfo))
	m.HealthStatus = collectObject(&diags)(healthStatusValue(ba.HealthStatus))
	return diags
}

func businessInfoValue(b *graph.BusinessInfo) (types.Object, diag.Diagnostics) {
	if b == nil {
		return types.ObjectNull(attributeTypes(businessInfoAttributes)), nil
	}
	v, d := types.ObjectValue(attributeTypes(businessInfoAttributes), map[string]attr.Value{
		"id": emptyAsNull(b.ID), "name": emptyAsNull(b.Name), "status": emptyAsNull(b.Status), "type": emptyAsNull(b.Type),
	})
	return v, d
}

func healthStatusValue(h *graph.HealthStatus) (types.Object, diag.Diagnostics) {
	if h == nil {
		return types.ObjectNull(attributeTypes(healthStatusAttributes)), nil
	}
	var diags diag.Diagnostics
	entities := objectList(h.Entities, healthEntityAttributes, func(e graph.HealthEntity) map[string]attr.Value {
		info := make([]attr.Value, 0, len(e.AdditionalInfo))
		for _, s := range e.AdditionalInfo {
			info = append(info, types.StringValue(s))
		}
		return map[string]attr.Value{
			"entity_type": emptyAsNull(e.EntityType), "id": emptyAsNull(e.ID), "can_send_message": emptyAsNull(e.CanSendMessage),
			"can_receive_call_sip": emptyAsNull(e.CanReceiveCallSIP),
			"additional_info":      collectList(&diags)(types.ListValue(types.StringType, info)),
			"errors": objectList(e.Errors, healthErrorAttributes, func(he graph.HealthError) map[string]attr.Value {
				return map[string]attr.Value{
					"error_code": types.Int64Value(int64(he.ErrorCode)), "error_description": emptyAsNull(he.ErrorDescription), "possible_solution": emptyAsNull(he.PossibleSolution),
				}
			}, &diags),
		}
	}, &diags)
	v, d := types.ObjectValue(attributeTypes(healthStatusAttributes), map[string]attr.Value{
		"can_send_message": emptyAsNull(h.CanSendMessage),
		"entities":         entities,
	})
	diags = append(diags, d...)
	return v, diags
}
