package pacing

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	cases := []struct {
		name   string
		header map[string]string
		want   time.Duration
	}{
		{"nothing", nil, 0},
		{"Retry-After seconds", map[string]string{"Retry-After": " 30 "}, 30 * time.Second},
		{"Retry-After capped at a day", map[string]string{"Retry-After": "999999999"}, 24 * time.Hour},
		{"Retry-After negative", map[string]string{"Retry-After": "-5"}, 0},
		{"Retry-After junk", map[string]string{"Retry-After": "later"}, 0},
		{"BUC minutes", map[string]string{"X-Business-Use-Case-Usage": bucHeader("1", 12)}, 12 * time.Minute},
		{"the longer of both", map[string]string{"Retry-After": "60", "X-Business-Use-Case-Usage": bucHeader("1", 2)}, 2 * time.Minute},
		{"the longer of both, header wins", map[string]string{"Retry-After": "600", "X-Business-Use-Case-Usage": bucHeader("1", 2)}, 10 * time.Minute},
		{
			"the longest BUC entry",
			map[string]string{"X-Business-Use-Case-Usage": `{"1":[{"type":"a","estimated_time_to_regain_access":3},{"type":"b","estimated_time_to_regain_access":9}],"2":[{"type":"c","estimated_time_to_regain_access":4}]}`},
			9 * time.Minute,
		},
		{"malformed BUC", map[string]string{"X-Business-Use-Case-Usage": "{"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tc.header {
				h.Set(k, v)
			}
			if got := RetryAfter(h); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	h := http.Header{}
	h.Set("Retry-After", time.Now().Add(2*time.Minute).UTC().Format(http.TimeFormat))
	if got := RetryAfter(h); got < 100*time.Second || got > 2*time.Minute {
		t.Errorf("HTTP-date Retry-After gave %v, want about 2m", got)
	}
}

// bucHeader is a Business Use Case header for object at 100% of calls,
// asking for regainMinutes.
func bucHeader(object string, regainMinutes int) string {
	return `{"` + object + `":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":12,"total_time":20,"estimated_time_to_regain_access":` + strconv.Itoa(regainMinutes) + `}]}`
}
