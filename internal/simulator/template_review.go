package simulator

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
)

// Meta's side of a template's life, which no API call of a client makes:
// its review, a re-categorisation, undelivered messages and a deletion in
// WhatsApp Manager. Tests drive them with these methods or the /_sim/
// endpoints. Each first ends the delayed reviews that are due.

// reviewStatuses are the statuses a review may give a template.
var reviewStatuses = []string{statusApproved, statusRejected, statusPaused, statusDisabled}

// rejectedReasons are the values of rejected_reason on Graph's template
// node.
var rejectedReasons = []string{"ABUSIVE_CONTENT", "INVALID_FORMAT", "NONE", "PROMOTIONAL", "TAG_CONTENT_MISMATCH", "SCAM"}

// errNoSuchTemplate is reported for an unknown template ID, so that /_sim/
// can answer 404.
var errNoSuchTemplate = errors.New("unknown message template")

// withTemplate runs change on a template under the lock, after ending the
// reviews that are due.
func (s *Server) withTemplate(id string, change func(w *WABA, t *templateMeta) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.templates.settle(s.clock())
	w, t := s.st.template(id)
	if w == nil {
		return fmt.Errorf("%w %q", errNoSuchTemplate, id)
	}
	return change(w, t)
}

// ReviewTemplate ends (or replaces) a template's review: status APPROVED,
// REJECTED, PAUSED or DISABLED. reason is the rejected_reason of a
// REJECTED template (INVALID_FORMAT when empty) and must be empty for the
// others. A review under way ends with it.
func (s *Server) ReviewTemplate(id, status, reason string) error {
	if !slices.Contains(reviewStatuses, status) {
		return fmt.Errorf("status %q is not one of %v", status, reviewStatuses)
	}
	switch {
	case status != statusRejected && reason != "":
		return fmt.Errorf("rejected_reason is for status %s only", statusRejected)
	case status == statusRejected && reason == "":
		reason = "INVALID_FORMAT"
	case status == statusRejected && !slices.Contains(rejectedReasons, reason):
		return fmt.Errorf("rejected_reason %q is not one of %v", reason, rejectedReasons)
	}
	return s.withTemplate(id, func(_ *WABA, t *templateMeta) error {
		if t.status() == statusPendingDeletion {
			return fmt.Errorf("message template %s is %s and is no longer reviewed", id, statusPendingDeletion)
		}
		s.st.templates.setStatus(t, status, reason)
		return nil
	})
}

// SetTemplateUndeliveredMessages says whether messages of a template are
// still being delivered: while they are, deleting it leaves it in
// PENDING_DELETION. Once they are not, a template in PENDING_DELETION is
// gone.
func (s *Server) SetTemplateUndeliveredMessages(id string, undelivered bool) error {
	return s.withTemplate(id, func(w *WABA, t *templateMeta) error {
		t.undelivered = undelivered
		if !undelivered && t.status() == statusPendingDeletion {
			s.st.templates.remove(w, t)
		}
		return nil
	})
}

// RecategoriseTemplate changes a template's category as Meta does after
// its review: previous_category becomes the old category.
func (s *Server) RecategoriseTemplate(id, category string) error {
	if !slices.Contains(templateCategories, category) {
		return fmt.Errorf("category %q is not one of %v", category, templateCategories)
	}
	return s.withTemplate(id, func(_ *WABA, t *templateMeta) error {
		old, _ := t.item["category"].(string)
		if old == category {
			return fmt.Errorf("message template %s is already %s", id, category)
		}
		t.item["previous_category"] = old
		t.item["category"] = category
		return nil
	})
}

// DeleteTemplate deletes a template out of band, as WhatsApp Manager
// would: at once, whatever its status, without locking its name.
func (s *Server) DeleteTemplate(id string) error {
	return s.withTemplate(id, func(w *WABA, t *templateMeta) error {
		s.st.templates.remove(w, t)
		return nil
	})
}

// templateReview is the body of POST /_sim/templates/review: a status, the
// undelivered_messages flag, or both.
type templateReview struct {
	TemplateID          string `json:"template_id"`
	Status              string `json:"status,omitempty"`
	RejectedReason      string `json:"rejected_reason,omitempty"`
	UndeliveredMessages *bool  `json:"undelivered_messages,omitempty"`
}

func (s *Server) adminReviewTemplate(w http.ResponseWriter, r *http.Request) {
	var body templateReview
	if !decodeAdminBody(w, r, "template review", &body) {
		return
	}
	if body.TemplateID == "" || (body.Status == "" && body.UndeliveredMessages == nil) {
		adminError(w, http.StatusBadRequest, "template_id and status or undelivered_messages are required")
		return
	}
	var err error
	if body.Status != "" {
		err = s.ReviewTemplate(body.TemplateID, body.Status, body.RejectedReason)
	} else if body.RejectedReason != "" {
		err = errors.New("rejected_reason needs status REJECTED")
	}
	if err == nil && body.UndeliveredMessages != nil {
		err = s.SetTemplateUndeliveredMessages(body.TemplateID, *body.UndeliveredMessages)
	}
	adminTemplateAnswer(w, err)
}

// templateRecategorisation is the body of POST /_sim/templates/recategorise.
type templateRecategorisation struct {
	TemplateID string `json:"template_id"`
	Category   string `json:"category"`
}

func (s *Server) adminRecategoriseTemplate(w http.ResponseWriter, r *http.Request) {
	var body templateRecategorisation
	if !decodeAdminBody(w, r, "re-categorisation", &body) {
		return
	}
	if body.TemplateID == "" || body.Category == "" {
		adminError(w, http.StatusBadRequest, "template_id and category are required")
		return
	}
	adminTemplateAnswer(w, s.RecategoriseTemplate(body.TemplateID, body.Category))
}

// templateDeletion is the body of POST /_sim/templates/delete.
type templateDeletion struct {
	TemplateID string `json:"template_id"`
}

func (s *Server) adminDeleteTemplate(w http.ResponseWriter, r *http.Request) {
	var body templateDeletion
	if !decodeAdminBody(w, r, "template deletion", &body) {
		return
	}
	if body.TemplateID == "" {
		adminError(w, http.StatusBadRequest, "template_id is required")
		return
	}
	adminTemplateAnswer(w, s.DeleteTemplate(body.TemplateID))
}

// adminTemplateAnswer answers success, 404 for an unknown template or 400.
func adminTemplateAnswer(w http.ResponseWriter, err error) {
	switch {
	case err == nil:
		adminSuccess(w)
	case errors.Is(err, errNoSuchTemplate):
		adminError(w, http.StatusNotFound, err.Error())
	default:
		adminError(w, http.StatusBadRequest, err.Error())
	}
}
