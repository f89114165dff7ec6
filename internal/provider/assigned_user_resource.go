package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ resource.Resource                = (*assignedUserResource)(nil)
	_ resource.ResourceWithConfigure   = (*assignedUserResource)(nil)
	_ resource.ResourceWithImportState = (*assignedUserResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*assignedUserResource)(nil)
)

// NewAssignedUserResource returns the whatsapp_assigned_user resource.
func NewAssignedUserResource() resource.Resource { return &assignedUserResource{} }

type assignedUserResource struct{ data *providerData }

type assignedUserModel struct {
	ID         types.String `tfsdk:"id"`
	WABAID     types.String `tfsdk:"waba_id"`
	UserID     types.String `tfsdk:"user_id"`
	BusinessID types.String `tfsdk:"business_id"`
	Tasks      types.Set    `tfsdk:"tasks"`
	Name       types.String `tfsdk:"name"`
}

func (r *assignedUserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assigned_user"
}

func (r *assignedUserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *assignedUserResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Gives a business user or system user tasks on a WhatsApp Business Account (`/{waba-id}/assigned_users`). " +
			"Changing the tasks updates the assignment in place.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<waba_id>/<user_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: "ID of the business user or system user to assign.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("1972555232742222")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"business_id": schema.StringAttribute{
				MarkdownDescription: "ID of the business (portfolio) that owns the WABA. Graph needs it to list assigned users. " +
					"Defaults to the provider's `business_id`; one of the two must be set to create an assignment. " +
					"An assignment imported by `<waba_id>/<user_id>` when neither is set gets the WABA's owner from Graph " +
					"(`owner_business_info`, one request per WABA per run) and keeps it in state.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{validators.NumericID("506914307656634")},
			},
			"tasks": schema.SetAttribute{
				MarkdownDescription: "Tasks the user gets on the WABA, at least one of: `" + strings.Join(graph.AssignableTasks, "`, `") + "`. " +
					"`MANAGE` is full (admin) access and `DEVELOP` developer access; `VIEW_INSIGHTS`, `MANAGE_USERS` and `MANAGE_BILLING` are " +
					"accepted only on Multi-Partner Solution WABAs.",
				Required:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(validators.OneOfWithSuggestion("task", graph.AssignableTasks...)),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the user as Graph reports it (may be blank). Filled in by the first refresh after creation: " +
					"the provider does not spend a Graph call per user just to read it back.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// ModifyPlan puts the provider's default business_id into the plan when the
// resource sets none. With neither, an assignment in state keeps the
// business it was read with (the WABA's owner, after an import by
// <waba_id>/<user_id>), and a new one fails the plan: without it, the
// assignment could be created but never read back.
func (r *assignedUserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var cfg types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("business_id"), &cfg)...)
	if resp.Diagnostics.HasError() || !cfg.IsNull() {
		return
	}
	if r.data == nil {
		return // provider configuration not known yet: nothing to default from
	}
	if r.data.businessID == "" && !req.State.Raw.IsNull() {
		var prior types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("business_id"), &prior)...)
		if !prior.IsNull() && prior.ValueString() != "" {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("business_id"), prior)...)
			return
		}
	}
	if r.data.businessID == "" {
		resp.Diagnostics.AddAttributeError(path.Root("business_id"), "Missing business_id",
			"whatsapp_assigned_user needs the ID of the business that owns the WABA, because Graph lists assigned users only with business=<ID>. "+
				"Set business_id on this resource, or business_id (or "+EnvBusinessID+") on the provider.")
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("business_id"), r.data.businessID)...)
}

