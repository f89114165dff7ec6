package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

const qrCodeType = "whatsapp_qr_code"

var (
	_ resource.Resource                = (*qrCodeResource)(nil)
	_ resource.ResourceWithConfigure   = (*qrCodeResource)(nil)
	_ resource.ResourceWithImportState = (*qrCodeResource)(nil)
)

// NewQRCodeResource returns the whatsapp_qr_code resource.
func NewQRCodeResource() resource.Resource { return &qrCodeResource{} }

// qrCodeResource is a phone number's QR code and short link. It has no
// waba_id: no call needs it (the codes live on the number), and an import
// by <phone_number_id>/<code> could not fill it, so a configured waba_id
// would plan a replacement right after import, and a replacement breaks
// every printed code.
type qrCodeResource struct{ data *providerData }

type qrCodeModel struct {
	ID               types.String `tfsdk:"id"`
	PhoneNumberID    types.String `tfsdk:"phone_number_id"`
	PrefilledMessage types.String `tfsdk:"prefilled_message"`
	ImageFormat      types.String `tfsdk:"image_format"`
	Code             types.String `tfsdk:"code"`
	DeepLinkURL      types.String `tfsdk:"deep_link_url"`
	QRImageURL       types.String `tfsdk:"qr_image_url"`
}

func (r *qrCodeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_qr_code"
}

func (r *qrCodeResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *qrCodeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	kept := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A QR code and short link that open a chat with a phone number, with a message typed in " +
			"(`POST /{phone-number-id}/message_qrdls`). **Replacing or destroying it breaks every printed copy of the code**: " +
			"only `prefilled_message` and `image_format` change in place. Protect it with `lifecycle { prevent_destroy = true }`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<phone_number_id>/<code>`.",
				Computed:            true,
				PlanModifiers:       kept,
			},
			"phone_number_id": schema.StringAttribute{
				MarkdownDescription: "ID of the phone number (not the phone number itself), as `whatsapp_phone_numbers` lists it. " +
					"Changing it makes a new code on the new number and deletes the old one.",
				Required:      true,
				Validators:    []validator.String{validators.NumericID(graph.ExamplePhoneNumberID)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"prefilled_message": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Message typed in when the code is scanned, 1 to %d characters. Changes in place: the code stays the same.", graph.QRPrefilledMessageMax),
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, graph.QRPrefilledMessageMax)},
			},
			"image_format": schema.StringAttribute{
				MarkdownDescription: "Format of the image at `qr_image_url`: `PNG` (the default) or `SVG`. Changes in place: Graph renders " +
					"any code in either format on read, so a change only reads a new image URL.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("PNG"),
				Validators: []validator.String{validators.OneOfWithSuggestion("image format", graph.QRImageFormats...)},
			},
			"code": schema.StringAttribute{
				MarkdownDescription: "The code Graph generated, the last part of `deep_link_url`.",
				Computed:            true,
				PlanModifiers:       kept,
			},
			"deep_link_url": schema.StringAttribute{
				MarkdownDescription: "Short link that opens the chat, `https://wa.me/message/<code>`.",
				Computed:            true,
				PlanModifiers:       kept,
			},
			"qr_image_url": schema.StringAttribute{
				MarkdownDescription: "URL of the QR code's image, as Graph answered it on create or on the last change of `image_format`. " +
					"Graph's image URLs are short-lived: download the image soon after apply. Refreshes keep this value, so it never causes a plan change.",
				Computed:      true,
				PlanModifiers: kept,
			},
		},
	}
}

