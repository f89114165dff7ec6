package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// maxAppCallbackURLLength bounds callback_url. Meta documents no limit for an
// app's own callback (only 200 characters for WABA overrides); this keeps a
// pasted blob from being sent.
const maxAppCallbackURLLength = 1024

var (
	_ resource.Resource                     = (*appWebhookSubscriptionResource)(nil)
	_ resource.ResourceWithConfigure        = (*appWebhookSubscriptionResource)(nil)
	_ resource.ResourceWithImportState      = (*appWebhookSubscriptionResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*appWebhookSubscriptionResource)(nil)
	_ resource.ResourceWithConfigValidators = (*appWebhookSubscriptionResource)(nil)
)

// NewAppWebhookSubscriptionResource returns the whatsapp_app_webhook_subscription resource.
func NewAppWebhookSubscriptionResource() resource.Resource { return &appWebhookSubscriptionResource{} }

type appWebhookSubscriptionResource struct{ data *providerData }

type appWebhookSubscriptionModel struct {
	ID                   types.String `tfsdk:"id"`
	CallbackURL          types.String `tfsdk:"callback_url"`
	VerifyTokenWO        types.String `tfsdk:"verify_token_wo"`
	VerifyTokenWOVersion types.Int64  `tfsdk:"verify_token_wo_version"`
	Fields               types.Set    `tfsdk:"fields"`
	IncludeValues        types.Bool   `tfsdk:"include_values"`
	Active               types.Bool   `tfsdk:"active"`
}

func (r *appWebhookSubscriptionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_app_webhook_subscription"
}

func (r *appWebhookSubscriptionResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *appWebhookSubscriptionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Configures the app's webhook subscription for the `whatsapp_business_account` object (`/{app-id}/subscriptions`): " +
			"the callback URL every WABA's webhooks go to (unless a WABA or phone number overrides it) and the fields delivered. " +
			"Graph accepts these calls only with the app access token, which the provider builds from its `app_id` and `app_secret`; both must be set. " +
			"When the subscription is set, Meta verifies the callback: it must answer `GET ?hub.mode=subscribe&hub.challenge=...&hub.verify_token=...` " +
			"with the challenge when the verify token matches. An app has one subscription per object, so declare this resource once per app; " +
			"creating it fails, without a change, when the app already has one (e.g. set in the App Dashboard): import it instead.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The app ID (the provider's `app_id`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("URL Meta sends the webhooks to (https, at most %d characters). It must pass Meta's verification request at every apply that changes the subscription.", maxAppCallbackURLLength),
				Required:            true,
				Validators:          []validator.String{validators.HTTPSURL(maxAppCallbackURLLength)},
			},
			"verify_token_wo": schema.StringAttribute{
				MarkdownDescription: "Verify token Meta echoes to `callback_url` as `hub.verify_token` when it checks the endpoint. Write-only: never stored in plan or state. " +
					"Sent with every change, since Graph verifies the callback each time. Change `verify_token_wo_version` to send a new value on its own. " +
					"Must be set: the schema marks it optional only so that a configuration without it, such as one generated at import " +
					"(Graph never returns the token), fails with a message saying what to add.",
				// Optional in the schema, required by appWebhookVerifyToken,
				// whose message says what a generated configuration lacks.
				Optional:   true,
				WriteOnly:  true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"verify_token_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any change to this number sends the subscription, and `verify_token_wo`, again. Terraform cannot see changes to a write-only value, so bump this when you rotate the token.",
				Optional:            true,
			},
			"fields": schema.SetAttribute{
				MarkdownDescription: "Webhook fields to receive, e.g. `messages`, `account_update`, `message_template_status_update`. " +
					"Names Meta does not document for WhatsApp Business Accounts get a plan-time warning; Graph rejects names it does not know. " +
					"Documented: `" + strings.Join(graph.WABAWebhookFields, "`, `") + "`.",
				Required:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
					knownWebhookFields{},
				},
			},
			"include_values": schema.BoolAttribute{
				MarkdownDescription: "Whether notifications carry the changed values. Defaults to `true`, which is what WhatsApp integrations expect. " +
					"Graph does not return this setting, so a change made outside Terraform is not detected.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"active": schema.BoolAttribute{
				// Left unknown in update plans: Graph may report a new value
				// after the change.
				MarkdownDescription: "Whether Graph reports the subscription as active.",
				Computed:            true,
			},
		},
	}
}

func (r *appWebhookSubscriptionResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{appWebhookVerifyToken}
}

// ModifyPlan fails the plan, before any request, when the provider cannot
// build an app access token, or when the provider now names another app than
// the one whose subscription is in state.
func (r *appWebhookSubscriptionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	if !r.checkAppCredentials(&resp.Diagnostics) {
		return
	}
	if req.State.Raw.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), r.data.client.AppID())...)
		return
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	checkSameApp(id, r.data.client.AppID(), &resp.Diagnostics)
}

