package simulator

import (
	"net/http"
	"time"
)

// The simulator's clock is the wall clock (or the one a test put in
// Server.now) plus every advance made with AdvanceClock or POST /_sim/clock.
// Everything that depends on time follows it: request times in the log,
// the usage windows and every template rule (review delays, the creation
// limit, edit budgets, the lock on a deleted name), so that a test can skip
// a day without waiting for it.

// clock is the simulator's current time.
func (s *Server) clock() time.Time {
	return s.now().Add(time.Duration(s.clockOffset.Load()))
}

// AdvanceClock moves the simulator's clock forward by d. A negative d is
// ignored: Graph's windows only ever move forward.
func (s *Server) AdvanceClock(d time.Duration) {
	if d > 0 {
		s.clockOffset.Add(int64(d))
	}
}

// clockChange is the body of POST /_sim/clock.
type clockChange struct {
	Advance Duration `json:"advance"`
}

// adminClock advances the clock and answers the new time.
func (s *Server) adminClock(w http.ResponseWriter, r *http.Request) {
	var c clockChange
	if !decodeAdminBody(w, r, "clock change", &c) {
		return
	}
	if c.Advance <= 0 {
		adminError(w, http.StatusBadRequest, `advance must be a positive duration such as "25h"`)
		return
	}
	s.AdvanceClock(time.Duration(c.Advance))
	adminJSON(w, http.StatusOK, map[string]string{"now": s.clock().UTC().Format(time.RFC3339)})
}
