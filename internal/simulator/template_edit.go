package simulator

import (
	"slices"
	"time"
)

// POST /{template-id} edits a template: category, components (replaced
// whole, checked and read back like a create's) and message_send_ttl_seconds.
// Graph allows it on APPROVED, REJECTED and PAUSED templates only; an
// APPROVED one keeps its category and may be edited once in 24 hours and
// 10 times in 30 days (REJECTED and PAUSED ones as often as needed). An
// edit sends the template back to review, PENDING. The category of a
// REJECTED or PAUSED template may change, if what the edit keeps fits it.

const (
	editSpacing       = 24 * time.Hour
	editWindow        = 30 * 24 * time.Hour
	maxEditsPerWindow = 10
)

var (
	editTemplateParams = setOf("category", "components", "message_send_ttl_seconds")
	editableStatuses   = []string{statusApproved, statusRejected, statusPaused}
)

// editTemplate serves POST /{template-id}. Meta documents the rules, not
// their errors: the messages are the simulator's own. The caller holds
// s.mu.
func (s *Server) editTemplate(c *call, t *templateMeta) response {
	if gerr := checkParamNames(c.params, editTemplateParams, "the message template"); gerr != nil {
		return errorResponse(gerr)
	}
	_, hasCategory := c.params["category"]
	_, hasComponents := c.params["components"]
	_, hasTTL := c.params["message_send_ttl_seconds"]
	if !hasCategory && !hasComponents && !hasTTL {
		return errorResponse(errParam("An edit needs category, components or message_send_ttl_seconds"))
	}
	status := t.status()
	if !slices.Contains(editableStatuses, status) {
		return errorResponse(errParam("Only APPROVED, REJECTED or PAUSED message templates can be edited; this one is %s", status))
	}
	current, _ := t.item["category"].(string)
	category := current
	if hasCategory {
		var gerr *graphError
		if category, gerr = parseCategory(c.params.Get("category")); gerr != nil {
			return errorResponse(gerr)
		}
	}
	approved := status == statusApproved
	if approved && category != current {
		return errorResponse(errParam("The category of an APPROVED message template cannot change: it stays %s", current))
	}
	if approved {
		t.approvedEdits = recentEdits(t.approvedEdits, c.now)
		if gerr := checkEditBudget(t.approvedEdits, c.now); gerr != nil {
			return errorResponse(gerr)
		}
	}
	if gerr := checkCategoryChange(t, current, category, hasComponents, hasTTL); gerr != nil {
		return errorResponse(gerr)
	}
	ttl, gerr := parseTTL(c.params, category)
	if gerr != nil {
		return errorResponse(gerr)
	}
	var components []any
	if hasComponents {
		format, _ := t.item["parameter_format"].(string)
		if format == "" {
			format = formatPositional
		}
		if components, gerr = s.templateComponentCheck(c, category, format).check(c.params.Get("components")); gerr != nil {
			return errorResponse(gerr)
		}
		t.item["components"] = components
	}
	t.item["category"] = category
	if ttl != nil {
		t.item["message_send_ttl_seconds"] = *ttl
	}
	if approved {
		t.approvedEdits = append(t.approvedEdits, c.now)
	}
	s.st.templates.submit(t, c.now, s.settings)
	return jsonResponse(s.successBody())
}

// checkCategoryChange refuses a new category that the components or the
// time-to-live kept from before would not fit: AUTHENTICATION components
// differ from the others, and each category has its own TTL range.
func checkCategoryChange(t *templateMeta, current, category string, hasComponents, hasTTL bool) *graphError {
	if category == current {
		return nil
	}
	if (category == categoryAuthentication || current == categoryAuthentication) && !hasComponents {
		return errParam("A change of category from %s to %s needs new components", current, category)
	}
	if ttl, kept := t.item["message_send_ttl_seconds"]; kept && !hasTTL {
		n, isInt := asInt64(ttl)
		if r := ttlRanges[category]; isInt && (n < r[0] || n > r[1]) {
			return errParam("message_send_ttl_seconds %d does not fit %s templates (%d to %d): send a new one with the category", n, category, r[0], r[1])
		}
	}
	return nil
}

// recentEdits drops edits older than the 30-day window.
func recentEdits(edits []time.Time, now time.Time) []time.Time {
	return slices.DeleteFunc(edits, func(at time.Time) bool { return !now.Before(at.Add(editWindow)) })
}

// checkEditBudget refuses an edit of an APPROVED template within 24 hours
// of the last one, or past 10 in 30 days, saying when the next is allowed.
func checkEditBudget(edits []time.Time, now time.Time) *graphError {
	if len(edits) > 0 {
		if next := edits[len(edits)-1].Add(editSpacing); now.Before(next) {
			return errParam("An APPROVED message template can be edited once in 24 hours: edit it again after %s", stamp(next))
		}
	}
	if len(edits) >= maxEditsPerWindow {
		next := edits[len(edits)-maxEditsPerWindow].Add(editWindow)
		return errParam("An APPROVED message template can be edited %d times in 30 days: edit it again after %s", maxEditsPerWindow, stamp(next))
	}
	return nil
}

// stamp writes a time the way the simulator's messages give it.
func stamp(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
