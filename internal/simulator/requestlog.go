package simulator

import (
	"net/url"
	"time"
)

// maxLoggedRequests bounds the request log so long benchmark runs do not
// grow without limit; the oldest entries are dropped first. Counts are kept
// separately and stay exact.
const maxLoggedRequests = 100_000

// Request is one API request as the simulator served it.
type Request struct {
	Method   string     `json:"method"`
	Path     string     `json:"path"`     // URL path, version included
	Template string     `json:"template"` // route template such as "/{waba-id}/assigned_users"
	Query    url.Values `json:"query"`    // query string without credentials
	Status   int        `json:"status"`   // 0 when no response was written
	Fault    string     `json:"fault,omitempty"`
	At       time.Time  `json:"at"`
}

// secretParams never appear in the request log.
var secretParams = []string{"access_token", "appsecret_proof", "appsecret_time", "verify_token", "client_secret"}

func redactQuery(q url.Values) url.Values {
	out := cloneValues(q)
	for _, k := range secretParams {
		out.Del(k)
	}
	return out
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, vs := range q {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func (s *Server) record(r Request) {
	s.logMu.Lock()
	if len(s.log) >= maxLoggedRequests {
		// Drop a tenth at once so trimming stays cheap per request.
		s.log = append(s.log[:0:0], s.log[maxLoggedRequests/10:]...)
	}
	s.log = append(s.log, r)
	s.counts[r.Method+" "+r.Template]++
	observer := s.observer
	s.logMu.Unlock()
	if observer != nil {
		observer(r)
	}
}

// Requests returns every API request served since the last reset, in
// arrival order. Admin requests are not included.
func (s *Server) Requests() []Request {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	out := make([]Request, len(s.log))
	for i, r := range s.log {
		r.Query = cloneValues(r.Query)
		out[i] = r
	}
	return out
}

// ResetRequests clears the request log and the counts.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	s.log = nil
	s.counts = map[string]int{}
}

// Counts returns how many requests each route served since the last reset,
// keyed "METHOD /template", e.g. "GET /{waba-id}/assigned_users".
func (s *Server) Counts() map[string]int {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// OnRequest registers a function called after each API request is served,
// for example to log traffic. It replaces any previous one; nil removes it.
func (s *Server) OnRequest(fn func(Request)) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	s.observer = fn
}
