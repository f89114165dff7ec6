package simulator

import (
	"fmt"
	"hash/fnv"
	"slices"
	"time"
)

// A WABA's message templates live in its MessageTemplates: the maps reads
// serve and /_sim/state shows. templateBook keeps what Graph does not
// serve: the WABA a template ID belongs to, a review under way, the edits
// that count against an APPROVED template's budget, whether messages of it
// are still being delivered, the creations of the last hour and the names a
// deletion locked.

// tmplMessageTemplate is a template's own node; by its shape alone /{id} is
// a WABA's, so routeTemplateNode gives it this template.
const tmplMessageTemplate = "/{template-id}"

// nodeTemplate is the node type Graph names in "nonexisting field" errors.
const nodeTemplate = "WhatsAppBusinessHSM"

// Template statuses the simulator sets itself; a seed or a review may set
// the others Graph has.
const (
	statusApproved        = "APPROVED"
	statusPending         = "PENDING"
	statusRejected        = "REJECTED"
	statusPaused          = "PAUSED"
	statusDisabled        = "DISABLED"
	statusPendingDeletion = "PENDING_DELETION"
)

// Template categories, and the parameter formats of a template's variables.
var (
	templateCategories = []string{"AUTHENTICATION", "MARKETING", "UTILITY"}
	parameterFormats   = []string{"POSITIONAL", "NAMED"}
)

const (
	categoryAuthentication = "AUTHENTICATION"
	formatPositional       = "POSITIONAL"
	formatNamed            = "NAMED"
)

// undeliveredKey is the key a seeded template may carry to say messages of
// it are still being delivered. It is moved out of the served map.
const undeliveredKey = "undelivered_messages"

// templateMeta is what the simulator knows of one template beyond what
// reads serve.
type templateMeta struct {
	id     string
	wabaID string
	item   map[string]any // the served template, an element of its WABA's MessageTemplates

	reviewAt      time.Time // when a delayed review ends; zero when none is under way
	reviewOutcome string    // APPROVED or REJECTED

	approvedEdits []time.Time // edits of the template while it was APPROVED, oldest first
	undelivered   bool        // a deletion waits in PENDING_DELETION
}

// templateBook indexes every WABA's templates. It is guarded by Server.mu.
type templateBook struct {
	byID      map[string]*templateMeta
	reviewing map[string]*templateMeta // templates whose delayed review has not ended
	creations map[string][]time.Time   // by WABA ID: creations in the rolling hour
	locks     map[string]time.Time     // by lockKey: when a deleted name may be used again
}

// newTemplateBook indexes the seeded templates. A seeded template without
// an id gets one derived from its WABA, name and language, so that it is
// the same in every run; one without parameter_format reads POSITIONAL, as
// Graph answers for templates made before named parameters existed.
func newTemplateBook(st *state) *templateBook {
	b := &templateBook{
		byID:      map[string]*templateMeta{},
		reviewing: map[string]*templateMeta{},
		creations: map[string][]time.Time{},
		locks:     map[string]time.Time{},
	}
	// IDs the seed gives are taken first, so that a derived one never
	// collides with them.
	for _, wabaID := range st.wabaOrder {
		for _, t := range st.wabas[wabaID].MessageTemplates {
			if t["id"] != nil && fmt.Sprint(t["id"]) != "" {
				id := fmt.Sprint(t["id"])
				t["id"] = id
				b.byID[id] = &templateMeta{id: id, wabaID: wabaID, item: t}
			}
		}
	}
	for _, wabaID := range st.wabaOrder {
		for _, t := range st.wabas[wabaID].MessageTemplates {
			if t["id"] == nil || t["id"] == "" {
				id := b.stableID(wabaID, fmt.Sprint(t["name"]), fmt.Sprint(t["language"]))
				t["id"] = id
				b.byID[id] = &templateMeta{id: id, wabaID: wabaID, item: t}
			}
			if _, ok := t["parameter_format"]; !ok {
				t["parameter_format"] = formatPositional
			}
			if undelivered, ok := t[undeliveredKey].(bool); ok {
				b.byID[fmt.Sprint(t["id"])].undelivered = undelivered
				delete(t, undeliveredKey)
			}
		}
	}
	return b
}

