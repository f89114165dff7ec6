package simulator

import "net/http"

// serveApp handles GET /app: the app that owns the token.
func (s *Server) serveApp(c *call) response {
	if c.method != http.MethodGet {
		return errorResponse(errUnknownObject(c.method, "app"))
	}
	s.mu.Lock()
	app := s.st.apps[c.appID]
	s.mu.Unlock()
	return jsonResponse(map[string]string{"id": c.appID, "name": app.Name, "link": appLink(c.appID)})
}