func (r *qrCodeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan qrCodeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	// No check for an existing object before the create: every create makes
	// a new code, so there is nothing a configuration could take over.
	client := r.data.client
	phone := plan.PhoneNumberID.ValueString()
	q, err := client.CreateQRCode(ctx, phone, plan.PrefilledMessage.ValueString(), plan.ImageFormat.ValueString())
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("create a QR code on phone number %s", phone),
		err, missingOrHiddenAdvice(err, "phone number "+phone, false)) {
		return
	}
	plan.fill(phone, q)
	setIdentity(ctx, resp.Identity, newQRCodeIdentity(phone, q.Code), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *qrCodeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state qrCodeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	phone, code := state.PhoneNumberID.ValueString(), state.Code.ValueString()
	setIdentity(ctx, resp.Identity, newQRCodeIdentity(phone, code), &resp.Diagnostics)
	q, err := client.FindQRCode(ctx, phone, code)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("read QR code %s of phone number %s", code, phone),
		err, missingOrHiddenAdvice(err, "phone number "+phone, true)) {
		// Only a successful read of the number's codes can show it gone.
		return
	}
	if q == nil {
		removeFromStateWithWarning(ctx, resp, qrCodeType, fmt.Sprintf("Phone number %s no longer lists QR code %s", phone, code))
		return
	}
	if state.ImageFormat.IsNull() || state.ImageFormat.IsUnknown() {
		state.ImageFormat = types.StringValue("PNG") // after an import
	}
	if state.QRImageURL.IsNull() || state.QRImageURL.IsUnknown() {
		// After an import: the shared list read has no image URL, so read
		// the code's own node once.
		one, err := client.GetQRCode(ctx, phone, code, state.ImageFormat.ValueString())
		if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("read the image of QR code %s of phone number %s", code, phone),
			err, missingOrHiddenAdvice(err, "QR code "+code, true)) {
			return
		}
		q.QRImageURL = one.QRImageURL
	} else {
		q.QRImageURL = state.QRImageURL.ValueString() // short-lived: kept, never a diff
	}
	state.fill(phone, q)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *qrCodeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state qrCodeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	phone, code := state.PhoneNumberID.ValueString(), state.Code.ValueString()
	format := plan.ImageFormat.ValueString()
	var q *graph.QRCode
	var err error
	action := fmt.Sprintf("update the message of QR code %s of phone number %s", code, phone)
	if plan.PrefilledMessage.Equal(state.PrefilledMessage) {
		// Only the format changed: Graph renders any code in either format
		// on read, so no write is needed.
		action = fmt.Sprintf("read QR code %s of phone number %s as %s", code, phone, format)
		q, err = client.GetQRCode(ctx, phone, code, format)
	} else {
		q, err = client.UpdateQRCode(ctx, phone, code, plan.PrefilledMessage.ValueString(), format)
	}
	if reportGraphCall(&resp.Diagnostics, client, action, err, missingOrHiddenAdvice(err, "QR code "+code+" of phone number "+phone, true)) {
		return
	}
	if q.QRImageURL == "" {
		q.QRImageURL = state.QRImageURL.ValueString()
	}
	plan.fill(phone, q)
	setIdentity(ctx, resp.Identity, newQRCodeIdentity(phone, q.Code), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *qrCodeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state qrCodeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	phone, code := state.PhoneNumberID.ValueString(), state.Code.ValueString()
	err := client.DeleteQRCode(ctx, phone, code)
	if err != nil && graph.IsMissingOrHidden(err) {
		// Deleted or out of sight: only a successful read of the number's
		// codes without this one lets the resource go.
		if q, readErr := client.FindQRCode(ctx, phone, code); readErr == nil && q == nil {
			err = nil
		}
	}
	reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("delete QR code %s of phone number %s", code, phone),
		err, missingOrHiddenAdvice(err, "QR code "+code+" of phone number "+phone, true))
}

// fill sets what Graph answered; q.QRImageURL is the URL to keep.
func (m *qrCodeModel) fill(phone string, q *graph.QRCode) {
	m.ID = types.StringValue(phone + "/" + q.Code)
	m.PhoneNumberID = types.StringValue(phone)
	m.Code = types.StringValue(q.Code)
	m.PrefilledMessage = types.StringValue(q.PrefilledMessage)
	m.DeepLinkURL = types.StringValue(q.DeepLinkURL)
	m.QRImageURL = types.StringValue(q.QRImageURL)
}
