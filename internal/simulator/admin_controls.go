package simulator

import (
	"errors"
	"net/http"
)

// visibilityChange is the body of POST /_sim/hide and /_sim/reveal. An
// empty token means every token.
type visibilityChange struct {
	WABAID string `json:"waba_id"`
	Token  string `json:"token,omitempty"`
}

func (s *Server) adminVisibility(w http.ResponseWriter, r *http.Request, change func(wabaID, token string) error) {
	var v visibilityChange
	if !decodeAdminBody(w, r, "visibility change", &v) {
		return
	}
	if v.WABAID == "" {
		adminError(w, http.StatusBadRequest, "waba_id is required")
		return
	}
	if err := change(v.WABAID, v.Token); err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, errNoSuchWABA) || errors.Is(err, errNoSuchToken) {
			status = http.StatusNotFound
		}
		adminError(w, status, err.Error())
		return
	}
	adminSuccess(w)
}

// adminSettings applies the settings present in the body and keeps the
// others, then answers the settings in force.
func (s *Server) adminSettings(w http.ResponseWriter, r *http.Request) {
	next := s.Settings()
	if !decodeAdminBody(w, r, "settings", &next) {
		return
	}
	if err := s.SetSettings(next); err != nil {
		adminError(w, http.StatusBadRequest, err.Error())
		return
	}
	adminJSON(w, http.StatusOK, s.Settings())
}
