package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ datasource.DataSource              = (*assignedUsersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*assignedUsersDataSource)(nil)
)

// NewAssignedUsersDataSource returns the whatsapp_assigned_users data source.
func NewAssignedUsersDataSource() datasource.DataSource { return &assignedUsersDataSource{} }

type assignedUsersDataSource struct{ data *providerData }

type assignedUsersModel struct {
	WABAID     types.String `tfsdk:"waba_id"`
	BusinessID types.String `tfsdk:"business_id"`
	Users      types.List   `tfsdk:"users"`
}

// assignedUserAttributes describe one item of users.
var assignedUserAttributes = map[string]schema.Attribute{
	"id":   computedString("ID of the user."),
	"name": computedString("Name of the user as Graph reports it, or null when blank."),
	"tasks": schema.SetAttribute{
		MarkdownDescription: "Tasks the user holds on the WABA, e.g. `MANAGE` or `DEVELOP`.",
		Computed:            true,
		ElementType:         types.StringType,
	},
}

func (d *assignedUsersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assigned_users"
}

func (d *assignedUsersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *assignedUsersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every business user and system user with tasks on a WhatsApp Business Account (`/{waba-id}/assigned_users`).",
		Attributes: map[string]schema.Attribute{
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
			},
			"business_id": schema.StringAttribute{
				MarkdownDescription: "ID of the business (portfolio) that owns the WABA; Graph lists assigned users only with it. " +
					"Defaults to the provider's `business_id`; one of the two must be set.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{validators.NumericID("506914307656634")},
			},
			"users": computedObjectList("The assigned users, in the order Graph lists them; empty when there are none.", assignedUserAttributes),
		},
	}
}

func (d *assignedUsersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model assignedUsersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !requireConfigured(d.data, &resp.Diagnostics) {
		return
	}
	business := model.BusinessID.ValueString()
	if model.BusinessID.IsNull() {
		business = d.data.businessID
	}
	if business == "" {
		// Checked before any request: Graph would only answer with a
		// missing-parameter error.
		resp.Diagnostics.AddAttributeError(path.Root("business_id"), "Missing business_id",
			"whatsapp_assigned_users needs the ID of the business that owns the WABA, because Graph lists assigned users only with business=<ID>. "+
				"Set business_id on this data source, or business_id (or "+EnvBusinessID+") on the provider.")
		return
	}
	waba := model.WABAID.ValueString()
	users, err := d.data.client.ListAssignedUsers(ctx, waba, business)
	if reportGraphCall(&resp.Diagnostics, d.data.client, "list the users assigned to WhatsApp Business Account "+waba,
		err, assignedUsersReadAdvice(err, waba, business, false)) {
		return
	}
	model.BusinessID = types.StringValue(business)
	model.Users = assignedUsersValue(users, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func assignedUsersValue(users []graph.AssignedUser, diags *diag.Diagnostics) types.List {
	return objectList(users, assignedUserAttributes, func(u graph.AssignedUser) map[string]attr.Value {
		tasks := make([]attr.Value, 0, len(u.Tasks))
		for _, t := range slices.Compact(slices.Sorted(slices.Values(u.Tasks))) {
			tasks = append(tasks, types.StringValue(t))
		}
		set, d := types.SetValue(types.StringType, tasks)
		diags.Append(d...)
		return map[string]attr.Value{"id": types.StringValue(u.ID), "name": blankAsNull(u.Name), "tasks": set}
	}, diags)
}

// blankAsNull maps a missing or blank name to null, so that state says
// "no name" rather than holding white space.
func blankAsNull(s string) types.String {
	if strings.TrimSpace(s) == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
