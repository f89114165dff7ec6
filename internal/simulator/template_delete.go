package simulator

import (
	"fmt"
	"time"
)

// DELETE /{waba-id}/message_templates?name=<name>[&hsm_id=<id>] deletes
// the template with that ID, which must have that name, or without hsm_id
// every language of the name. A DISABLED template cannot be deleted, and
// then nothing is. Deleting an APPROVED template locks its name and
// language for 30 days (see createTemplate). A template whose messages are
// still being delivered (undelivered_messages) waits in PENDING_DELETION
// instead of disappearing; the others leave every read at once, as Graph's
// list does not show deleted templates.

var deleteTemplateParams = setOf("name", "hsm_id")

// deleteTemplates serves the DELETE. Meta documents the rules, not their
// errors: the messages are the simulator's own. The caller holds s.mu.
func (s *Server) deleteTemplates(c *call, w *WABA) response {
	if gerr := checkParamNames(c.params, deleteTemplateParams, "message_templates"); gerr != nil {
		return errorResponse(gerr)
	}
	name, gerr := requiredParam(c.params, "name")
	if gerr != nil {
		return errorResponse(gerr)
	}
	book := s.st.templates
	var targets []*templateMeta
	if id := c.params.Get("hsm_id"); id != "" {
		t := book.byID[id]
		if t == nil || t.wabaID != w.ID || t.item["name"] != name {
			return errorResponse(errParam("The WhatsApp Business account has no message template %s named %q", id, name))
		}
		targets = append(targets, t)
	} else {
		for _, item := range w.MessageTemplates {
			if item["name"] == name {
				targets = append(targets, book.byID[fmt.Sprint(item["id"])])
			}
		}
		if len(targets) == 0 {
			return errorResponse(errParam("The WhatsApp Business account has no message template named %q", name))
		}
	}
	for _, t := range targets {
		if t.status() == statusDisabled {
			return errorResponse(errParam("A disabled template cannot be deleted: message template %s (%s) is DISABLED", t.id, t.item["language"]))
		}
	}
	for _, t := range targets {
		book.delete(w, t, c.now)
	}
	return jsonResponse(s.successBody())
}

// delete deletes a template through the API: an APPROVED one locks its
// name and language, one with undelivered messages waits in
// PENDING_DELETION.
func (b *templateBook) delete(w *WABA, t *templateMeta, now time.Time) {
	if t.status() == statusApproved {
		language, _ := t.item["language"].(string)
		name, _ := t.item["name"].(string)
		b.locks[lockKey(w.ID, name, language)] = now.Add(deletedNameLock)
	}
	if t.undelivered {
		b.setStatus(t, statusPendingDeletion, "")
		return
	}
	b.remove(w, t)
}
