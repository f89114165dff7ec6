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

// listPhoneNumbers serves GET /{waba-id}/phone_numbers.
func (s *Server) listPhoneNumbers(c *call, w *WABA) response {
	items := s.phoneNumberItems(w, parseFields(c.params.Get("fields")))
	return s.listResponse(c, items, listOptions{})
}

func (s *Server) phoneNumberItems(w *WABA, fields []fieldSpec) []any {
	items := make([]any, 0, len(w.PhoneNumbers))
	for _, p := range w.PhoneNumbers {
		items = append(items, project(p, fields, defaultPhoneFields))
	}
	return items
}

// listMessageTemplates serves GET /{waba-id}/message_templates with the
// name, status, category and language filters.
func (s *Server) listMessageTemplates(c *call, w *WABA) response {
	items := s.templateItems(w, parseFields(c.params.Get("fields")), c.params)
	return s.listResponse(c, items, listOptions{})
}

func (s *Server) templateItems(w *WABA, fields []fieldSpec, filters url.Values) []any {
	items := make([]any, 0, len(w.MessageTemplates))
	for _, t := range w.MessageTemplates {
		if matchesTemplateFilters(t, filters) {
			items = append(items, project(t, fields, defaultTemplateFields))
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
