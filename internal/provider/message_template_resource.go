package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

const messageTemplateType = "whatsapp_message_template"

// defaultReviewTimeout bounds wait_for_review when no timeout is set.
const defaultReviewTimeout = 30 * time.Minute

var (
	_ resource.Resource                     = (*messageTemplateResource)(nil)
	_ resource.ResourceWithConfigure        = (*messageTemplateResource)(nil)
	_ resource.ResourceWithImportState      = (*messageTemplateResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*messageTemplateResource)(nil)
	_ resource.ResourceWithConfigValidators = (*messageTemplateResource)(nil)
)

// NewMessageTemplateResource returns the whatsapp_message_template resource.
func NewMessageTemplateResource() resource.Resource {
	return &messageTemplateResource{}
}

type messageTemplateResource struct{ data *providerData }

func (r *messageTemplateResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message_template"
}

func (r *messageTemplateResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *messageTemplateResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{templateConfigValidator{}, templateMediaValidator{}}
}

// parts reads the model's components.
func (m messageTemplateModel) parts(ctx context.Context) (templateParts, diag.Diagnostics) {
	return partsOf(ctx, m.Header, m.Body, m.Footer, m.Buttons, m.ExtraComponentsJSON.StringValue)
}

// canonical is the comparison form of the model's components.
func (m messageTemplateModel) canonical(ctx context.Context) (string, diag.Diagnostics) {
	p, diags := m.parts(ctx)
	if diags.HasError() {
		return "", diags
	}
	comps, d := p.graphJSON(ctx, m.ParameterFormat.ValueString(), "")
	diags.Append(d...)
	return canonicalComponents(comps, m.Category.ValueString() == "AUTHENTICATION"), diags
}

// components renders the model's components for Graph, uploading the
// header's media file when it has one.
func (r *messageTemplateResource) components(ctx context.Context, m messageTemplateModel, diags *diag.Diagnostics) (json.RawMessage, bool) {
	p, d := m.parts(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return nil, false
	}
	handle := ""
	if p.header != nil && !p.header.MediaFile.IsNull() {
		var ok bool
		if handle, ok = r.uploadMedia(ctx, p.header.MediaFile.ValueString(), m.HeaderMediaSHA256.ValueString(), diags); !ok {
			return nil, false
		}
	}
	comps, d := p.graphJSON(ctx, m.ParameterFormat.ValueString(), handle)
	diags.Append(d...)
	data, err := json.Marshal(comps)
	if err != nil {
		diags.AddError("Unrenderable template components", err.Error())
		return nil, false
	}
	return data, !diags.HasError()
}

// uploadMedia uploads a header's sample file, which must still be what the
// plan hashed, and returns its handle.
func (r *messageTemplateResource) uploadMedia(ctx context.Context, name, planned string, diags *diag.Diagnostics) (string, bool) {
	f, err := readMediaFile(name)
	if err != nil {
		diags.AddAttributeError(path.Root("header").AtName("media_file"), "Unusable header media file", fmt.Sprintf("The header media %q cannot be used: %s.", name, err))
		return "", false
	}
	if f.sha256 != planned {
		diags.AddAttributeError(path.Root("header").AtName("media_file"), "Header media changed since the plan",
			fmt.Sprintf("The content of %q changed between plan and apply, so it was not uploaded. Run terraform plan again.", name))
		return "", false
	}
	client := r.data.client
	handle, err := client.UploadFile(ctx, filepath.Base(name), f.mimeType, f.data)
	if reportGraphCall(diags, client, fmt.Sprintf("upload the header media %q", name), err) {
		return "", false
	}
	return handle, true
}

