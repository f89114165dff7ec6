package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// assignment has the attributes of whatsapp_assigned_user and keeps them in
// state as planned: a refresh reads nothing and changes nothing.
type assignment struct{}

func newAssignment() resource.Resource { return assignment{} }

type assignmentModel struct {
	ID         types.String `tfsdk:"id"`
	WABAID     types.String `tfsdk:"waba_id"`
	UserID     types.String `tfsdk:"user_id"`
	BusinessID types.String `tfsdk:"business_id"`
	Tasks      types.Set    `tfsdk:"tasks"`
	Name       types.String `tfsdk:"name"`
}

func (assignment) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assignment"
}

func (assignment) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":          schema.StringAttribute{Computed: true},
		"waba_id":     schema.StringAttribute{Required: true},
		"user_id":     schema.StringAttribute{Required: true},
		"business_id": schema.StringAttribute{Optional: true, Computed: true},
		"tasks":       schema.SetAttribute{Required: true, ElementType: types.StringType},
		"name":        schema.StringAttribute{Computed: true},
	}}
}

func (assignment) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.Diagnostics.Append(keepPlanned(ctx, req.Plan, &resp.State)...)
}

// Read leaves the state as it is: the framework has already copied it into
// the response.
func (assignment) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (assignment) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.Append(keepPlanned(ctx, req.Plan, &resp.State)...)
}

func (assignment) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// keepPlanned stores the plan as the new state, with the computed attributes
// known.
func keepPlanned(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State) diag.Diagnostics {
	var m assignmentModel
	diags := plan.Get(ctx, &m)
	if diags.HasError() {
		return diags
	}
	m.ID = types.StringValue(m.WABAID.ValueString() + "/" + m.UserID.ValueString())
	if m.BusinessID.IsUnknown() {
		m.BusinessID = types.StringNull()
	}
	if m.Name.IsUnknown() {
		m.Name = types.StringNull()
	}
	return append(diags, state.Set(ctx, &m)...)
}
