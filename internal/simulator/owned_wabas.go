package simulator

import (
	"maps"
	"net/http"
	"slices"
)

// defaultBusinessWABAFields are what Graph returns for each WABA of a
// business's WABA edges when the request names no fields.
var defaultBusinessWABAFields = []string{"name"}

// serveOwnedWABAs handles GET /{business-id}/owned_whatsapp_business_accounts:
// the WABAs the business owns.
func (s *Server) serveOwnedWABAs(c *call) response {
	return s.serveBusinessWABAs(c, wabaRules, func(w *WABA, business string) (map[string]any, bool) {
		return nil, w.BusinessID == business
	})
}

// serveBusinessWABAs serves one of a business's WABA edges: the WABAs listed
// reports on it, in seed order, each with the WABA node's fields and the ones
// listed adds, projected to fields= as rules allow. Meta's reference asks
// for business_management. A WABA hidden from the token is left out, as
// Graph leaves out what the token's system user was not given; an unknown
// business answers 100/33 like any missing object.
func (s *Server) serveBusinessWABAs(c *call, rules nodeRules, listed func(w *WABA, business string) (map[string]any, bool)) response {
	business := c.segs[0]
	if c.method != http.MethodGet {
		return errorResponse(errUnknownObject(c.method, business))
	}
	if !c.hasScopes(scopeBusinessManagement) {
		return errorResponse(errPermission())
	}
	fields := parseFields(c.params.Get("fields"))
	if gerr := rules.check(fields, c.version); gerr != nil {
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
		extra, ok := listed(w, business)
		if !ok || s.st.hidden(c.token, id) {
			continue
		}
		node := map[string]any{"id": w.ID}
		maps.Copy(node, w.Fields)
		maps.Copy(node, extra)
		items = append(items, project(node, fields, defaultBusinessWABAFields, wabaObjectFields))
	}
	return s.listResponse(c, items, listOptions{})
}
