package simulator

import "slices"

// clientWABARules accept the WABA node's fields and permitted_tasks, which
// Meta's reference documents on the client edge only.
var clientWABARules = nodeRules{nodeType: nodeWABA, known: unionOf(wabaFields, wabaEdges, setOf("permitted_tasks")), objects: wabaObjectFields}

// serveClientWABAs handles GET /{business-id}/client_whatsapp_business_accounts:
// the WABAs other businesses shared with this one (the seed's client_of),
// each with the tasks this business was permitted on it.
func (s *Server) serveClientWABAs(c *call) response {
	return s.serveBusinessWABAs(c, clientWABARules, func(w *WABA, business string) (map[string]any, bool) {
		i := slices.IndexFunc(w.ClientOf, func(a ClientAccess) bool { return a.BusinessID == business })
		if i < 0 {
			return nil, false
		}
		// Never null: a WABA shared without tasks lists none.
		return map[string]any{"permitted_tasks": append([]string{}, w.ClientOf[i].PermittedTasks...)}, true
	})
}
