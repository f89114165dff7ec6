package simulator

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

var (
	defaultPhoneFields    = []string{"display_phone_number", "verified_name", "quality_rating", "code_verification_status"}
	defaultTemplateFields = []string{"name", "language", "status", "category", "components"}
)

// phoneRules check phone number fields. Phone numbers carry free-form seed
// data, so fields the simulator does not know are left out rather than
// refused; only version and sub-field errors fail the request.
var phoneRules = nodeRules{nodeType: nodePhoneNumber, objects: phoneObjectFields}

// listPhoneNumbers serves GET /{waba-id}/phone_numbers.
func (s *Server) listPhoneNumbers(c *call, w *WABA) response {
	fields := parseFields(c.params.Get("fields"))
	if gerr := phoneRules.check(fields, c.version); gerr != nil {
		return errorResponse(gerr)
	}
	items := s.withWebhookConfigurations(c.appID, w, phoneNumberItems(w, fields), fields)
	return s.listResponse(c, s.withBusinessProfiles(w, items, fields), listOptions{})
}

// phoneNumberItems projects the WABA's numbers; fields must be checked.
func phoneNumberItems(w *WABA, fields []fieldSpec) []any {
	items := make([]any, 0, len(w.PhoneNumbers))
	for _, p := range w.PhoneNumbers {
		items = append(items, project(withAutomation(withLegacyTier(p)), fields, defaultPhoneFields, phoneObjectFields))
	}
	return items
}

// listMessageTemplates serves GET /{waba-id}/message_templates with the
// name, status, category and language filters. Fields are the template
// node's (templateFields).
func (s *Server) listMessageTemplates(c *call, w *WABA) response {
	fields := parseFields(c.params.Get("fields"))
	if gerr := templateRules.check(fields, c.version); gerr != nil {
		return errorResponse(gerr)
	}
	return s.listResponse(c, s.templateItems(w, fields, c.params), listOptions{})
}

func (s *Server) templateItems(w *WABA, fields []fieldSpec, filters url.Values) []any {
	items := make([]any, 0, len(w.MessageTemplates))
	for _, t := range w.MessageTemplates {
		if matchesTemplateFilters(t, filters) {
			items = append(items, project(t, fields, defaultTemplateFields, nil))
		}
	}
	return items
}

func matchesTemplateFilters(t map[string]any, filters url.Values) bool {
	if name := filters.Get("name"); name != "" && fmt.Sprint(t["name"]) != name {
		return false
	}
	for _, key := range []string{"status", "category", "language"} {
		want := parseList(filters[key])
		if len(want) == 0 {
			continue
		}
		got := fmt.Sprint(t[key])
		if !slices.ContainsFunc(want, func(w string) bool { return strings.EqualFold(w, got) }) {
			return false
		}
	}
	return true
}