func (r *assignedUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan assignedUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	waba, user, business := plan.WABAID.ValueString(), plan.UserID.ValueString(), plan.BusinessID.ValueString()
	tasks := stringSet(ctx, plan.Tasks, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.client
	// Every create on the WABA shares this one read of the edge. It also
	// proves business_id before anything is written: Graph lists the edge
	// only for the business that owns the WABA.
	existing, err := client.ExistingAssignedUser(ctx, waba, business, user)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("check whether user %s is already assigned to WhatsApp Business Account %s", user, waba),
		err, assignedUsersReadAdvice(err, waba, business, false)) {
		return
	}
	if existing != nil {
		addAlreadyExistsError(&resp.Diagnostics, "whatsapp_assigned_user",
			fmt.Sprintf("User %s is already assigned to WhatsApp Business Account %s, with tasks %v.", user, waba, existing.Tasks),
			waba+"/"+user)
		return
	}
	err = client.AssignUser(ctx, waba, user, tasks)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("assign user %s to WhatsApp Business Account %s", user, waba), err) {
		return
	}
	// Graph confirmed the assignment with exactly these tasks. Reading the
	// edge back would cost a paged list per user; the next refresh (shared
	// by every assignment on the WABA) fills in the name.
	plan.ID = types.StringValue(waba + "/" + user)
	if plan.Name.IsUnknown() {
		plan.Name = types.StringNull()
	}
	setIdentity(ctx, resp.Identity, newAssignedUserIdentity(waba, user), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *assignedUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state assignedUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	waba, user := state.WABAID.ValueString(), state.UserID.ValueString()
	setIdentity(ctx, resp.Identity, newAssignedUserIdentity(waba, user), &resp.Diagnostics)
	business, ok := r.readBusinessID(ctx, state.BusinessID, waba, user, &resp.Diagnostics)
	if !ok {
		return
	}
	found, err := r.data.client.FindAssignedUser(ctx, waba, business, user)
	if reportGraphCall(&resp.Diagnostics, r.data.client, "read the users assigned to WhatsApp Business Account "+waba,
		err, assignedUsersReadAdvice(err, waba, business, true)) {
		// Only a successful read of the edge can show the user gone.
		return
	}
	if found == nil {
		removeFromStateWithWarning(ctx, resp, "whatsapp_assigned_user", fmt.Sprintf("User %s is no longer assigned to WhatsApp Business Account %s", user, waba))
		return
	}
	state.ID = types.StringValue(waba + "/" + user)
	state.BusinessID = types.StringValue(business)
	state.fillFromAPI(found, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *assignedUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior assignedUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	plan.ID = types.StringValue(plan.WABAID.ValueString() + "/" + plan.UserID.ValueString())
	setIdentity(ctx, resp.Identity, newAssignedUserIdentity(plan.WABAID.ValueString(), plan.UserID.ValueString()), &resp.Diagnostics)
	if plan.Name.IsUnknown() {
		plan.Name = prior.Name
	}
	if plan.Tasks.Equal(prior.Tasks) {
		// Only business_id changed: it is how the edge is read, not part
		// of the assignment.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	waba, user, business := plan.WABAID.ValueString(), plan.UserID.ValueString(), plan.BusinessID.ValueString()
	want := stringSet(ctx, plan.Tasks, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.data.client.AssignUser(ctx, waba, user, want)
	if reportGraphCall(&resp.Diagnostics, r.data.client, fmt.Sprintf("update the tasks of user %s on WhatsApp Business Account %s", user, waba),
		err, missingWABAAdvice(err, waba, true)) {
		return
	}
	// Meta does not document whether this POST replaces or merges the task
	// set, so read it back and say so if tasks were kept.
	found, err := r.data.client.FindAssignedUser(ctx, waba, business, user)
	if reportGraphCall(&resp.Diagnostics, r.data.client, "read back the tasks of user "+user+" on WhatsApp Business Account "+waba, err) {
		// Graph accepted the new tasks: state keeps them whatever the read says.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	if found == nil {
		resp.Diagnostics.AddError("Assignment not found after updating",
			fmt.Sprintf("Graph accepted the new tasks for user %s but no longer lists the user on WhatsApp Business Account %s.", user, waba))
		return
	}
	plan.fillFromAPI(found, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if extra, missing := taskDifference(want, found.Tasks); len(extra) > 0 || len(missing) > 0 {
		resp.Diagnostics.AddError("Tasks not updated as planned",
			fmt.Sprintf("After updating user %s on WhatsApp Business Account %s, Graph reports tasks %v; kept but not wanted: %v; wanted but missing: %v. "+
				"Graph merged the task sets instead of replacing them. Remove the extra tasks in Meta Business Suite, or replace the assignment with "+
				"terraform apply -replace=<address>, which removes the user and assigns the tasks afresh.", user, waba, found.Tasks, extra, missing))
	}
}

func (r *assignedUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state assignedUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, user, business := state.WABAID.ValueString(), state.UserID.ValueString(), state.BusinessID.ValueString()
	err := client.RemoveAssignedUser(ctx, waba, user)
	if err != nil && graph.IsMissingOrHidden(err) && business != "" {
		// Deleted or out of sight: only a successful read of the edge
		// without the user lets the resource go.
		if found, readErr := client.FindAssignedUser(ctx, waba, business, user); readErr == nil && found == nil {
			err = nil
		}
	}
	reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("remove user %s from WhatsApp Business Account %s", user, waba),
		err, missingWABAAdvice(err, waba, true))
}

func (r *assignedUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if importingByIdentity(req) {
		r.importByIdentity(ctx, req, resp)
		return
	}
	defaultBusiness := ""
	if r.data != nil {
		defaultBusiness = r.data.businessID
	}
	id, err := parseAssignedUserImportID(req.ID, defaultBusiness)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	r.importState(ctx, id, resp)
}

// importState is the state an import starts from, whichever way the
// assignment was named.
func (r *assignedUserResource) importState(ctx context.Context, id assignedUserImportID, resp *resource.ImportStateResponse) {
	setIdentity(ctx, resp.Identity, newAssignedUserIdentity(id.WABA, id.User), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id.WABA+"/"+id.User)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("waba_id"), id.WABA)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), id.User)...)
	if id.Business != "" {
		// Otherwise left null for Read to look up.
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("business_id"), id.Business)...)
	}
}

