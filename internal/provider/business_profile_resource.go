package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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

const businessProfileType = "whatsapp_business_profile"

var (
	_ resource.Resource                     = (*businessProfileResource)(nil)
	_ resource.ResourceWithConfigure        = (*businessProfileResource)(nil)
	_ resource.ResourceWithImportState      = (*businessProfileResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*businessProfileResource)(nil)
	_ resource.ResourceWithConfigValidators = (*businessProfileResource)(nil)
)

// NewBusinessProfileResource returns the whatsapp_business_profile resource.
func NewBusinessProfileResource() resource.Resource {
	return &businessProfileResource{}
}

type businessProfileResource struct{ data *providerData }

type businessProfileModel struct {
	ID                   types.String `tfsdk:"id"`
	WABAID               types.String `tfsdk:"waba_id"`
	PhoneNumberID        types.String `tfsdk:"phone_number_id"`
	About                types.String `tfsdk:"about"`
	Address              types.String `tfsdk:"address"`
	Description          types.String `tfsdk:"description"`
	Email                types.String `tfsdk:"email"`
	Websites             types.List   `tfsdk:"websites"`
	Vertical             types.String `tfsdk:"vertical"`
	ProfilePictureFile   types.String `tfsdk:"profile_picture_file"`
	ProfilePictureSHA256 types.String `tfsdk:"profile_picture_sha256"`
	ProfilePictureURL    types.String `tfsdk:"profile_picture_url"`
}

// websitePattern is what Graph takes as a website: an http or https URL.
var websitePattern = regexp.MustCompile(`^https?://[^\s/]+\S*$`)

// emailPattern is a loose check that catches a missing or doubled "@";
// Graph judges the rest.
var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)

func (r *businessProfileResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_business_profile"
}

func (r *businessProfileResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *businessProfileResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optionalText := func(desc string, maxLen int) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s At most %d characters.", desc, maxLen),
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthBetween(1, maxLen)},
		}
	}
	email := optionalText("Contact email address shown on the profile. Removing it from the configuration clears it.", graph.ProfileEmailMax)
	email.Validators = append(email.Validators, stringvalidator.RegexMatches(emailPattern, "must be an email address, such as \"hello@example.com\""))
	resp.Schema = schema.Schema{
		MarkdownDescription: "A phone number's public business profile (`/{phone-number-id}/whatsapp_business_profile`): the about text, address, " +
			"description, email, websites, industry and picture WhatsApp users see. Every number has exactly one profile and Graph cannot delete it: " +
			"**destroying the resource leaves the profile as it is** and only stops Terraform from managing it.\n\n" +
			"Only the fields in the configuration are managed. A field removed from the configuration is cleared (`address`, `description`, `email`, " +
			"`websites`) or, where Graph has no empty value (`about`, `vertical`, the picture), left as it is and no longer managed.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<waba_id>/<phone_number_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"waba_id": requiredGraphID("ID of the WhatsApp Business Account that owns the phone number. The provider reads the profiles "+
				"of all the account's numbers at once, on this account.", graph.ExampleWABAID),
			"phone_number_id": requiredGraphID("ID of the phone number (not the phone number itself), as `whatsapp_phone_numbers` lists it.", "106540352242922"),
			"about": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The profile's *About* text, 1 to %d characters. Graph has no empty value for it: removing it "+
					"from the configuration leaves the text as it is.", graph.ProfileAboutMax),
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, graph.ProfileAboutMax)},
			},
			"address": optionalText("Business address. Removing it from the configuration clears it.", graph.ProfileAddressMax),
			"description": optionalText("Description of the business. Removing it from the configuration clears it. Meta's reference allows 512 "+
				"characters and its OpenAPI description 256: the plan allows 512 and Graph's answer decides.", graph.ProfileDescriptionMax),
			"email": email,
			"websites": schema.ListAttribute{
				MarkdownDescription: fmt.Sprintf("Up to %d websites, each an `http://` or `https://` URL of at most %d characters. "+
					"Removing them from the configuration clears them.", graph.ProfileWebsitesMax, graph.ProfileWebsiteMax),
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.List{
					listvalidator.SizeBetween(1, graph.ProfileWebsitesMax),
					listvalidator.ValueStringsAre(
						stringvalidator.LengthAtMost(graph.ProfileWebsiteMax),
						stringvalidator.RegexMatches(websitePattern, "must be an http:// or https:// URL, such as \"https://www.example.com\""),
					),
				},
			},
			"vertical": schema.StringAttribute{
				MarkdownDescription: "The business's industry, such as `RETAIL` or `RESTAURANT`. Meta's sources list different values " +
					"(" + strings.Join(backticked(graph.BusinessVerticals), ", ") + " between them); another value gets a warning and Graph's answer " +
					"decides. Graph has no empty value: removing it from the configuration leaves it as it is.",
				Optional:   true,
				Validators: []validator.String{knownVertical},
			},
			"profile_picture_file": schema.StringAttribute{
				MarkdownDescription: "Path of a local JPEG or PNG file to use as the profile picture, such as `\"${path.module}/logo.png\"`. " +
					"The provider uploads it through Meta's Resumable Upload API, which needs the provider's `app_id`. Graph answers a picture " +
					"with a CDN URL that changes, so the picture is tracked by the file's SHA-256 (`profile_picture_sha256`): a new file or new " +
					"content uploads again. Graph cannot remove a picture: removing the argument leaves the picture as it is.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"profile_picture_sha256": schema.StringAttribute{
				MarkdownDescription: "SHA-256 of `profile_picture_file`'s content, as uploaded; null when the configuration sets no picture, " +
					"or when the number lost its picture outside Terraform (the next apply uploads it again).",
				Computed: true,
			},
			"profile_picture_url": schema.StringAttribute{
				MarkdownDescription: "The picture's URL as Graph answers it: a short-lived CDN URL, null when the number has no picture. " +
					"A new URL for the same picture is never a change.",
				Computed: true,
			},
		},
	}
}

