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

// profileChange is the body of POST /_sim/business_profile.
type profileChange struct {
	PhoneNumberID string         `json:"phone_number_id"`
	Profile       map[string]any `json:"whatsapp_business_profile"`
}

// adminBusinessProfile replaces a number's business profile, as a change
// made in WhatsApp Manager would.
func (s *Server) adminBusinessProfile(w http.ResponseWriter, r *http.Request) {
	var p profileChange
	if !decodeAdminBody(w, r, "business profile", &p) {
		return
	}
	if p.PhoneNumberID == "" {
		adminError(w, http.StatusBadRequest, "phone_number_id is required")
		return
	}
	if err := s.SetBusinessProfile(p.PhoneNumberID, p.Profile); err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, errNoSuchPhoneNumber) {
			status = http.StatusNotFound
		}
		adminError(w, status, err.Error())
		return
	}
	adminSuccess(w)
}
