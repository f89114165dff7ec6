package simulator

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Fault kinds.
const (
	FaultGraphError   = "graph_error"   // a Graph error body with the given code
	FaultHTTPStatus   = "http_status"   // a bare HTTP failure status with a generic Graph body
	FaultSlow         = "slow"          // wait Delay, then serve normally
	FaultReset        = "reset"         // close the connection without answering (a handler called without a connection panics with http.ErrAbortHandler)
	FaultHTML         = "html"          // a proxy's 502 HTML page
	FaultTruncated    = "truncated"     // 200 with a JSON body cut short
	FaultEmpty        = "empty"         // 200 with no body
	FaultSuccessFalse = "success_false" // 200 {"success":false}
)

var faultKinds = []string{
	FaultGraphError, FaultHTTPStatus, FaultSlow, FaultReset, FaultHTML,
	FaultTruncated, FaultEmpty, FaultSuccessFalse,
}

// Fault makes matching requests fail in a chosen way. Faults are checked in
// the order they were added, before any normal handling; the first active
// match fires.
type Fault struct {
	Method        string   `json:"method,omitempty"` // "" matches any method
	Path          string   `json:"path,omitempty"`   // regexp on the path without the version prefix; "" matches any
	Kind          string   `json:"kind"`
	Status        int      `json:"status,omitempty"` // HTTP status; defaults from the code
	Code          int      `json:"code,omitempty"`
	Subcode       int      `json:"subcode,omitempty"`
	Transient     bool     `json:"is_transient,omitempty"`
	Message       string   `json:"message,omitempty"`
	Delay         Duration `json:"delay,omitempty"`          // for slow
	RetryAfter    int      `json:"retry_after,omitempty"`    // seconds, sent as Retry-After
	RegainMinutes int      `json:"regain_minutes,omitempty"` // estimated_time_to_regain_access for throttling codes
	Times         int      `json:"times,omitempty"`          // fire at most this many times; 0 is unlimited
	After         int      `json:"after,omitempty"`          // let the first N matching requests through
	Probability   float64  `json:"probability,omitempty"`    // 0 or 1 always fires; else drawn from a seeded generator
}

// activeFault is a fault with its compiled path and counters.
type activeFault struct {
	Fault
	path  *regexp.Regexp
	seen  int
	fired int
}

// compile validates a fault and compiles its path pattern.
func (f Fault) compile() (*activeFault, error) {
	if !slices.Contains(faultKinds, f.Kind) {
		return nil, fmt.Errorf("unknown fault kind %q (want one of %s)", f.Kind, strings.Join(faultKinds, ", "))
	}
	if f.Probability < 0 || f.Probability > 1 {
		return nil, fmt.Errorf("fault probability %v is outside [0, 1]", f.Probability)
	}
	if f.Times < 0 || f.After < 0 || f.Delay < 0 || f.RetryAfter < 0 || f.RegainMinutes < 0 {
		return nil, fmt.Errorf("fault counts and durations must not be negative")
	}
	if f.Status != 0 && (f.Status < 100 || f.Status > 599) {
		return nil, fmt.Errorf("fault status %d is not an HTTP status", f.Status)
	}
	re, err := regexp.Compile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("fault path: %w", err)
	}
	return &activeFault{Fault: f, path: re}, nil
}

// InjectFault appends a fault. Like regexp.MustCompile it panics on an
// invalid fault (unknown kind, bad path pattern), a programming error in a
// test; POST /_sim/faults reports the same problems as a 400 instead.
func (s *Server) InjectFault(f Fault) {
	if err := s.addFault(f); err != nil {
		panic("simulator: " + err.Error())
	}
}

func (s *Server) addFault(f Fault) error {
	af, err := f.compile()
	if err != nil {
		return err
	}
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.faults = append(s.faults, af)
	return nil
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.faults = nil
}

// pickFault returns the first active fault matching the request and counts
// it as fired. Evaluation is serialised so that After, Times and the seeded
// probability draws are deterministic for a given request order.
func (s *Server) pickFault(method, path string) (Fault, bool) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	for _, f := range s.faults {
		if f.Method != "" && !strings.EqualFold(f.Method, method) {
			continue
		}
		if !f.path.MatchString(path) {
			continue
		}
		f.seen++
		if f.seen <= f.After || (f.Times > 0 && f.fired >= f.Times) {
			continue
		}
		if f.Probability > 0 && f.Probability < 1 && s.rng.Float64() >= f.Probability {
			continue
		}
		f.fired++
		return f.Fault, true
	}
	return Fault{}, false
}