// assignedUsersReadAdvice says what to do when Graph refuses to list the
// WABA's assigned users: the WABA may be missing or out of sight, or
// business_id may not be the business that owns it (Graph lists the edge only
// for the owner, and answers any other business= with code 100).
func assignedUsersReadAdvice(err error, waba, business string, inState bool) string {
	if advice := missingWABAAdvice(err, waba, inState); advice != "" {
		return advice
	}
	ge, ok := graph.AsError(err)
	if !ok || ge.Code != 100 {
		return ""
	}
	advice := fmt.Sprintf("Graph lists the users of a WhatsApp Business Account only for the business that owns it. If %s is not the ID of the business "+
		"that owns WhatsApp Business Account %s, set business_id (on this resource or on the provider) to the owner's ID: Meta Business Settings shows it "+
		"under Business info, in the business portfolio that lists the account under Accounts > WhatsApp accounts.", business, waba)
	if inState {
		advice += "\n\nThe wrong ID is already in the Terraform state. After correcting the configuration, run terraform apply -refresh=false once: " +
			"it stores the new business_id without reading the edge (no request is sent), and later plans read with it."
	} else {
		advice += " Nothing was changed."
	}
	return advice
}

func (m *assignedUserModel) fillFromAPI(u *graph.AssignedUser, diags *diag.Diagnostics) {
	tasks, d := types.SetValueFrom(context.Background(), types.StringType, u.Tasks)
	diags.Append(d...)
	m.Tasks = tasks
	m.Name = types.StringValue(u.Name)
}

func stringSet(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

// taskDifference returns the tasks Graph has that were not wanted, and the
// wanted ones it lacks, each sorted.
func taskDifference(want, got []string) (extra, missing []string) {
	for _, t := range got {
		if !slices.Contains(want, t) {
			extra = append(extra, t)
		}
	}
	for _, t := range want {
		if !slices.Contains(got, t) {
			missing = append(missing, t)
		}
	}
	slices.Sort(extra)
	slices.Sort(missing)
	return extra, missing
}
