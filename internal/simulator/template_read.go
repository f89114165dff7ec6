package simulator

import "net/http"

// templateFields are the fields of Graph's template node
// (WhatsAppBusinessHSM); reads of the node and of the message_templates
// edge accept these and refuse any other, as Graph does. A field a template
// has no value for is left out: previous_category is there only when Meta
// re-categorised the template, message_send_ttl_seconds only when set.
var templateFields = setOf(
	"id", "name", "language", "category", "previous_category", "status", "quality_score",
	"rejected_reason", "components", "parameter_format", "message_send_ttl_seconds",
	"bid_spec", "correct_category", "cta_url_link_tracking_opted_out", "degrees_of_freedom_spec",
	"library_template_name", "sub_category",
)

var templateRules = nodeRules{nodeType: nodeTemplate, known: templateFields}

// serveTemplateNode handles /{template-id}: GET reads the template, POST
// edits it. A template answers like its WABA: 100/33 to a token that cannot
// see the WABA, and counted against the WABA's budget.
func (s *Server) serveTemplateNode(c *call) response {
	if !c.hasScopes(scopeWABAManagement) {
		return errorResponse(errPermission())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.templates.settle(c.now)
	w, t := s.st.template(c.segs[0])
	if w == nil || s.st.hidden(c.token, w.ID) {
		return errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	buc, gerr := s.admitWABACall(c.appID, w.ID, c.now)
	var resp response
	switch {
	case gerr != nil:
		resp = errorResponse(gerr)
	case c.method == http.MethodGet:
		resp = getTemplate(c, t)
	case c.method == http.MethodPost:
		resp = s.editTemplate(c, t)
	default:
		resp = errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	resp.setHeader("X-Business-Use-Case-Usage", buc)
	return resp
}

// getTemplate serves GET /{template-id}: id and the fields asked, or the
// edge's default fields. The caller holds s.mu.
func getTemplate(c *call, t *templateMeta) response {
	fields := parseFields(c.params.Get("fields"))
	if gerr := templateRules.check(fields, c.version); gerr != nil {
		return errorResponse(gerr)
	}
	return jsonResponse(project(t.item, fields, defaultTemplateFields, nil))
}
