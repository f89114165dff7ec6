package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// maxCallbackURILength is Meta's limit on override_callback_uri.
const maxCallbackURILength = 200

var (
	_ resource.Resource                     = (*subscribedAppResource)(nil)
	_ resource.ResourceWithConfigure        = (*subscribedAppResource)(nil)
	_ resource.ResourceWithImportState      = (*subscribedAppResource)(nil)
	_ resource.ResourceWithConfigValidators = (*subscribedAppResource)(nil)
)

// NewSubscribedAppResource returns the whatsapp_subscribed_app resource.
func NewSubscribedAppResource() resource.Resource { return &subscribedAppResource{} }

type subscribedAppResource struct{ data *providerData }

type subscribedAppModel struct {
	ID                   types.String `tfsdk:"id"`
	WABAID               types.String `tfsdk:"waba_id"`
	OverrideCallbackURI  types.String `tfsdk:"override_callback_uri"`
	VerifyTokenWO        types.String `tfsdk:"verify_token_wo"`
	VerifyTokenWOVersion types.Int64  `tfsdk:"verify_token_wo_version"`
	AppID                types.String `tfsdk:"app_id"`
	AppName              types.String `tfsdk:"app_name"`
	AppLink              types.String `tfsdk:"app_link"`
}

func (r *subscribedAppResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_subscribed_app"
}

func (r *subscribedAppResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *subscribedAppResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Subscribes the app that owns the provider's access token to a WhatsApp Business Account's webhooks " +
			"(`/{waba-id}/subscribed_apps`), optionally with a WABA-level alternate callback URL. One app has at most one subscription per WABA.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The WABA ID: the subscription is identified by the WABA and the token's app.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account to subscribe to. Changing it subscribes to the new account and unsubscribes from the old one.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"override_callback_uri": schema.StringAttribute{
				MarkdownDescription: "Alternate callback URL for this WABA's webhooks (https, at most 200 characters), overriding the app's callback. " +
					"Requires `verify_token_wo`. Removing it removes the override in place.",
				Optional:   true,
				Validators: []validator.String{validators.HTTPSURL(maxCallbackURILength)},
			},
			"verify_token_wo": schema.StringAttribute{
				MarkdownDescription: "Verify token Meta echoes to `override_callback_uri` when it checks the endpoint. Write-only: never stored in plan or state. " +
					"Required with `override_callback_uri`. Change `verify_token_wo_version` to send a new value.",
				Optional:   true,
				WriteOnly:  true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"verify_token_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any change to this number sends `verify_token_wo` again. Terraform cannot see changes to a write-only value, so bump this when you rotate the token.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("verify_token_wo"))},
			},
			"app_id":   computedString("ID of the subscribed app (the app that owns the access token)."),
			"app_name": computedString("Name of the subscribed app."),
			"app_link": computedString("Link to the subscribed app."),
		},
	}
}

func (r *subscribedAppResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.RequiredTogether(path.MatchRoot("override_callback_uri"), path.MatchRoot("verify_token_wo")),
	}
}

func (r *subscribedAppResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.subscribe(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics, "subscribe the app to")
}

func (r *subscribedAppResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state subscribedAppModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	waba := state.WABAID.ValueString()
	sub, err := r.data.client.FindTokenAppSubscription(ctx, waba)
	addUsageWarnings(&resp.Diagnostics, r.data.client)
	if err != nil && !graph.IsNotFound(err) {
		addGraphError(&resp.Diagnostics, "read the subscription on WhatsApp Business Account "+waba, err)
		return
	}
	if sub == nil {
		removeFromStateWithWarning(ctx, resp, "whatsapp_subscribed_app", "The app is no longer subscribed to WhatsApp Business Account "+waba)
		return
	}
	state.fill(waba, sub)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *subscribedAppResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.subscribe(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics, "update the subscription on")
}

// subscribe sends the planned subscription and reads it back. Create and
// update are the same POST: Graph treats a POST without an override as
// "remove the override", so every call sends exactly the override the
// configuration wants. Once Graph confirmed the POST the subscription is kept
// in state whatever happens next, so that it is never lost track of.
func (r *subscribedAppResource) subscribe(ctx context.Context, planned tfsdk.Plan, config tfsdk.Config, state *tfsdk.State, diags *diag.Diagnostics, action string) {
	var plan subscribedAppModel
	diags.Append(planned.Get(ctx, &plan)...)
	var verifyToken types.String
	diags.Append(config.GetAttribute(ctx, path.Root("verify_token_wo"), &verifyToken)...)
	if diags.HasError() || !r.configured(diags) {
		return
	}
	waba := plan.WABAID.ValueString()
	if err := r.data.client.SubscribeApp(ctx, waba, desiredOverride(plan.OverrideCallbackURI, verifyToken)); err != nil {
		addUsageWarnings(diags, r.data.client)
		addGraphError(diags, action+" WhatsApp Business Account "+waba, err)
		return
	}
	sub, err := r.data.client.FindTokenAppSubscription(ctx, waba)
	addUsageWarnings(diags, r.data.client)
	if err != nil || sub == nil {
		plan.fillUnknownAppFields()
		diags.Append(state.Set(ctx, &plan)...)
		if err != nil {
			addGraphError(diags, "read back the subscription on WhatsApp Business Account "+waba, err)
			return
		}
		diags.AddError("Subscription not found after subscribing",
			"Graph confirmed the subscription to WhatsApp Business Account "+waba+" but does not list the token's app among its subscribed apps. "+
				"If the provider's app_id is set, check that it is the app that owns the access token.")
		return
	}
	plan.fill(waba, sub)
	diags.Append(state.Set(ctx, &plan)...)
}

func (r *subscribedAppResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state subscribedAppModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	waba := state.WABAID.ValueString()
	err := r.data.client.UnsubscribeApp(ctx, waba)
	addUsageWarnings(&resp.Diagnostics, r.data.client)
	if err != nil && !graph.IsNotFound(err) {
		addGraphError(&resp.Diagnostics, "unsubscribe the app from WhatsApp Business Account "+waba, err)
	}
}

func (r *subscribedAppResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !validators.IsNumericID(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID",
			"whatsapp_subscribed_app is imported by the WhatsApp Business Account ID, e.g. \"102290129340398\"; got \""+req.ID+"\".")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("waba_id"), req.ID)...)
}

func (r *subscribedAppResource) configured(diags *diag.Diagnostics) bool {
	return requireConfigured(r.data, diags)
}

func desiredOverride(uri, verifyToken types.String) *graph.CallbackOverride {
	if uri.IsNull() || uri.ValueString() == "" {
		return nil
	}
	return &graph.CallbackOverride{URI: uri.ValueString(), VerifyToken: verifyToken.ValueString()}
}

func (m *subscribedAppModel) fill(waba string, sub *graph.SubscribedApp) {
	m.ID = types.StringValue(waba)
	m.WABAID = types.StringValue(waba)
	m.AppID = types.StringValue(sub.ID)
	m.AppName = emptyAsNull(sub.Name)
	m.AppLink = emptyAsNull(sub.Link)
	m.OverrideCallbackURI = emptyAsNull(sub.OverrideCallbackURI)
	m.VerifyTokenWO = types.StringNull()
}

// fillUnknownAppFields settles values still unknown after a partial failure,
// since Terraform accepts no unknowns in state.
func (m *subscribedAppModel) fillUnknownAppFields() {
	m.ID = m.WABAID
	for _, f := range []*types.String{&m.AppID, &m.AppName, &m.AppLink} {
		if f.IsUnknown() {
			*f = types.StringNull()
		}
	}
	m.VerifyTokenWO = types.StringNull()
}
