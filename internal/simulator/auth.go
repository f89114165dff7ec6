package simulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Permission scopes the simulator checks.
const (
	scopeWABAManagement     = "whatsapp_business_management"
	scopeBusinessManagement = "business_management"
)

// authenticate identifies the caller from the Authorization header or the
// access_token parameter, as Graph accepts both. App access tokens
// ("<app-id>|<app-secret>") carry no user scopes and need no
// appsecret_proof: they already contain the secret.
func (s *Server) authenticate(c *call) *graphError {
	tok := bearerToken(c.r.Header.Get("Authorization"))
	if tok == "" {
		tok = c.params.Get("access_token")
	}
	if tok == "" {
		return newError(2500, "An active access token must be used to query information about the current user.")
	}
	c.token = tok

	s.mu.Lock()
	t, known := s.st.tokens[tok]
	appID, isAppToken := s.st.appTokenOwner(tok)
	s.mu.Unlock()

	if !known && isAppToken {
		c.appID, c.appToken = appID, true
		return nil
	}
	if !known {
		return newError(190, "Invalid OAuth access token - Cannot parse access token")
	}
	if t.Expired {
		e := newError(190, "Error validating access token: Session has expired")
		e.Subcode = 463
		return e
	}
	if s.cfg.appSecret != "" {
		proof := c.params.Get("appsecret_proof")
		if proof == "" {
			return errParam("API calls from the server require an appsecret_proof argument")
		}
		if !hmac.Equal([]byte(proof), []byte(AppSecretProof(s.cfg.appSecret, tok))) {
			return errParam("Invalid appsecret_proof provided in the API argument")
		}
	}
	c.appID, c.scopes = t.AppID, t.Scopes
	return nil
}

// AppSecretProof computes the appsecret_proof Graph expects for a token:
// lowercase hex HMAC-SHA256 of the token keyed with the app secret.
func AppSecretProof(appSecret, token string) string {
	m := hmac.New(sha256.New, []byte(appSecret))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

// bearerToken extracts the token from "Bearer <t>" (or Graph's older
// "OAuth <t>").
func bearerToken(header string) string {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok {
		return ""
	}
	switch strings.ToLower(scheme) {
	case "bearer", "oauth":
		return strings.TrimSpace(tok)
	}
	return ""
}

// appTokenOwner reports the app whose "<id>|<secret>" app token tok is.
func (st *state) appTokenOwner(tok string) (string, bool) {
	id, secret, ok := strings.Cut(tok, "|")
	if !ok {
		return "", false
	}
	app, found := st.apps[id]
	if !found || app.Secret == "" || !hmac.Equal([]byte(app.Secret), []byte(secret)) {
		return "", false
	}
	return id, true
}