// knownVertical warns about a vertical no source lists, naming the nearest.
var knownVertical = validators.KnownValueWithSuggestion("vertical", graph.BusinessVerticals...)

// managedProfileFields are the arguments of which a configuration must set
// at least one: a profile resource that manages nothing is a mistake.
var managedProfileFields = []string{"about", "address", "description", "email", "websites", "vertical", "profile_picture_file"}

func (r *businessProfileResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	paths := make([]path.Expression, 0, len(managedProfileFields))
	for _, name := range managedProfileFields {
		paths = append(paths, path.MatchRoot(name))
	}
	return []resource.ConfigValidator{resourcevalidator.AtLeastOneOf(paths...), pictureFileValidator{}}
}

func (r *businessProfileResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan businessProfileModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	// Every create on the WABA shares this one read of its numbers.
	existing, err := client.ExistingBusinessProfile(ctx, waba, phone)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("check the business profile of phone number %s on WhatsApp Business Account %s", phone, waba),
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	if existing == nil {
		addPhoneNumberNotListedError(&resp.Diagnostics, waba, phone, "profile")
		return
	}
	// Every number has a profile; only one somebody filled in is taken as
	// existing, since an empty one holds nothing to take over.
	if !existing.IsEmpty() {
		addAlreadyExistsError(&resp.Diagnostics, businessProfileType,
			fmt.Sprintf("The business profile of phone number %s on WhatsApp Business Account %s (%s)", phone, waba, describeProfile(*existing)),
			waba+"/"+phone)
		return
	}
	if !r.write(ctx, &plan, nil, existing.ProfilePictureURL, &resp.Diagnostics) {
		return
	}
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *businessProfileResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state businessProfileModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	waba, phone := state.WABAID.ValueString(), state.PhoneNumberID.ValueString()
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(waba, phone), &resp.Diagnostics)
	p, err := r.data.client.FindBusinessProfile(ctx, waba, phone)
	if reportGraphCall(&resp.Diagnostics, r.data.client, fmt.Sprintf("read the business profile of phone number %s on WhatsApp Business Account %s", phone, waba),
		err, missingWABAAdvice(err, waba, true)) {
		// Only a successful read of the WABA's numbers can show it gone.
		return
	}
	if p == nil {
		removeFromStateWithWarning(ctx, resp, businessProfileType,
			fmt.Sprintf("WhatsApp Business Account %s no longer lists phone number %s", waba, phone))
		return
	}
	imported, d := wasImported(ctx, req.Private)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(state.fill(ctx, waba, phone, *p, imported)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	if imported {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	}
}

