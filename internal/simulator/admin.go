package simulator

import (
	"encoding/json"
	"io"
	"net/http"
)

// serveAdmin handles the /_sim/ control endpoints. They need no token and
// are not logged or counted, so tests can inspect and steer the simulator
// without disturbing what they measure.
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	route := r.Method + " " + r.URL.Path
	switch route {
	case "GET /_sim/requests":
		adminJSON(w, http.StatusOK, s.Requests())
	case "GET /_sim/counts":
		adminJSON(w, http.StatusOK, s.Counts())
	case "POST /_sim/reset":
		s.ResetRequests()
		adminJSON(w, http.StatusOK, map[string]bool{"success": true})
	case "POST /_sim/faults":
		s.adminAddFault(w, r)
	case "DELETE /_sim/faults":
		s.ClearFaults()
		adminJSON(w, http.StatusOK, map[string]bool{"success": true})
	case "GET /_sim/state":
		s.mu.Lock()
		body := encodeJSON(s.st.view())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	case "POST /_sim/unsubscribe":
		s.adminDrift(w, r, "app", s.Unsubscribe)
	case "POST /_sim/unassign":
		s.adminDrift(w, r, "user", s.Unassign)
	default:
		adminError(w, http.StatusNotFound, "unknown admin endpoint "+route)
	}
}

func (s *Server) adminAddFault(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		adminError(w, http.StatusBadRequest, "could not read the fault: "+err.Error())
		return
	}
	var f Fault
	if err := decodeStrict(body, &f); err != nil {
		adminError(w, http.StatusBadRequest, "invalid fault JSON: "+err.Error())
		return
	}
	if err := s.addFault(f); err != nil {
		adminError(w, http.StatusBadRequest, err.Error())
		return
	}
	adminJSON(w, http.StatusOK, map[string]bool{"success": true})
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

func adminJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func adminError(w http.ResponseWriter, status int, msg string) {
	adminJSON(w, status, map[string]string{"error": msg})
}
