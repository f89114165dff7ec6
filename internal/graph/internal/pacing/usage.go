package pacing

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// Usage is how much of a Meta rate-limit budget has been spent, in percent,
// as Graph reports it in X-Business-Use-Case-Usage (per business object, for
// WhatsApp the WABA) or X-App-Usage (per app).
type Usage struct {
	// ObjectID is the WABA (or other business object) the budget belongs to;
	// empty for app-level usage.
	ObjectID string
	// Type is the Business Use Case, e.g. whatsapp_business_management; "app"
	// for X-App-Usage.
	Type         string
	CallCount    int
	TotalCPUTime int
	TotalTime    int
	// RegainAccess is how long until calls are accepted again; zero when not
	// throttled.
	RegainAccess time.Duration
}

// Percent is the highest of the three counters: Meta throttles when any of
// them reaches 100.
func (u Usage) Percent() int {
	return max(u.CallCount, u.TotalCPUTime, u.TotalTime)
}

// UsageFromHeaders is every budget a response reports: the Business Use Case
// ones, then the app's.
func UsageFromHeaders(h http.Header) []Usage {
	usages := ParseBusinessUseCaseUsage(h.Get("X-Business-Use-Case-Usage"))
	if app, ok := ParseAppUsage(h.Get("X-App-Usage")); ok {
		usages = append(usages, app)
	}
	return usages
}

type bucEntry struct {
	Type                string      `json:"type"`
	CallCount           json.Number `json:"call_count"`
	TotalCPUTime        json.Number `json:"total_cputime"`
	TotalTime           json.Number `json:"total_time"`
	EstimatedTimeRegain json.Number `json:"estimated_time_to_regain_access"`
}

// ParseBusinessUseCaseUsage parses X-Business-Use-Case-Usage: a JSON object
// keyed by business object ID whose values are arrays of per-type counters.
// estimated_time_to_regain_access is in minutes. Malformed input yields nil.
func ParseBusinessUseCaseUsage(header string) []Usage {
	if strings.TrimSpace(header) == "" {
		return nil
	}
	var raw map[string][]bucEntry
	if err := json.Unmarshal([]byte(header), &raw); err != nil {
		return nil
	}
	var out []Usage
	for id, entries := range raw {
		for _, e := range entries {
			out = append(out, Usage{
				ObjectID:     id,
				Type:         e.Type,
				CallCount:    number(e.CallCount),
				TotalCPUTime: number(e.TotalCPUTime),
				TotalTime:    number(e.TotalTime),
				RegainAccess: time.Duration(number(e.EstimatedTimeRegain)) * time.Minute,
			})
		}
	}
	return out
}

// ParseAppUsage parses X-App-Usage: {"call_count":N,"total_cputime":N,"total_time":N}.
func ParseAppUsage(header string) (Usage, bool) {
	if strings.TrimSpace(header) == "" {
		return Usage{}, false
	}
	var e bucEntry
	if err := json.Unmarshal([]byte(header), &e); err != nil {
		return Usage{}, false
	}
	return Usage{Type: "app", CallCount: number(e.CallCount), TotalCPUTime: number(e.TotalCPUTime), TotalTime: number(e.TotalTime)}, true
}

// number reads a counter that Graph may send as an integer or a float, and
// clamps it to a sane range so a hostile header cannot overflow a duration.
func number(n json.Number) int {
	f, err := n.Float64()
	if err != nil || f < 0 {
		return 0
	}
	if f > 1e6 {
		return 1e6
	}
	return int(f)
}
