package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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
	appAttribute := func(desc string) schema.StringAttribute {
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
					"Required with `override_callback_uri`, and only with it; Graph never returns it, so add it to the configuration after importing a subscription " +
					"that has an override. Change `verify_token_wo_version` to send a new value.",
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
			"app_id":   appAttribute("ID of the subscribed app (the app that owns the access token)."),
			"app_name": appAttribute("Name of the subscribed app."),
			"app_link": appAttribute("Link to the subscribed app."),
		},
	}
}

func (r *subscribedAppResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{subscribedAppVerifyToken{}}
}

func (r *subscribedAppResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan subscribedAppModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba := plan.WABAID.ValueString()
	existing, err := client.ExistingTokenAppSubscription(ctx, waba)
	if reportGraphCall(&resp.Diagnostics, client, "check whether the app is already subscribed to WhatsApp Business Account "+waba,
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	if existing != nil {
		addAlreadyExistsError(&resp.Diagnostics, "whatsapp_subscribed_app",
			fmt.Sprintf("App %s is already subscribed to the webhooks of WhatsApp Business Account %s%s.", existing.ID, waba, overrideNote(existing)), waba)
		return
	}
	if !r.subscribe(ctx, &plan, req.Config, &resp.Diagnostics, "subscribe the app to", false) {
		return
	}
	setIdentity(ctx, resp.Identity, newSubscribedAppIdentity(waba), &resp.Diagnostics)
	// Graph confirmed the subscription as sent. The check above already
	// resolved the token's app, so the state is complete without reading
	// the edge again, unless the provider was given app_id and so never
	// asked Graph for the app's name.
	app, err := r.data.client.TokenApp(ctx)
	if err != nil || app.Name == "" {
		r.readBack(ctx, &plan, &resp.State, &resp.Diagnostics)
		return
	}
	plan.ID, plan.AppID = plan.WABAID, types.StringValue(app.ID)
	plan.AppName, plan.AppLink = emptyAsNull(app.Name), emptyAsNull(app.Link)
	plan.VerifyTokenWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *subscribedAppResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state subscribedAppModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	waba := state.WABAID.ValueString()
	setIdentity(ctx, resp.Identity, newSubscribedAppIdentity(waba), &resp.Diagnostics)
	sub, err := r.data.client.FindTokenAppSubscription(ctx, waba)
	if reportGraphCall(&resp.Diagnostics, r.data.client, "read the subscription on WhatsApp Business Account "+waba,
		err, missingWABAAdvice(err, waba, true)) {
		// Only a successful read of the edge can show the app gone.
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
	var plan subscribedAppModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	if !r.subscribe(ctx, &plan, req.Config, &resp.Diagnostics, "update the subscription on", true) {
		return
	}
	setIdentity(ctx, resp.Identity, newSubscribedAppIdentity(plan.WABAID.ValueString()), &resp.Diagnostics)
	r.readBack(ctx, &plan, &resp.State, &resp.Diagnostics)
}

// readBack fills the computed attributes from the edge after a confirmed
// POST. Graph confirmed the change, so the subscription is kept in state
// whatever the read says, and never lost track of.
func (r *subscribedAppResource) readBack(ctx context.Context, plan *subscribedAppModel, state *tfsdk.State, diags *diag.Diagnostics) {
	waba := plan.WABAID.ValueString()
	sub, err := r.data.client.FindTokenAppSubscription(ctx, waba)
	if reportGraphCall(diags, r.data.client, "read back the subscription on WhatsApp Business Account "+waba, err) || sub == nil {
		plan.fillUnknownAppFields()
		diags.Append(state.Set(ctx, plan)...)
		if err != nil {
			return
		}
		diags.AddError("Subscription not found after subscribing",
			"Graph confirmed the subscription to WhatsApp Business Account "+waba+" but does not list the token's app among its subscribed apps. "+
				"If the provider's app_id is set, check that it is the app that owns the access token.")
		return
	}
	plan.fill(waba, sub)
	diags.Append(state.Set(ctx, plan)...)
}

// subscribe sends the planned subscription. Create and update are the same
// POST: Graph treats a POST without an override as "remove the override", so
// every call sends exactly the override the configuration wants. It reports
// whether Graph confirmed it; when it did not, nothing is put in state.
func (r *subscribedAppResource) subscribe(ctx context.Context, plan *subscribedAppModel, config tfsdk.Config, diags *diag.Diagnostics, action string, inState bool) bool {
	var verifyToken types.String
	diags.Append(config.GetAttribute(ctx, path.Root("verify_token_wo"), &verifyToken)...)
	if diags.HasError() {
		return false
	}
	waba := plan.WABAID.ValueString()
	err := r.data.client.SubscribeApp(ctx, waba, desiredOverride(plan.OverrideCallbackURI, verifyToken))
	return !reportGraphCall(diags, r.data.client, action+" WhatsApp Business Account "+waba, err, missingWABAAdvice(err, waba, inState))
}

func (r *subscribedAppResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state subscribedAppModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba := state.WABAID.ValueString()
	err := client.UnsubscribeApp(ctx, waba)
	if err != nil && graph.IsMissingOrHidden(err) {
		// Deleted or out of sight: only a successful read of the edge
		// without the app lets the resource go.
		if sub, readErr := client.FindTokenAppSubscription(ctx, waba); readErr == nil && sub == nil {
			err = nil
		}
	}
	reportGraphCall(&resp.Diagnostics, client, "unsubscribe the app from WhatsApp Business Account "+waba, err, missingWABAAdvice(err, waba, true))
}

// overrideNote describes an existing subscription's callback override, if any.
func overrideNote(sub *graph.SubscribedApp) string {
	if sub.OverrideCallbackURI == "" {
		return ""
	}
	return " with the callback override " + sub.OverrideCallbackURI
}

func (r *subscribedAppResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	waba, summary, wanted := req.ID, "Invalid import ID", "whatsapp_subscribed_app is imported by the WhatsApp Business Account ID"
	if importingByIdentity(req) {
		var id subscribedAppIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &id)...)
		if resp.Diagnostics.HasError() {
			return
		}
		waba, summary, wanted = id.WABAID.ValueString(), "Invalid import identity", "whatsapp_subscribed_app's identity waba_id must be the WhatsApp Business Account ID"
	}
	if !validators.IsNumericID(waba) {
		resp.Diagnostics.AddError(summary, wanted+", e.g. \"102290129340398\"; got \""+waba+"\".")
		return
	}
	setIdentity(ctx, resp.Identity, newSubscribedAppIdentity(waba), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), waba)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("waba_id"), waba)...)
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
	// Graph's flat item form ({"id","name"}, seen in real v25.0 responses)
	// has no link: a value Graph does not send is kept, not cleared.
	m.AppName = keepIfEmpty(sub.Name, m.AppName)
	m.AppLink = keepIfEmpty(sub.Link, m.AppLink)
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
