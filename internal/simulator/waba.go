package simulator

import "net/http"

// wabaFields are the node fields documented for WhatsAppBusinessAccount;
// asking for any other field is an error, as on Graph.
var wabaFields = setOf(
	"id", "account_review_status", "analytics", "auth_international_rate_eligibility",
	"business_verification_status", "country", "creation_time", "currency",
	"disable_marketing_messages_on_cloud_api", "health_status", "is_enabled_for_insights",
	"is_shared_with_partners", "linked_commerce_account", "marketing_messages_ad_account",
	"marketing_messages_lite_api_status", "marketing_messages_onboarding_status",
	"message_template_namespace", "name", "on_behalf_of_business_info", "owner_business",
	"owner_business_info", "ownership_type", "primary_business_location", "primary_funding_id",
	"purchase_order_number", "status", "template_auto_archival_enabled", "timezone_id",
	"whatsapp_business_manager_messaging_limit",
)

// wabaEdges may also be named in fields=; the simulator inlines the ones it
// serves and leaves the others out.
var wabaEdges = setOf(
	"activities", "assigned_users", "audiences", "call_analytics", "conversation_analytics",
	"dataset", "dcc_config", "flows", "message_template_previews", "message_templates",
	"payment_configuration", "payment_configurations", "phone_numbers", "pricing_analytics",
	"product_catalogs", "schedules", "solutions", "subscribed_apps", "template_analytics",
	"template_group_analytics", "template_groups", "template_performance_metrics",
	"upsert_message_templates", "welcome_message_sequences", "migrate_flows",
	"migrate_message_templates", "set_solution_migration_intent",
)

var defaultWABAFields = fieldSpecs([]string{"name", "timezone_id", "message_template_namespace"})

// wabaRules refuse any field the WABA node does not document.
var wabaRules = nodeRules{nodeType: nodeWABA, known: unionOf(wabaFields, wabaEdges), objects: wabaObjectFields}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func unionOf(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, set := range sets {
		for k := range set {
			out[k] = true
		}
	}
	return out
}

// serveWABAScoped checks permission and existence, counts the call against
// the Business Use Case budget and dispatches to the node or edge handler.
// Every answer, errors included, carries the usage header.
func (s *Server) serveWABAScoped(c *call) response {
	need := []string{scopeWABAManagement}
	if c.template == tmplAssignedUsers && c.method != http.MethodGet {
		need = append(need, scopeBusinessManagement)
	}
	if !c.hasScopes(need...) {
		return errorResponse(errPermission())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.templates.settle(c.now)
	w := s.st.wabas[c.segs[0]]
	if w == nil || s.st.hidden(c.token, w.ID) {
		// A WABA the token cannot see answers exactly like one that does
		// not exist, on the node and every edge, without counting against
		// its budget.
		// Seen in real Graph responses: 100/33 for a verified WABA not assigned to the token's system user.
		return errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	buc, gerr := s.admitWABACall(c.appID, w.ID, c.now)
	var resp response
	if gerr != nil {
		resp = errorResponse(gerr)
	} else {
		resp = s.serveWABAEdge(c, w)
	}
	// A refusal by the template creation limit carries its own, full,
	// usage header.
	if resp.header.Get("X-Business-Use-Case-Usage") == "" {
		resp.setHeader("X-Business-Use-Case-Usage", buc)
	}
	return resp
}

func (s *Server) serveWABAEdge(c *call, w *WABA) response {
	switch c.template {
	case tmplWABA:
		if c.method == http.MethodGet {
			return s.getWABA(c, w)
		}
	case tmplSubscribedApps:
		return s.serveSubscribedApps(c, w)
	case tmplAssignedUsers:
		return s.serveAssignedUsers(c, w)
	case tmplPhoneNumbers:
		if c.method == http.MethodGet {
			return s.listPhoneNumbers(c, w)
		}
	case tmplMessageTemplates:
		switch c.method {
		case http.MethodGet:
			return s.listMessageTemplates(c, w)
		case http.MethodPost:
			return s.createTemplate(c, w)
		case http.MethodDelete:
			return s.deleteTemplates(c, w)
		}
	}
	return errorResponse(errUnknownObject(c.method, w.ID))
}

// getWABA serves GET /{waba-id}: id plus each requested field the WABA has.
func (s *Server) getWABA(c *call, w *WABA) response {
	fields := parseFields(c.params.Get("fields"))
	if len(fields) == 0 {
		fields = defaultWABAFields
	}
	if gerr := wabaRules.check(fields, c.version); gerr != nil {
		return errorResponse(gerr)
	}
	for _, f := range fields {
		var sub *nodeRules
		switch f.name {
		case "phone_numbers":
			sub = &phoneRules
		case "message_templates":
			sub = &templateRules
		}
		if sub != nil {
			if gerr := sub.check(f.subFields(), c.version); gerr != nil {
				return errorResponse(gerr)
			}
		}
	}
	out := map[string]any{"id": w.ID}
	for _, f := range fields {
		switch f.name {
		case "id":
		case "phone_numbers":
			items := s.withWebhookConfigurations(c.appID, w, phoneNumberItems(w, f.subFields()), f.subFields())
			out[f.name] = map[string]any{"data": s.withBusinessProfiles(w, items, f.subFields())}
		case "message_templates":
			out[f.name] = map[string]any{"data": s.templateItems(w, f.subFields(), nil)}
		case "subscribed_apps":
			out[f.name] = map[string]any{"data": s.subscribedAppItems(w)}
		default:
			if v, ok := w.Fields[f.name]; ok {
				if obj := wabaObjectFields[f.name]; obj != nil {
					v = obj.project(v, f.subFields())
				}
				out[f.name] = v
			}
		}
	}
	return jsonResponse(out)
}