func (r *messageTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan messageTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, name, language := plan.WABAID.ValueString(), plan.Name.ValueString(), plan.Language.ValueString()
	// Every create on the WABA shares this one read of its templates.
	existing, err := client.ExistingMessageTemplate(ctx, waba, name, language)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("check whether WhatsApp Business Account %s has a template %q in %s", waba, name, language),
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	if existing != nil {
		addAlreadyExistsError(&resp.Diagnostics, messageTemplateType,
			fmt.Sprintf("Template %q in %s on WhatsApp Business Account %s (ID %s, %s)", name, language, waba, existing.ID, existing.Status),
			waba+"/"+name+"/"+language)
		return
	}
	comps, ok := r.components(ctx, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	draft := graph.TemplateDraft{Name: name, Language: language, Category: plan.Category.ValueString(), Components: comps,
		ParameterFormat: plan.ParameterFormat.ValueString()}
	if !plan.MessageSendTTLSeconds.IsNull() && !plan.MessageSendTTLSeconds.IsUnknown() {
		ttl := plan.MessageSendTTLSeconds.ValueInt64()
		draft.MessageSendTTLSeconds = &ttl
	}
	created, err := client.CreateMessageTemplate(ctx, waba, draft)
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("create template %q in %s on WhatsApp Business Account %s", name, language, waba),
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	if created.Category != "" && created.Category != draft.Category {
		resp.Diagnostics.AddAttributeWarning(path.Root("category"), "Meta assigned another category",
			fmt.Sprintf("Meta created template %q as %s, not %s as configured: Meta assigns the category it finds right. The next plan shows the "+
				"difference; set category = %q to accept it.", name, created.Category, draft.Category, created.Category))
	}
	plan.ID = types.StringValue(created.ID)
	plan.Status = types.StringValue(created.Status)
	plan.RejectedReason, plan.QualityScore, plan.PreviousCategory = types.StringNull(), types.StringNull(), types.StringNull()
	if plan.MessageSendTTLSeconds.IsUnknown() {
		plan.MessageSendTTLSeconds = types.Int64Null()
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultReviewTimeout)
	resp.Diagnostics.Append(d...)
	r.awaitReview(ctx, &plan, timeout, &resp.Diagnostics)
	setIdentity(ctx, resp.Identity, newMessageTemplateIdentity(waba, name, language), &resp.Diagnostics)
	// Saved even when the review failed: the template exists, and a
	// rejected one is replaced by the next apply.
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// awaitReview waits for Meta's review when wait_for_review is set, and
// sets the status it ended with. A rejection is an error; a review still
// running at the timeout is a warning, since the template is sound.
func (r *messageTemplateResource) awaitReview(ctx context.Context, m *messageTemplateModel, timeout time.Duration, diags *diag.Diagnostics) {
	if !m.WaitForReview.ValueBool() || !graph.InReview(m.Status.ValueString()) {
		return
	}
	client := r.data.client
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	t, err := client.WaitForTemplateReview(waitCtx, m.ID.ValueString())
	if t != nil {
		m.Status, m.RejectedReason = types.StringValue(t.Status), reasonValue(t.RejectedReason)
		if t.QualityScore != nil {
			m.QualityScore = types.StringValue(*t.QualityScore)
		}
	}
	switch {
	case err != nil && waitCtx.Err() != nil && ctx.Err() == nil:
		diags.AddWarning("Template review not finished",
			fmt.Sprintf("Meta had not finished reviewing template %q after %s; it is %s. The template is saved: a later plan or refresh shows its status. "+
				"Raise the timeouts block's create or update value to wait longer.", m.Name.ValueString(), timeout, m.Status.ValueString()))
	case err != nil:
		reportGraphCall(diags, client, fmt.Sprintf("follow the review of template %q", m.Name.ValueString()), err)
	case m.Status.ValueString() == "REJECTED":
		diags.AddError("Template rejected",
			fmt.Sprintf("Meta rejected template %q in %s (ID %s): %s. Change what the reason points to and apply again; the rejected template "+
				"is replaced, or edited in place when only its category or components change.", m.Name.ValueString(), m.Language.ValueString(),
				m.ID.ValueString(), m.RejectedReason.ValueString()))
	}
}

// reasonValue is rejected_reason, null when Graph says NONE or nothing.
func reasonValue(reason *string) types.String {
	if reason == nil || *reason == "" || *reason == "NONE" {
		return types.StringNull()
	}
	return types.StringValue(*reason)
}

func (r *messageTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state messageTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba := state.WABAID.ValueString()
	if !state.Name.IsNull() {
		// Known before the read, so that a template found gone leaves
		// with its identity.
		setIdentity(ctx, resp.Identity, newMessageTemplateIdentity(waba, state.Name.ValueString(), state.Language.ValueString()), &resp.Diagnostics)
	}
	var t *graph.MessageTemplate
	var err error
	what := fmt.Sprintf("template %s", state.ID.ValueString())
	if state.ID.IsNull() {
		// Imported by name and language.
		what = fmt.Sprintf("template %q in %s", state.Name.ValueString(), state.Language.ValueString())
		t, err = client.FindMessageTemplateByName(ctx, waba, state.Name.ValueString(), state.Language.ValueString())
	} else {
		t, err = client.FindMessageTemplate(ctx, waba, state.ID.ValueString())
	}
	if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("read %s of WhatsApp Business Account %s", what, waba), err, missingWABAAdvice(err, waba, true)) {
		return
	}
	if t == nil || t.Status == "DELETED" {
		removeFromStateWithWarning(ctx, resp, messageTemplateType, fmt.Sprintf("WhatsApp Business Account %s no longer lists %s", waba, what))
		return
	}
	resp.Diagnostics.Append(state.fill(ctx, *t)...)
	warnTemplateStatus(&resp.Diagnostics, state)
	setIdentity(ctx, resp.Identity, newMessageTemplateIdentity(waba, t.Name, t.Language), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// fill sets the model from Graph's template. The components stay as
// configured when they mean what Graph holds (see canonicalComponents);
// otherwise they are read from Graph, so that the plan shows the change.
func (m *messageTemplateModel) fill(ctx context.Context, t graph.MessageTemplate) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID, m.Name, m.Language = types.StringValue(t.ID), types.StringValue(t.Name), types.StringValue(t.Language)
	m.Category = types.StringValue(t.Category)
	m.ParameterFormat = types.StringValue(parameterFormatOf(t))
	if t.MessageSendTTLSeconds != nil {
		m.MessageSendTTLSeconds = types.Int64Value(*t.MessageSendTTLSeconds)
	}
	m.Status, m.RejectedReason = types.StringValue(t.Status), reasonValue(t.RejectedReason)
	m.QualityScore, m.PreviousCategory = types.StringNull(), types.StringNull()
	if t.QualityScore != nil {
		m.QualityScore = types.StringValue(*t.QualityScore)
	}
	if t.PreviousCategory != nil && *t.PreviousCategory != "" {
		m.PreviousCategory = types.StringValue(*t.PreviousCategory)
	}
	if m.WaitForReview.IsNull() {
		m.WaitForReview = types.BoolValue(false)
	}
	remote, err := decodeComponents(t.ComponentsJSON)
	if err != nil {
		diags.AddError("Unreadable template components", fmt.Sprintf("Graph's components of template %s are not a JSON array of objects: %s", t.ID, err))
		return diags
	}
	mine, d := m.canonical(ctx)
	diags.Append(d...)
	if diags.HasError() || mine == canonicalComponents(remote, t.Category == "AUTHENTICATION") {
		return diags
	}
	var extra types.String
	m.Header, m.Body, m.Footer, m.Buttons, extra, d = objectsFromGraph(remote)
	diags.Append(d...)
	m.ExtraComponentsJSON = jsontypesNormalized(extra)
	m.HeaderMediaSHA256 = types.StringNull()
	return diags
}

// warnTemplateStatus says what a status Meta set means for the template.
func warnTemplateStatus(diags *diag.Diagnostics, m messageTemplateModel) {
	name := m.Name.ValueString()
	switch m.Status.ValueString() {
	case "PAUSED":
		quality := ""
		if !m.QualityScore.IsNull() {
			quality = " (quality score " + m.QualityScore.ValueString() + ")"
		}
		diags.AddWarning("Template paused by Meta", fmt.Sprintf("Meta paused template %q, usually for low quality%s: messages of it are not delivered. "+
			"An edit sends it back to review.", name, quality))
	case "DISABLED":
		diags.AddWarning("Template disabled by Meta", fmt.Sprintf("Meta disabled template %q: it cannot be sent, edited or deleted.", name))
	case "PENDING_DELETION":
		diags.AddWarning("Template being deleted", fmt.Sprintf("Template %q is being deleted: Meta deletes it once its undelivered messages expire.", name))
	}
	if !m.PreviousCategory.IsNull() {
		diags.AddAttributeWarning(path.Root("category"), "Template re-categorised by Meta",
			fmt.Sprintf("Meta changed the category of template %q from %s to %s. To accept it, set category = %q; an APPROVED template's category cannot be edited back.",
				name, m.PreviousCategory.ValueString(), m.Category.ValueString(), m.Category.ValueString()))
	}
}

func (r *messageTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state messageTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba := plan.WABAID.ValueString()
	edit, d := r.edit(ctx, plan, state)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.Status, plan.RejectedReason = state.Status, state.RejectedReason
	if !edit.IsEmpty() {
		err := client.EditMessageTemplate(ctx, waba, state.ID.ValueString(), edit)
		if reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("edit template %q (ID %s) of WhatsApp Business Account %s", plan.Name.ValueString(), state.ID.ValueString(), waba),
			err, missingWABAAdvice(err, waba, true)) {
			return
		}
		if state.Status.ValueString() == "APPROVED" {
			resp.Diagnostics.Append(recordEdit(ctx, req.Private, resp.Private, client.Now())...)
		}
		// An edit sends the template back to review.
		plan.Status, plan.RejectedReason = types.StringValue("PENDING"), types.StringNull()
		timeout, d := plan.Timeouts.Update(ctx, defaultReviewTimeout)
		resp.Diagnostics.Append(d...)
		r.awaitReview(ctx, &plan, timeout, &resp.Diagnostics)
	}
	if plan.MessageSendTTLSeconds.IsUnknown() {
		plan.MessageSendTTLSeconds = state.MessageSendTTLSeconds
	}
	setIdentity(ctx, resp.Identity, newMessageTemplateIdentity(waba, plan.Name.ValueString(), plan.Language.ValueString()), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// edit is what an update sends: the category and the TTL when they
// changed, and the components whole when they (or the media file) did.
func (r *messageTemplateResource) edit(ctx context.Context, plan, state messageTemplateModel) (graph.TemplateEdit, diag.Diagnostics) {
	var diags diag.Diagnostics
	var e graph.TemplateEdit
	if !plan.Category.Equal(state.Category) {
		e.Category = plan.Category.ValueString()
	}
	if !plan.MessageSendTTLSeconds.IsNull() && !plan.MessageSendTTLSeconds.IsUnknown() && !plan.MessageSendTTLSeconds.Equal(state.MessageSendTTLSeconds) {
		ttl := plan.MessageSendTTLSeconds.ValueInt64()
		e.MessageSendTTLSeconds = &ttl
	}
	changed, d := componentsChanged(ctx, plan, state)
	diags.Append(d...)
	if changed && !diags.HasError() {
		comps, ok := r.components(ctx, plan, &diags)
		if ok {
			e.Components = comps
		}
	}
	return e, diags
}

// componentsChanged reports whether the plan's components mean something
// other than the state's, or carry another media file.
func componentsChanged(ctx context.Context, plan, state messageTemplateModel) (bool, diag.Diagnostics) {
	a, diags := plan.canonical(ctx)
	b, d := state.canonical(ctx)
	diags.Append(d...)
	return a != b || !plan.HeaderMediaSHA256.Equal(state.HeaderMediaSHA256), diags
}

func (r *messageTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state messageTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireConfigured(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	waba, id := state.WABAID.ValueString(), state.ID.ValueString()
	err := client.DeleteMessageTemplate(ctx, waba, state.Name.ValueString(), id)
	var ge *graph.Error
	if err != nil && errors.As(err, &ge) && ge.Code == 100 {
		// Deleted outside Terraform (Graph refuses an hsm_id it does not
		// have) or out of sight: only a successful read of the WABA's
		// templates without it lets the resource go.
		if t, readErr := client.FindMessageTemplate(ctx, waba, id); readErr == nil && t == nil {
			err = nil
		}
	}
	reportGraphCall(&resp.Diagnostics, client, fmt.Sprintf("delete template %q (ID %s) of WhatsApp Business Account %s", state.Name.ValueString(), id, waba),
		err, missingWABAAdvice(err, waba, true))
}
