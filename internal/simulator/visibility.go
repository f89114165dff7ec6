package simulator

import (
	"errors"
	"fmt"
)

// Admin lookups that fail report these, so /_sim/ can answer 404.
var (
	errNoSuchWABA  = errors.New("unknown WABA")
	errNoSuchToken = errors.New("unknown token")
)

// hidden reports whether tok has lost sight of the WABA. The caller holds
// s.mu.
func (st *state) hidden(tok, wabaID string) bool {
	return st.hiddenWABAs[tok][wabaID]
}

// Hide takes a WABA out of a token's sight, or out of every token's sight
// when token is "". The WABA then answers that token exactly like one that
// does not exist, as Graph does for a WABA the token's system user has not
// been given; its data is kept and comes back unchanged with Reveal.
func (s *Server) Hide(wabaID, token string) error {
	return s.setHidden(wabaID, token, true)
}

// Reveal gives a token (every token when token is "") sight of a WABA again.
func (s *Server) Reveal(wabaID, token string) error {
	return s.setHidden(wabaID, token, false)
}

func (s *Server) setHidden(wabaID, token string, hide bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.st.wabas[wabaID]; !ok {
		return fmt.Errorf("%w %q", errNoSuchWABA, wabaID)
	}
	var tokens []string
	if token == "" {
		for t := range s.st.tokens {
			tokens = append(tokens, t)
		}
	} else if _, ok := s.st.tokens[token]; ok {
		tokens = []string{token}
	} else {
		// The token is a credential: it is not echoed back.
		return errNoSuchToken
	}
	for _, t := range tokens {
		set := s.st.hiddenWABAs[t]
		switch {
		case !hide:
			delete(set, wabaID)
		case set == nil:
			s.st.hiddenWABAs[t] = map[string]bool{wabaID: true}
		default:
			set[wabaID] = true
		}
	}
	return nil
}
