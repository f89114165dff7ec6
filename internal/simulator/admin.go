package simulator

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
)

// adminHandler serves one /_sim/ endpoint.
type adminHandler func(s *Server, w http.ResponseWriter, r *http.Request)

// adminRoutes are the /_sim/ control endpoints, keyed "METHOD /path". The
// package documentation and graphsim -h describe each one.
var adminRoutes = map[string]adminHandler{
	"GET /_sim/requests": func(s *Server, w http.ResponseWriter, _ *http.Request) {
		adminJSON(w, http.StatusOK, s.Requests())
	},
	"GET /_sim/counts": func(s *Server, w http.ResponseWriter, _ *http.Request) {
		adminJSON(w, http.StatusOK, s.Counts())
	},
	"POST /_sim/reset": func(s *Server, w http.ResponseWriter, _ *http.Request) {
		s.ResetRequests()
		adminSuccess(w)
	},
	"POST /_sim/faults": (*Server).adminAddFault,
	"DELETE /_sim/faults": func(s *Server, w http.ResponseWriter, _ *http.Request) {
		s.ClearFaults()
		adminSuccess(w)
	},
	"GET /_sim/state": (*Server).adminState,
	"POST /_sim/unsubscribe": func(s *Server, w http.ResponseWriter, r *http.Request) {
		s.adminDrift(w, r, "app", s.Unsubscribe)
	},
	"POST /_sim/unassign": func(s *Server, w http.ResponseWriter, r *http.Request) {
		s.adminDrift(w, r, "user", s.Unassign)
	},
	"POST /_sim/hide": func(s *Server, w http.ResponseWriter, r *http.Request) {
		s.adminVisibility(w, r, s.Hide)
	},
	"POST /_sim/reveal": func(s *Server, w http.ResponseWriter, r *http.Request) {
		s.adminVisibility(w, r, s.Reveal)
	},
	"GET /_sim/settings": func(s *Server, w http.ResponseWriter, _ *http.Request) {
		adminJSON(w, http.StatusOK, s.Settings())
	},
	"POST /_sim/settings":               (*Server).adminSettings,
	"POST /_sim/business_profile":       (*Server).adminBusinessProfile,
	"POST /_sim/clock":                  (*Server).adminClock,
	"POST /_sim/templates/review":       (*Server).adminReviewTemplate,
	"POST /_sim/templates/recategorise": (*Server).adminRecategoriseTemplate,
	"POST /_sim/templates/delete":       (*Server).adminDeleteTemplate,
}

// AdminRoutes lists the /_sim/ control endpoints as "METHOD /path", sorted.
func AdminRoutes() []string {
	return slices.Sorted(maps.Keys(adminRoutes))
}

// serveAdmin handles the /_sim/ control endpoints. They need no token and
// are not logged or counted, so tests can inspect and steer the simulator
// without disturbing what they measure.
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	route := r.Method + " " + r.URL.Path
	handle, ok := adminRoutes[route]
	if !ok {
		adminError(w, http.StatusNotFound, "unknown admin endpoint "+route)
		return
	}
	handle(s, w, r)
}

func (s *Server) adminState(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	s.st.templates.settle(s.clock())
	body := encodeJSON(s.st.view())
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func (s *Server) adminAddFault(w http.ResponseWriter, r *http.Request) {
	var f Fault
	if !decodeAdminBody(w, r, "fault", &f) {
		return
	}
	if err := s.addFault(f); err != nil {
		adminError(w, http.StatusBadRequest, err.Error())
		return
	}
	adminSuccess(w)
}

// adminDrift applies an out-of-band change named by the waba and key query
// parameters.
func (s *Server) adminDrift(w http.ResponseWriter, r *http.Request, key string, change func(waba, id string) bool) {
	waba, id := r.URL.Query().Get("waba"), r.URL.Query().Get(key)
	if waba == "" || id == "" {
		adminError(w, http.StatusBadRequest, "the waba and "+key+" query parameters are required")
		return
	}
	adminJSON(w, http.StatusOK, map[string]bool{"success": true, "removed": change(waba, id)})
}

// decodeAdminBody reads a JSON body strictly into v, answering 400 itself
// when it cannot.
func decodeAdminBody(w http.ResponseWriter, r *http.Request, what string, v any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		adminError(w, http.StatusBadRequest, "could not read the "+what+": "+err.Error())
		return false
	}
	if err := decodeStrict(body, v); err != nil {
		adminError(w, http.StatusBadRequest, "invalid "+what+" JSON: "+err.Error())
		return false
	}
	return true
}

func adminJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func adminSuccess(w http.ResponseWriter) {
	adminJSON(w, http.StatusOK, map[string]bool{"success": true})
}

func adminError(w http.ResponseWriter, status int, msg string) {
	adminJSON(w, status, map[string]string{"error": msg})
}
