package pacing

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryAfter is how long Graph asked the caller to wait: Retry-After in
// seconds (or as an HTTP date), or the longest
// estimated_time_to_regain_access in the Business Use Case header, whichever
// is longer. Both are capped so that a hostile header cannot ask for ages.
func RetryAfter(h http.Header) time.Duration {
	var wait time.Duration
	if s := h.Get("Retry-After"); s != "" {
		if secs, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && secs > 0 {
			wait = time.Duration(min(secs, 86400)) * time.Second
		} else if t, err := http.ParseTime(s); err == nil {
			if d := time.Until(t); d > 0 {
				wait = min(d, 24*time.Hour)
			}
		}
	}
	for _, u := range ParseBusinessUseCaseUsage(h.Get("X-Business-Use-Case-Usage")) {
		wait = max(wait, u.RegainAccess)
	}
	return wait
}
