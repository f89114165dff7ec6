package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ datasource.DataSource              = (*businessAccountsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*businessAccountsDataSource)(nil)
)

// NewBusinessAccountsDataSource returns the whatsapp_business_accounts data
// source.
func NewBusinessAccountsDataSource() datasource.DataSource { return &businessAccountsDataSource{} }

type businessAccountsDataSource struct{ data *providerData }

type businessAccountsModel struct {
	BusinessID types.String `tfsdk:"business_id"`
	Ownership  types.String `tfsdk:"ownership"`
	Accounts   types.List   `tfsdk:"accounts"`
	IDs        types.List   `tfsdk:"ids"`
}

// businessAccountAttributes describe one item of accounts.
var businessAccountAttributes = map[string]schema.Attribute{
	"id":   computedString("ID of the WhatsApp Business Account."),
	"name": computedString("Name of the account, or null when Graph gives none."),
	"timezone_id": computedString("Graph's numeric time zone ID of the account, as a string (e.g. `\"1\"`), " +
		"or null when Graph gives none."),
	"message_template_namespace": computedString("Namespace of the account's message templates, or null when Graph gives none."),
	"ownership": computedString("`owned` when the business owns the account, `client` when a client business " +
		"shared it with the business."),
	"permitted_tasks": schema.ListAttribute{
		MarkdownDescription: "For a `client` account, the tasks the client permitted the business, e.g. `MANAGE` or `DEVELOP`, " +
			"sorted; null for an `owned` account.",
		Computed:    true,
		ElementType: types.StringType,
	},
}

func (d *businessAccountsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_business_accounts"
}

func (d *businessAccountsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *businessAccountsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists a business portfolio's WhatsApp Business Accounts: those it owns " +
			"(`/{business-id}/owned_whatsapp_business_accounts`) and those client businesses shared with it " +
			"(`/{business-id}/client_whatsapp_business_accounts`), for a module to `for_each` over. " +
			"Graph lists only the accounts the access token can see, and needs `business_management` on the token.",
		Attributes: map[string]schema.Attribute{
			"business_id": schema.StringAttribute{
				MarkdownDescription: "ID of the business (portfolio). Defaults to the provider's `business_id`; one of the two must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validators.NumericID("506914307656634")},
			},
			"ownership": schema.StringAttribute{
				MarkdownDescription: "Which accounts to list: `owned`, `client` or `all` (the default, both edges). " +
					"Each edge is read once per run, however many data sources list the same business.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{validators.OneOfWithSuggestion("ownership", ownershipValues...)},
			},
			"accounts": computedObjectList("The accounts, sorted by ID; empty when there are none.", businessAccountAttributes),
			"ids": schema.ListAttribute{
				MarkdownDescription: "The IDs of `accounts`, in the same order, for `for_each = toset(data.whatsapp_business_accounts.<name>.ids)`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
		},
	}
}

func (d *businessAccountsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model businessAccountsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !requireConfigured(d.data, &resp.Diagnostics) {
		return
	}
	business := model.BusinessID.ValueString()
	if model.BusinessID.IsNull() {
		business = d.data.businessID
	}
	if business == "" {
		// Checked before any request: there is nothing to ask Graph about.
		resp.Diagnostics.AddAttributeError(path.Root("business_id"), "Missing business_id",
			"whatsapp_business_accounts lists the accounts of one business portfolio. "+
				"Set business_id on this data source, or business_id (or "+EnvBusinessID+") on the provider.")
		return
	}
	ownership := model.Ownership.ValueString()
	if model.Ownership.IsNull() {
		ownership = ownershipAll
	}
	accounts, ok := readBusinessAccounts(ctx, d.data.client, business, ownership, &resp.Diagnostics)
	if !ok {
		return
	}
	model.BusinessID = types.StringValue(business)
	model.Ownership = types.StringValue(ownership)
	model.Accounts = businessAccountsValue(accounts, &resp.Diagnostics)
	model.IDs = businessAccountIDs(accounts, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func businessAccountsValue(accounts []businessAccount, diags *diag.Diagnostics) types.List {
	return objectList(accounts, businessAccountAttributes, func(a businessAccount) map[string]attr.Value {
		tasks := types.ListNull(types.StringType)
		if a.ownership == ownershipClient {
			tasks = stringList(a.permittedTasks, diags)
		}
		return map[string]attr.Value{
			"id": types.StringValue(a.id), "name": blankAsNull(a.name), "timezone_id": emptyAsNull(a.timezoneID),
			"message_template_namespace": emptyAsNull(a.messageTemplateNamespace), "ownership": types.StringValue(a.ownership),
			"permitted_tasks": tasks,
		}
	}, diags)
}

func businessAccountIDs(accounts []businessAccount, diags *diag.Diagnostics) types.List {
	ids := make([]string, len(accounts))
	for i, a := range accounts {
		ids[i] = a.id
	}
	return stringList(ids, diags)
}

// stringList is a list of strings, empty rather than null when there are
// none.
func stringList(items []string, diags *diag.Diagnostics) types.List {
	elems := make([]attr.Value, len(items))
	for i, s := range items {
		elems[i] = types.StringValue(s)
	}
	return collectList(diags)(types.ListValue(types.StringType, elems))
}