// checkSameApp fails when the provider now names another app than the one
// whose subscription is in state: reading or planning it would silently
// make the resource another app's subscription.
func checkSameApp(inState types.String, app string, diags *diag.Diagnostics) bool {
	if inState.IsNull() || inState.IsUnknown() || inState.ValueString() == app {
		return true
	}
	diags.AddError("Subscription belongs to another app",
		fmt.Sprintf("This whatsapp_app_webhook_subscription belongs to app %s, but the provider's app_id is now %s. "+
			"Use a provider configured for app %s, or remove the resource from state (terraform state rm) and import it with the new app.",
			inState.ValueString(), app, inState.ValueString()))
	return false
}

func (r *appWebhookSubscriptionResource) checkAppCredentials(diags *diag.Diagnostics) bool {
	return requireAppCredentials(r.data.client, diags)
}

// requireAppCredentials fails, before any request, when the provider cannot
// build the app access token that the app's subscriptions need.
func requireAppCredentials(client *graph.Client, diags *diag.Diagnostics) bool {
	if client.HasAppCredentials() {
		return true
	}
	diags.AddError("Missing app credentials",
		"whatsapp_app_webhook_subscription manages the app's own webhook subscription, which Graph accepts only with the app access token "+
			"<app_id>|<app_secret>. Set both app_id and app_secret on the provider (or "+EnvAppID+" and "+EnvAppSecret+").")
	return false
}

func (r *appWebhookSubscriptionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !requireConfigured(r.data, &resp.Diagnostics) || !r.checkAppCredentials(&resp.Diagnostics) {
		return
	}
	// Graph's POST is an upsert: without this check a create would replace
	// a subscription someone else set, and a destroy would then stop it.
	client := r.data.client
	app := client.AppID()
	existing, err := client.ExistingAppSubscription(ctx, graph.WABAWebhookObject)
	if reportGraphCall(&resp.Diagnostics, client, "check whether app "+app+" already has whatsapp_business_account webhooks",
		err, missingOrHiddenAdvice(err, "app "+app, false)) {
		return
	}
	if existing != nil {
		addAlreadyExistsError(&resp.Diagnostics, "whatsapp_app_webhook_subscription",
			fmt.Sprintf("App %s already has a whatsapp_business_account webhook subscription, with callback %q and fields [%s].",
				app, existing.CallbackURL, strings.Join(existing.Fields, ", ")), app)
		return
	}
	r.write(ctx, req.Plan, req.Config, &resp.State, resp.Identity, &resp.Diagnostics, "subscribe")
}

func (r *appWebhookSubscriptionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.write(ctx, req.Plan, req.Config, &resp.State, resp.Identity, &resp.Diagnostics, "update")
}

// write sets the subscription (Graph's POST is an upsert, so create and
// update are the same call) with the verify token read from the
// configuration, then reads it back.
func (r *appWebhookSubscriptionResource) write(ctx context.Context, planned tfsdk.Plan, config tfsdk.Config, state *tfsdk.State,
	identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics, verb string) {
	var plan appWebhookSubscriptionModel
	diags.Append(planned.Get(ctx, &plan)...)
	var verifyToken types.String
	diags.Append(config.GetAttribute(ctx, path.Root("verify_token_wo"), &verifyToken)...)
	if diags.HasError() || !requireConfigured(r.data, diags) || !r.checkAppCredentials(diags) {
		return
	}
	var fields []string
	diags.Append(plan.Fields.ElementsAs(ctx, &fields, false)...)
	if diags.HasError() {
		return
	}
	client := r.data.client
	app := client.AppID()
	err := client.SetAppSubscription(ctx, graph.AppSubscriptionSettings{
		Object: graph.WABAWebhookObject, CallbackURL: plan.CallbackURL.ValueString(), VerifyToken: verifyToken.ValueString(),
		Fields: fields, IncludeValues: plan.IncludeValues.ValueBool(),
	})
	if reportGraphCall(diags, client, verb+" the whatsapp_business_account webhooks of app "+app, err, graph.Hint(err), callbackVerificationAdvice(err)) {
		return
	}
	plan.ID = types.StringValue(app)
	plan.VerifyTokenWO = types.StringNull()
	setIdentity(ctx, identity, newAppWebhookSubscriptionIdentity(app), diags)
	sub, err := client.FindAppSubscription(ctx, graph.WABAWebhookObject)
	if reportGraphCall(diags, client, "read back the webhook subscription of app "+app, err) || sub == nil {
		// Graph confirmed the change: keep it in state so that it can
		// still be destroyed, and let the next refresh fill in the rest.
		if plan.Active.IsUnknown() {
			plan.Active = types.BoolNull()
		}
		diags.Append(state.Set(ctx, &plan)...)
		if err == nil {
			diags.AddError("Subscription not found after setting it",
				"Graph confirmed the whatsapp_business_account subscription of app "+app+" but does not list it.")
		}
		return
	}
	plan.Active = types.BoolValue(sub.Active)
	// State keeps the planned values Graph accepted (Terraform requires
	// that); a difference shows as drift at the next refresh, and is
	// explained now. Set elements are unique, so sorted they compare with
	// Graph's sorted list.
	slices.Sort(fields)
	if sub.CallbackURL != plan.CallbackURL.ValueString() || !slices.Equal(sub.Fields, fields) {
		diags.AddWarning("Graph reports a different webhook subscription",
			fmt.Sprintf("Graph accepted the subscription but now lists callback %q with fields [%s] instead of %q with [%s]. "+
				"The next plan will show the difference.", sub.CallbackURL, strings.Join(sub.Fields, ", "), plan.CallbackURL.ValueString(), strings.Join(fields, ", ")))
	}
	diags.Append(state.Set(ctx, &plan)...)
}