func (r *businessProfileResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state businessProfileModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	if !r.write(ctx, &plan, &state, state.ProfilePictureURL.ValueString(), &resp.Diagnostics) {
		return
	}
	setIdentity(ctx, resp.Identity, newPhoneNumberIdentity(plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete sends nothing: Graph has no way to delete or reset a profile, and
// clearing fields on destroy would blank a live business's profile. The
// plan says so (see ModifyPlan).
func (r *businessProfileResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// write sends what differs between plan and state (state is nil on a
// create), uploading the picture first when it changed, and completes the
// plan with the picture's URL. pictureURL is the URL Graph last answered.
func (r *businessProfileResource) write(ctx context.Context, plan, state *businessProfileModel, pictureURL string, diags *diag.Diagnostics) bool {
	client := r.data.client
	waba, phone := plan.WABAID.ValueString(), plan.PhoneNumberID.ValueString()
	change, d := profileChange(ctx, plan, state)
	diags.Append(d...)
	if diags.HasError() {
		return false
	}
	uploaded := pictureChanged(plan, state)
	if uploaded {
		handle, ok := r.uploadPicture(ctx, plan, diags)
		if !ok {
			return false
		}
		change.ProfilePictureHandle = &handle
	}
	if !change.IsEmpty() {
		err := client.UpdateBusinessProfile(ctx, waba, phone, change)
		if reportGraphCall(diags, client, fmt.Sprintf("set %s of the business profile of phone number %s on WhatsApp Business Account %s",
			strings.Join(change.Fields(), ", "), phone, waba), err, missingWABAAdvice(err, waba, state != nil)) {
			return false
		}
	}
	if uploaded {
		// The new picture's URL is only known from Graph: one read of this
		// number's profile, only when a picture was uploaded.
		p, err := client.GetBusinessProfile(ctx, phone)
		if reportGraphCall(diags, client, fmt.Sprintf("read back the profile picture of phone number %s", phone), err) {
			return false
		}
		pictureURL = p.ProfilePictureURL
	}
	plan.ID = types.StringValue(waba + "/" + phone)
	plan.ProfilePictureURL = nullIfEmpty(pictureURL)
	return true
}

// profileChange is what the write sends: every managed field whose planned
// value differs from the state, and an empty value for the fields that left
// the configuration and can be cleared.
func profileChange(ctx context.Context, plan, state *businessProfileModel) (graph.BusinessProfileChange, diag.Diagnostics) {
	var change graph.BusinessProfileChange
	prior := businessProfileModel{}
	if state != nil {
		prior = *state
	}
	text := []struct {
		planned, prior types.String
		field          **string
		clearable      bool
	}{
		{plan.About, prior.About, &change.About, false},
		{plan.Address, prior.Address, &change.Address, true},
		{plan.Description, prior.Description, &change.Description, true},
		{plan.Email, prior.Email, &change.Email, true},
		{plan.Vertical, prior.Vertical, &change.Vertical, false},
	}
	for _, f := range text {
		switch {
		case !f.planned.IsNull() && !f.planned.Equal(f.prior):
			v := f.planned.ValueString()
			*f.field = &v
		case f.planned.IsNull() && !f.prior.IsNull() && f.clearable:
			empty := ""
			*f.field = &empty
		}
	}
	var diags diag.Diagnostics
	switch {
	case !plan.Websites.IsNull() && !plan.Websites.Equal(prior.Websites):
		var sites []string
		diags.Append(plan.Websites.ElementsAs(ctx, &sites, false)...)
		change.Websites = &sites
	case plan.Websites.IsNull() && !prior.Websites.IsNull():
		change.Websites = &[]string{}
	}
	return change, diags
}

// fill sets the model from Graph's profile. Only managed fields (set in the
// state) are read back, so that fields the configuration leaves alone never
// show as changes; after an import every field Graph holds is.
func (m *businessProfileModel) fill(ctx context.Context, waba, phone string, p graph.BusinessProfile, all bool) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(waba + "/" + phone)
	m.WABAID, m.PhoneNumberID = types.StringValue(waba), types.StringValue(phone)
	vertical := p.Vertical
	if vertical == "UNDEFINED" {
		vertical = ""
	}
	for _, f := range []struct {
		field *types.String
		value string
	}{{&m.About, p.About}, {&m.Address, p.Address}, {&m.Description, p.Description}, {&m.Email, p.Email}, {&m.Vertical, vertical}} {
		if all || !f.field.IsNull() {
			*f.field = nullIfEmpty(f.value)
		}
	}
	if all || !m.Websites.IsNull() {
		m.Websites = types.ListNull(types.StringType)
		if len(p.Websites) > 0 {
			var d diag.Diagnostics
			m.Websites, d = types.ListValueFrom(ctx, types.StringType, p.Websites)
			diags.Append(d...)
		}
	}
	m.ProfilePictureURL = nullIfEmpty(p.ProfilePictureURL)
	if p.ProfilePictureURL == "" {
		// The picture is gone: forgetting its hash makes the next plan
		// upload the file again.
		m.ProfilePictureSHA256 = types.StringNull()
	}
	return diags
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// describeProfile says what an existing profile holds, for the refusal to
// take it over.
func describeProfile(p graph.BusinessProfile) string {
	var set []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"about", p.About != ""}, {"address", p.Address != ""}, {"description", p.Description != ""}, {"email", p.Email != ""},
		{"websites", len(p.Websites) > 0}, {"vertical " + p.Vertical, p.Vertical != "" && p.Vertical != "UNDEFINED"}, {"a picture", p.ProfilePictureURL != ""}} {
		if f.set {
			set = append(set, f.name)
		}
	}
	return "with " + strings.Join(set, ", ")
}

// backticked quotes each value for Markdown.
func backticked(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = "`" + v + "`"
	}
	return out
}