// validateTemplates checks that no template ID is given twice in the seed,
// since a template's node is found by its ID, and that undelivered_messages
// is a boolean.
func (w WABA) validateTemplates(seen map[string]bool) error {
	for _, t := range w.MessageTemplates {
		if v, ok := t[undeliveredKey]; ok {
			if _, isBool := v.(bool); !isBool {
				return fmt.Errorf("template %v: %s must be true or false", t["name"], undeliveredKey)
			}
		}
		if t["id"] == nil || t["id"] == "" {
			continue
		}
		id := fmt.Sprint(t["id"])
		if seen[id] {
			return fmt.Errorf("template ID %s appears twice", id)
		}
		seen[id] = true
	}
	return nil
}

// stableID derives a numeric ID from a seeded template's identity, moving
// on past IDs already taken.
func (b *templateBook) stableID(wabaID, name, language string) string {
	h := fnv.New64a()
	_, _ = fmt.Fprintf(h, "%s|%s|%s", wabaID, name, language)
	n := h.Sum64() % 1_000_000_000_000_000
	for {
		id := fmt.Sprintf("1%015d", n)
		if b.byID[id] == nil {
			return id
		}
		n = (n + 1) % 1_000_000_000_000_000
	}
}

// template finds a template and its WABA. The caller holds s.mu.
func (st *state) template(id string) (*WABA, *templateMeta) {
	t := st.templates.byID[id]
	if t == nil {
		return nil, nil
	}
	return st.wabas[t.wabaID], t
}

// routeTemplateNode gives a request for a template's node its own template.
func (s *Server) routeTemplateNode(c *call) {
	if c.template != tmplWABA {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, isWABA := s.st.wabas[c.segs[0]]; isWABA {
		return
	}
	if s.st.templates.byID[c.segs[0]] != nil {
		c.template = tmplMessageTemplate
	}
}

// add stores a new template at the end of its WABA's list.
func (b *templateBook) add(w *WABA, id string, item map[string]any) *templateMeta {
	w.MessageTemplates = append(w.MessageTemplates, item)
	meta := &templateMeta{id: id, wabaID: w.ID, item: item}
	b.byID[id] = meta
	return meta
}

// remove takes a template out of its WABA and of every index.
func (b *templateBook) remove(w *WABA, t *templateMeta) {
	w.MessageTemplates = slices.DeleteFunc(w.MessageTemplates, func(m map[string]any) bool { return fmt.Sprint(m["id"]) == t.id })
	delete(b.byID, t.id)
	delete(b.reviewing, t.id)
}

// status is the template's status as reads show it.
func (t *templateMeta) status() string {
	s, _ := t.item["status"].(string)
	return s
}

// setStatus ends any review under way and gives the template a status;
// rejected_reason is served only with REJECTED.
func (b *templateBook) setStatus(t *templateMeta, status, reason string) {
	b.cancelReview(t)
	t.item["status"] = status
	if status == statusRejected {
		t.item["rejected_reason"] = reason
	} else {
		delete(t.item, "rejected_reason")
	}
}

func (b *templateBook) cancelReview(t *templateMeta) {
	t.reviewAt = time.Time{}
	delete(b.reviewing, t.id)
}

// submit puts a created or edited template in review: PENDING, and with a
// review delay in force, due to end then with the outcome in force now.
func (b *templateBook) submit(t *templateMeta, now time.Time, st Settings) {
	b.setStatus(t, statusPending, "")
	if st.TemplateReviewDelay > 0 {
		t.reviewAt = now.Add(time.Duration(st.TemplateReviewDelay))
		t.reviewOutcome = st.TemplateReviewOutcome
		b.reviewing[t.id] = t
	}
}

// settle ends the delayed reviews that are due. Every template call and
// admin view runs it first, so a review ends when the clock passes its time
// whether or not anyone was looking.
func (b *templateBook) settle(now time.Time) {
	for _, t := range b.reviewing {
		if now.Before(t.reviewAt) {
			continue
		}
		reason := ""
		if t.reviewOutcome == statusRejected {
			reason = "INVALID_FORMAT"
		}
		b.setStatus(t, t.reviewOutcome, reason)
	}
}