func (r *appWebhookSubscriptionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state appWebhookSubscriptionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) || !r.checkAppCredentials(&resp.Diagnostics) {
		return
	}
	app := r.data.client.AppID()
	if !checkSameApp(state.ID, app, &resp.Diagnostics) {
		return
	}
	setIdentity(ctx, resp.Identity, newAppWebhookSubscriptionIdentity(app), &resp.Diagnostics)
	sub, err := r.data.client.FindAppSubscription(ctx, graph.WABAWebhookObject)
	if reportGraphCall(&resp.Diagnostics, r.data.client, "read the webhook subscription of app "+app, err, missingOrHiddenAdvice(err, "app "+app, true)) {
		// Only a successful read of the app's subscriptions can show this
		// one gone.
		return
	}
	if sub == nil {
		removeFromStateWithWarning(ctx, resp, "whatsapp_app_webhook_subscription",
			"App "+r.data.client.AppID()+" no longer has a whatsapp_business_account webhook subscription")
		return
	}
	state.ID = types.StringValue(r.data.client.AppID())
	state.CallbackURL = types.StringValue(sub.CallbackURL)
	fields, d := types.SetValueFrom(ctx, types.StringType, append([]string{}, sub.Fields...))
	resp.Diagnostics.Append(d...)
	state.Fields = fields
	state.Active = types.BoolValue(sub.Active)
	if state.IncludeValues.IsNull() || state.IncludeValues.IsUnknown() {
		// Not returned by Graph: an imported subscription assumes the default.
		state.IncludeValues = types.BoolValue(true)
	}
	state.VerifyTokenWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *appWebhookSubscriptionResource) Delete(ctx context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !requireConfigured(r.data, &resp.Diagnostics) || !r.checkAppCredentials(&resp.Diagnostics) {
		return
	}
	client := r.data.client
	err := client.DeleteAppSubscription(ctx, graph.WABAWebhookObject)
	if err != nil && graph.IsMissingOrHidden(err) {
		// Deleted or out of sight: only a successful read without the
		// subscription lets the resource go.
		if sub, readErr := client.FindAppSubscription(ctx, graph.WABAWebhookObject); readErr == nil && sub == nil {
			err = nil
		}
	}
	app := client.AppID()
	reportGraphCall(&resp.Diagnostics, client, "delete the whatsapp_business_account webhook subscription of app "+app, err,
		missingOrHiddenAdvice(err, "app "+app, true))
}

func (r *appWebhookSubscriptionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	app, what := req.ID, "Import ID"
	if importingByIdentity(req) {
		if app, what = r.identityImportID(ctx, req, &resp.Diagnostics), "Identity app_id"; resp.Diagnostics.HasError() {
			return
		}
	} else if !validators.IsNumericID(app) {
		resp.Diagnostics.AddError("Invalid import ID",
			"whatsapp_app_webhook_subscription is imported by the app ID, e.g. \"670843887433847\"; got \""+app+"\".")
		return
	}
	if r.data != nil && r.data.client.AppID() != "" && r.data.client.AppID() != app {
		resp.Diagnostics.AddError(what+" is not the provider's app",
			"The provider manages the subscription of app "+r.data.client.AppID()+" (its app_id), so that is the only ID it can import; got \""+app+"\".")
		return
	}
	setIdentity(ctx, resp.Identity, newAppWebhookSubscriptionIdentity(app), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), app)...)
}

// callbackVerificationAdvice explains Meta's callback verification when that
// is what failed (Graph code 2200). It follows the client's hint rather than
// replacing it.
func callbackVerificationAdvice(err error) string {
	if ge, ok := graph.AsError(err); !ok || ge.Code != 2200 {
		return ""
	}
	return "Meta could not verify callback_url. It sends GET <callback_url>?hub.mode=subscribe&hub.challenge=<number>&hub.verify_token=<token> " +
		"and expects HTTP 200 with the challenge as the whole body. Check that the endpoint is reachable over https with a valid certificate, " +
		"and that it compares hub.verify_token with verify_token_wo."
}
