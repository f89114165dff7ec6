package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

const conversationalAutomationType = "whatsapp_conversational_automation"

// Limits from Meta's conversational components guide. Meta's OpenAPI
// description differs: 3 prompts, and command names of at most 30
// characters matching ^[a-zA-Z0-9_]+$. The plan allows the guide's 4
// prompts and 32 characters, with the OpenAPI pattern, and leaves the rest
// to Graph, whose refusal is shown as it is.
const (
	maxAutomationPrompts      = 4
	maxAutomationPromptLength = 80
	maxAutomationCommands     = 30
	maxCommandNameLength      = 32
)

var commandNamePattern = regexp.MustCompile(`^[a-zA-Z0-9_]+$`)

var (
	_ resource.Resource                = (*conversationalAutomationResource)(nil)
	_ resource.ResourceWithConfigure   = (*conversationalAutomationResource)(nil)
	_ resource.ResourceWithImportState = (*conversationalAutomationResource)(nil)
)

// NewConversationalAutomationResource returns the
// whatsapp_conversational_automation resource.
func NewConversationalAutomationResource() resource.Resource {
	return &conversationalAutomationResource{}
}

type conversationalAutomationResource struct{ data *providerData }

type conversationalAutomationModel struct {
	ID                   types.String `tfsdk:"id"`
	WABAID               types.String `tfsdk:"waba_id"`
	PhoneNumberID        types.String `tfsdk:"phone_number_id"`
	EnableWelcomeMessage types.Bool   `tfsdk:"enable_welcome_message"`
	Prompts              types.List   `tfsdk:"prompts"`
	Commands             types.List   `tfsdk:"commands"`
}

type automationCommandModel struct {
	Name        types.String `tfsdk:"command_name"`
	Description types.String `tfsdk:"command_description"`
}

var automationCommandType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"command_name": types.StringType, "command_description": types.StringType,
}}

func (r *conversationalAutomationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversational_automation"
}

func (r *conversationalAutomationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *conversationalAutomationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A phone number's conversational components (`POST /{phone-number-id}/conversational_automation`): the welcome message, " +
			"ice breakers and commands WhatsApp shows in a chat with the business. Every number has exactly one; destroying the resource turns " +
			"the welcome message off and removes every ice breaker and command. Meta reports that welcome messages are currently not functioning as intended.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<waba_id>/<phone_number_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"waba_id": requiredGraphID("ID of the WhatsApp Business Account that owns the phone number. The provider reads the automation "+
				"of all the account's numbers at once, on this account.", "102290129340398"),
			"phone_number_id": requiredGraphID("ID of the phone number (not the phone number itself), as `whatsapp_phone_numbers` lists it.", "106540352242922"),
			"enable_welcome_message": schema.BoolAttribute{
				MarkdownDescription: "Whether WhatsApp sends the business a `request_welcome` webhook when a user opens a chat for the first time. " +
					"Defaults to `false`. Meta reports that welcome messages are currently not functioning as intended.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"prompts": schema.ListAttribute{
				MarkdownDescription: fmt.Sprintf("Ice breakers: up to %d texts of at most %d characters a user can tap to start a chat. "+
					"Meta's OpenAPI description allows 3; Graph decides, and its refusal is shown.", maxAutomationPrompts, maxAutomationPromptLength),
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.List{
					listvalidator.SizeAtMost(maxAutomationPrompts),
					listvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, maxAutomationPromptLength)),
				},
			},
			"commands": schema.ListNestedAttribute{
				MarkdownDescription: fmt.Sprintf("Commands a user can pick after typing `/`, at most %d.", maxAutomationCommands),
				Optional:            true,
				Validators:          []validator.List{listvalidator.SizeAtMost(maxAutomationCommands)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"command_name": schema.StringAttribute{
						MarkdownDescription: fmt.Sprintf("The command, without the `/`: letters, digits and underscores, at most %d characters "+
							"(Meta's guide; its OpenAPI description says 30).", maxCommandNameLength),
						Required: true,
						Validators: []validator.String{
							stringvalidator.LengthBetween(1, maxCommandNameLength),
							stringvalidator.RegexMatches(commandNamePattern, "must contain only letters, digits and underscores"),
						},
					},
					"command_description": schema.StringAttribute{
						MarkdownDescription: "What the command does, shown next to it.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				}},
			},
		},
	}
}

