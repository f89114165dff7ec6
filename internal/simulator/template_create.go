package simulator

import (
	"fmt"
	"time"
)

// POST /{waba-id}/message_templates creates a template and submits it for
// review: {"id","status":"PENDING","category"}, the category being Meta's
// (template_category_override). Every parameter is checked before
// anything is stored, so a refusal changes nothing.

// Meta allows 100 creations per WABA per hour; a deleted APPROVED name and
// language may not be used again for 30 days.
const (
	maxCreationsPerHour = 100
	deletedNameLock     = 30 * 24 * time.Hour
)

// subcodeTemplateExists is the error_subcode public client code sees when a
// template's name and language are taken, or locked by a deletion.
const subcodeTemplateExists = 2388024

// createTemplateParams are the parameters a create takes.
// allow_category_change is accepted and ignored, as Meta has done since
// April 2025.
var createTemplateParams = setOf(
	"name", "language", "category", "components", "parameter_format", "message_send_ttl_seconds", "allow_category_change",
)

// createTemplate serves POST /{waba-id}/message_templates. The caller holds
// s.mu.
func (s *Server) createTemplate(c *call, w *WABA) response {
	if gerr := checkParamNames(c.params, createTemplateParams, "message_templates"); gerr != nil {
		return errorResponse(gerr)
	}
	book := s.st.templates
	created := prune(book.creations[w.ID], c.now)
	book.creations[w.ID] = created
	if len(created) >= maxCreationsPerHour {
		return creationThrottled(w.ID, created[0].Add(usageWindow).Sub(c.now))
	}
	draft, gerr := s.parseTemplateDraft(c)
	if gerr != nil {
		return errorResponse(gerr)
	}
	if gerr := book.checkNameFree(w, draft.name, draft.language, c.now); gerr != nil {
		return errorResponse(gerr)
	}
	category := draft.category
	if assigned, ok := s.settings.TemplateCategoryOverride[category]; ok {
		category = assigned
	}
	id := s.newTemplateID()
	item := map[string]any{
		"id": id, "name": draft.name, "language": draft.language, "category": category,
		"components": draft.components, "parameter_format": draft.format,
		// A new template has no quality rating yet.
		"quality_score": map[string]any{"score": "UNKNOWN", "date": c.now.Unix()},
	}
	if draft.ttl != nil {
		item["message_send_ttl_seconds"] = *draft.ttl
	}
	book.submit(book.add(w, id, item), c.now, s.settings)
	book.creations[w.ID] = append(created, c.now)
	return jsonResponse(map[string]any{"id": id, "status": statusPending, "category": category})
}

// templateDraft is a create's parameters, checked.
type templateDraft struct {
	name, language, category, format string
	ttl                              *int64
	components                       []any
}

// parseTemplateDraft checks a create's parameters in the order a client
// would fix them. The caller holds s.mu.
func (s *Server) parseTemplateDraft(c *call) (templateDraft, *graphError) {
	var d templateDraft
	var gerr *graphError
	if d.name, gerr = requiredParam(c.params, "name"); gerr != nil {
		return d, gerr
	}
	if !templateNamePattern.MatchString(d.name) {
		return d, errParam("Param name must be 1 to 512 lowercase letters, digits and underscores")
	}
	if d.language, gerr = requiredParam(c.params, "language"); gerr != nil {
		return d, gerr
	}
	if !languagePattern.MatchString(d.language) {
		return d, errParam("Param language must be a language code such as en, en_US or pt_BR")
	}
	rawCategory, gerr := requiredParam(c.params, "category")
	if gerr != nil {
		return d, gerr
	}
	if d.category, gerr = parseCategory(rawCategory); gerr != nil {
		return d, gerr
	}
	if d.format, gerr = parseParameterFormat(c.params); gerr != nil {
		return d, gerr
	}
	if d.ttl, gerr = parseTTL(c.params, d.category); gerr != nil {
		return d, gerr
	}
	rawComponents, gerr := requiredParam(c.params, "components")
	if gerr != nil {
		return d, gerr
	}
	d.components, gerr = s.templateComponentCheck(c, d.category, d.format).check(rawComponents)
	return d, gerr
}

// checkNameFree refuses a name and language the WABA already has, in any
// status, or whose APPROVED template was deleted less than 30 days ago.
func (b *templateBook) checkNameFree(w *WABA, name, language string, now time.Time) *graphError {
	for _, t := range w.MessageTemplates {
		if t["name"] == name && t["language"] == language {
			e := newError(100, fmt.Sprintf("Message template %q already exists in %s", name, language))
			e.Subcode = subcodeTemplateExists
			e.UserTitle = "Message template already exists"
			e.UserMsg = fmt.Sprintf("There is already %s content for this template. Create a new template and try again.", language)
			return e
		}
	}
	if until, locked := b.locks[lockKey(w.ID, name, language)]; locked && now.Before(until) {
		e := newError(100, fmt.Sprintf("Message template %q is locked in %s until %s: its APPROVED %s content was deleted",
			name, language, stamp(until), language))
		e.Subcode = subcodeTemplateExists
		e.UserTitle = "Message template language is being deleted"
		e.UserMsg = fmt.Sprintf("New %s content can't be added while the existing %s content is being deleted. Try again in 4 weeks or create a new message template.", language, language)
		return e
	}
	return nil
}

// lockKey names a WABA's template name and language in the lock table.
func lockKey(wabaID, name, language string) string {
	return wabaID + "|" + name + "|" + language
}

// creationThrottled is the answer past 100 creations in an hour: Graph's
// Business Use Case throttle, 80008, with a usage header that shows the
// budget spent and when it comes back, so that a client treats it like any
// other rate limit. Meta documents the limit, not its error; the user
// message is the simulator's own.
func creationThrottled(wabaID string, wait time.Duration) response {
	e := errThrottled()
	e.UserTitle = "Too many message templates created"
	e.UserMsg = fmt.Sprintf("This WhatsApp Business account created %d message templates in the last hour. Try again in %d minutes.",
		maxCreationsPerHour, ceilMinutes(wait))
	resp := errorResponse(e)
	resp.setHeader("X-Business-Use-Case-Usage", bucHeader(wabaID, 100, ceilMinutes(wait)))
	return resp
}

// newTemplateID is a new numeric template ID from the seeded generator, so
// that recordings repeat. The caller holds s.mu.
func (s *Server) newTemplateID() string {
	for {
		id := s.randomText("123456789", 1) + s.randomText("0123456789", 15)
		if s.st.templates.byID[id] == nil && s.st.wabas[id] == nil {
			return id
		}
	}
}
