package provider

import (
	"context"
	"fmt"

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

const phoneNumberWebhookType = "whatsapp_phone_number_webhook"

var (
	_ resource.Resource                     = (*phoneNumberWebhookResource)(nil)
	_ resource.ResourceWithConfigure        = (*phoneNumberWebhookResource)(nil)
	_ resource.ResourceWithImportState      = (*phoneNumberWebhookResource)(nil)
	_ resource.ResourceWithConfigValidators = (*phoneNumberWebhookResource)(nil)
)

// NewPhoneNumberWebhookResource returns the whatsapp_phone_number_webhook
// resource.
func NewPhoneNumberWebhookResource() resource.Resource { return &phoneNumberWebhookResource{} }

type phoneNumberWebhookResource struct{ data *providerData }

type phoneNumberWebhookModel struct {
	ID                   types.String `tfsdk:"id"`
	WABAID               types.String `tfsdk:"waba_id"`
	PhoneNumberID        types.String `tfsdk:"phone_number_id"`
	OverrideCallbackURI  types.String `tfsdk:"override_callback_uri"`
	VerifyTokenWO        types.String `tfsdk:"verify_token_wo"`
	VerifyTokenWOVersion types.Int64  `tfsdk:"verify_token_wo_version"`
	WABACallbackURI      types.String `tfsdk:"waba_callback_uri"`
	AppCallbackURI       types.String `tfsdk:"app_callback_uri"`
}

func (r *phoneNumberWebhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_phone_number_webhook"
}

func (r *phoneNumberWebhookResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *phoneNumberWebhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	informative := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Sends one phone number's webhooks to a callback URL of its own (`POST /{phone-number-id}` with `webhook_configuration`), " +
			"ahead of its WhatsApp Business Account's override and the app's callback. The app that owns the provider's access token must be " +
			"subscribed to the WABA first (`whatsapp_subscribed_app`).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<waba_id>/<phone_number_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"waba_id": requiredGraphID("ID of the WhatsApp Business Account that owns the phone number. The provider reads the webhook settings "+
				"of all the account's numbers at once, on this account.", "102290129340398"),
			"phone_number_id": requiredGraphID("ID of the phone number (not the phone number itself), as `whatsapp_phone_numbers` lists it.", "106540352242922"),
			"override_callback_uri": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("URL this number's webhooks go to (https, at most %d characters). Meta verifies it with "+
					"`verify_token_wo` when it is set. Changing it updates the override in place.", maxCallbackURILength),
				Required:   true,
				Validators: []validator.String{validators.HTTPSURL(maxCallbackURILength)},
			},
			"verify_token_wo": schema.StringAttribute{
				MarkdownDescription: "Verify token Meta echoes to `override_callback_uri` as `hub.verify_token` when it checks the endpoint. " +
					"Write-only: never stored in plan or state, and sent with every change of the override. Change `verify_token_wo_version` " +
					"to send a new value on its own. Must be set: the schema marks it optional only so that a configuration without it, " +
					"such as one generated at import (Graph never returns the token), fails with a message saying what to add.",
				// Optional in the schema, required by phoneNumberWebhookVerifyToken,
				// whose message says what a generated configuration lacks.
				Optional:   true,
				WriteOnly:  true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"verify_token_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any change to this number sends the override, and `verify_token_wo`, again. Terraform cannot see changes to a write-only value, so bump this when you rotate the token.",
				Optional:            true,
			},
			"waba_callback_uri": informative("The WhatsApp Business Account's callback override for the token's app " +
				"(`whatsapp_subscribed_app.override_callback_uri`), where the number's webhooks would go without this override; null when there is none. Read-only."),
			"app_callback_uri": informative("The app's callback URL for WhatsApp Business Account webhooks (`whatsapp_app_webhook_subscription.callback_url`), " +
				"where they go when neither the number nor the account overrides it, and where template and account webhooks always go; null when Graph reports none. Read-only."),
		},
	}
}

func (r *phoneNumberWebhookResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{phoneNumberWebhookVerifyToken}
}