func (r *conversationalAutomationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan conversationalAutomationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	// Every create on the WABA shares this one read of its numbers.
	existing, err := client.ExistingConversationalAutomation(ctx, waba, phone)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("check whether phone number %s of WhatsApp Business Account %s already has conversational automation", phone, waba),
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	if existing == nil {
		addPhoneNumberNotListedError(&resp.Diagnostics, waba, phone, "automation")
		return
	}
	// Every number has an automation; only a configured one is taken as
	// existing, since an empty one holds nothing to take over.
	if !existing.IsEmpty() {
		addAlreadyExistsError(&resp.Diagnostics, conversationalAutomationType,
			fmt.Sprintf("The conversational automation of phone number %s on WhatsApp Business Account %s (%s)", phone, waba, describeAutomation(*existing)),
			waba+"/"+phone)
		return
	}
	if !r.write(ctx, &plan, &resp.Diagnostics, "set the conversational automation of", false) {
		return
	}
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *conversationalAutomationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state conversationalAutomationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	waba, phone := state.WABAID.ValueString(), state.PhoneNumberID.ValueString()
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	a, err := r.data.client.FindConversationalAutomation(ctx, waba, phone)
	if reportGraphCall(&resp.Diagnostics, r.data.client, fmt.Sprintf("read the conversational automation of phone number %s on WhatsApp Business Account %s", phone, waba),
		err, missingWABAAdvice(err, waba, true)) {
		// Only a successful read of the WABA's numbers can show it gone.
		return
	}
	if a == nil {
		removeFromStateWithWarning(ctx, resp, conversationalAutomationType,
			fmt.Sprintf("WhatsApp Business Account %s no longer lists phone number %s", waba, phone))
		return
	}
	// An automation emptied outside Terraform stays: the number still has
	// one, and the plan shows what to set again.
	resp.Diagnostics.Append(state.fill(ctx, waba, phone, *a)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *conversationalAutomationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan conversationalAutomationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	if !r.write(ctx, &plan, &resp.Diagnostics, "update the conversational automation of", true) {
		return
	}
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// write sends the planned automation whole, and reports whether Graph
// confirmed it; the plan is then the state.
func (r *conversationalAutomationResource) write(ctx context.Context, plan *conversationalAutomationModel, diags *diag.Diagnostics, action string, inState bool) bool {
	a, d := plan.automation(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return false
	}
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	err := r.data.client.SetConversationalAutomation(ctx, waba, phone, a)
	if reportGraphCall(diags, r.data.client, fmt.Sprintf("%s phone number %s on WhatsApp Business Account %s", action, phone, waba),
		err, missingWABAAdvice(err, waba, inState)) {
		return false
	}
	plan.ID = types.StringValue(waba + "/" + phone)
	return true
}

func (r *conversationalAutomationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state conversationalAutomationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, phone := state.WABAID.ValueString(), state.PhoneNumberID.ValueString()
	err := client.ClearConversationalAutomation(ctx, waba, phone)
	if err != nil && graph.IsMissingOrHidden(err) {
		// Deleted or out of sight: only a successful read of the WABA's
		// numbers without the number lets the resource go.
		if a, readErr := client.FindConversationalAutomation(ctx, waba, phone); readErr == nil && a == nil {
			err = nil
		}
	}
	reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("clear the conversational automation of phone number %s on WhatsApp Business Account %s", phone, waba),
		err, missingWABAAdvice(err, waba, true))
}

// automation is the plan as Graph's automation; a null list is empty.
func (m conversationalAutomationModel) automation(ctx context.Context) (graph.ConversationalAutomation, diag.Diagnostics) {
	var diags diag.Diagnostics
	a := graph.ConversationalAutomation{EnableWelcomeMessage: m.EnableWelcomeMessage.ValueBool()}
	diags.Append(m.Prompts.ElementsAs(ctx, &a.Prompts, false)...)
	var commands []automationCommandModel
	diags.Append(m.Commands.ElementsAs(ctx, &commands, false)...)
	for _, c := range commands {
		a.Commands = append(a.Commands, graph.AutomationCommand{Name: c.Name.ValueString(), Description: c.Description.ValueString()})
	}
	return a, diags
}

// fill sets the model from Graph's automation. An empty list is null unless
// the state already held an empty list, so that neither form of "none" in a
// configuration shows as a change.
func (m *conversationalAutomationModel) fill(ctx context.Context, waba, phone string, a graph.ConversationalAutomation) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(waba + "/" + phone)
	m.WABAID, m.PhoneNumberID = types.StringValue(waba), types.StringValue(phone)
	m.EnableWelcomeMessage = types.BoolValue(a.EnableWelcomeMessage)
	if len(a.Prompts) > 0 || !isEmptyList(m.Prompts) {
		m.Prompts = types.ListNull(types.StringType)
	}
	if len(a.Prompts) > 0 {
		var d diag.Diagnostics
		m.Prompts, d = types.ListValueFrom(ctx, types.StringType, a.Prompts)
		diags.Append(d...)
	}
	if len(a.Commands) > 0 || !isEmptyList(m.Commands) {
		m.Commands = types.ListNull(automationCommandType)
	}
	if len(a.Commands) > 0 {
		commands := make([]automationCommandModel, 0, len(a.Commands))
		for _, c := range a.Commands {
			commands = append(commands, automationCommandModel{Name: types.StringValue(c.Name), Description: types.StringValue(c.Description)})
		}
		var d diag.Diagnostics
		m.Commands, d = types.ListValueFrom(ctx, automationCommandType, commands)
		diags.Append(d...)
	}
	return diags
}

// isEmptyList reports whether l is a known list without elements.
func isEmptyList(l types.List) bool {
	return !l.IsNull() && !l.IsUnknown() && len(l.Elements()) == 0
}

// describeAutomation says what an existing automation holds, for the
// refusal to take it over.
func describeAutomation(a graph.ConversationalAutomation) string {
	return fmt.Sprintf("welcome message %t, %d ice breakers, %d commands", a.EnableWelcomeMessage, len(a.Prompts), len(a.Commands))
}
