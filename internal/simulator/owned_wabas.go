package simulator

import (
	"net/http"
	"slices"
)

// defaultOwnedWABAFields are what Graph returns for each owned WABA when the
// request names no fields.
var defaultOwnedWABAFields = []string{"name"}

// serveOwnedWABAs handles GET /{business-id}/owned_whatsapp_business_accounts:
// the business's WABAs in seed order, each with the WABA node's fields.
// Meta's reference asks for business_management. A WABA hidden from the
// token is left out, as Graph leaves out what the token's system user was not
// given; an unknown business answers 100/33 like any missing object.
func (s *Server) serveOwnedWABAs(c *call) response {
	business := c.segs[0]
	if c.method != http.MethodGet {
		return errorResponse(errUnknownObject(c.method, business))
	}
	if !c.hasScopes(scopeBusinessManagement) {
		return errorResponse(errPermission())
	}
	fields := parseFields(c.params.Get("fields"))
	if gerr := wabaRules.check(fields, c.version); gerr != nil {
		return errorResponse(gerr)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.ContainsFunc(s.st.businesses, func(b Business) bool { return b.ID == business }) {
		return errorResponse(errUnknownObject(c.method, business))
	}
	items := []any{}
	for _, id := range s.st.wabaOrder {
		w := s.st.wabas[id]
		if w.BusinessID != business || s.st.hidden(c.token, id) {
			continue
		}
		node := map[string]any{"id": w.ID}
		for k, v := range w.Fields {
			node[k] = v
		}
		items = append(items, project(node, fields, defaultOwnedWABAFields, wabaObjectFields))
	}
	return s.listResponse(c, items, listOptions{})
}