func (r *phoneNumberWebhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan phoneNumberWebhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	// Every create on the WABA shares this one read of its numbers.
	existing, err := client.ExistingPhoneNumberWebhook(ctx, waba, phone)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("check whether phone number %s of WhatsApp Business Account %s already has a webhook override", phone, waba),
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	if existing == nil {
		addPhoneNumberNotListedError(&resp.Diagnostics, waba, phone, "override")
		return
	}
	if existing.PhoneNumber != "" {
		addAlreadyExistsError(&resp.Diagnostics, phoneNumberWebhookType,
			fmt.Sprintf("The webhook override of phone number %s on WhatsApp Business Account %s (%s)", phone, waba, existing.PhoneNumber),
			waba+"/"+phone)
		return
	}
	if !r.setOverride(ctx, &plan, req.Config, &resp.Diagnostics, "set the webhook override of", false) {
		return
	}
	// Graph confirmed the override as sent, and the other levels are as the
	// check read them: the state is complete without reading again.
	plan.ID = types.StringValue(waba + "/" + phone)
	plan.WABACallbackURI, plan.AppCallbackURI = emptyAsNull(existing.WhatsAppBusinessAccount), emptyAsNull(existing.Application)
	plan.VerifyTokenWO = types.StringNull()
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *phoneNumberWebhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state phoneNumberWebhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	waba, phone := state.WABAID.ValueString(), state.PhoneNumberID.ValueString()
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	config, err := r.data.client.FindPhoneNumberWebhook(ctx, waba, phone)
	if reportGraphCall(&resp.Diagnostics, r.data.client, fmt.Sprintf("read the webhook override of phone number %s on WhatsApp Business Account %s", phone, waba),
		err, missingWABAAdvice(err, waba, true)) {
		// Only a successful read of the WABA's numbers can show it gone.
		return
	}
	switch {
	case config == nil:
		removeFromStateWithWarning(ctx, resp, phoneNumberWebhookType,
			fmt.Sprintf("WhatsApp Business Account %s no longer lists phone number %s", waba, phone))
		return
	case config.PhoneNumber == "":
		removeFromStateWithWarning(ctx, resp, phoneNumberWebhookType,
			fmt.Sprintf("Phone number %s of WhatsApp Business Account %s no longer has a webhook override", phone, waba))
		return
	}
	state.fill(waba, phone, config)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *phoneNumberWebhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan phoneNumberWebhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	if !r.setOverride(ctx, &plan, req.Config, &resp.Diagnostics, "update the webhook override of", true) {
		return
	}
	// The other levels are not changed by this write: the plan kept them
	// from state.
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	plan.ID = types.StringValue(waba + "/" + phone)
	plan.VerifyTokenWO = types.StringNull()
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// setOverride sends the planned override with the configured verify token,
// and reports whether Graph confirmed it.
func (r *phoneNumberWebhookResource) setOverride(ctx context.Context, plan *phoneNumberWebhookModel, config tfsdk.Config, diags *diag.Diagnostics, action string, inState bool) bool {
	var verifyToken types.String
	diags.Append(config.GetAttribute(ctx, path.Root("verify_token_wo"), &verifyToken)...)
	if diags.HasError() {
		return false
	}
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	err := r.data.client.SetPhoneNumberWebhook(ctx, waba, phone, graph.CallbackOverride{URI: plan.OverrideCallbackURI.ValueString(), VerifyToken: verifyToken.ValueString()})
	return !reportGraphCall(diags, r.data.client, fmt.Sprintf("%s phone number %s on WhatsApp Business Account %s", action, phone, waba),
		err, missingWABAAdvice(err, waba, inState), overrideVerificationAdvice(err), appNotSubscribedAdvice(ctx, r.data.client, err, waba))
}

func (r *phoneNumberWebhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state phoneNumberWebhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, phone := state.WABAID.ValueString(), state.PhoneNumberID.ValueString()
	err := client.ClearPhoneNumberWebhook(ctx, waba, phone)
	if err != nil && graph.IsMissingOrHidden(err) {
		// Deleted or out of sight: only a successful read of the WABA's
		// numbers, without the number or without its override, lets the
		// resource go.
		if config, readErr := client.FindPhoneNumberWebhook(ctx, waba, phone); readErr == nil && (config == nil || config.PhoneNumber == "") {
			err = nil
		}
	}
	reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("remove the webhook override of phone number %s on WhatsApp Business Account %s", phone, waba),
		err, missingWABAAdvice(err, waba, true))
}

func (m *phoneNumberWebhookModel) fill(waba, phone string, config *graph.WebhookConfiguration) {
	m.ID = types.StringValue(waba + "/" + phone)
	m.WABAID, m.PhoneNumberID = types.StringValue(waba), types.StringValue(phone)
	m.OverrideCallbackURI = types.StringValue(config.PhoneNumber)
	m.WABACallbackURI = emptyAsNull(config.WhatsAppBusinessAccount)
	m.AppCallbackURI = emptyAsNull(config.Application)
	m.VerifyTokenWO = types.StringNull()
}
