package graph

import (
	"context"
	"net/http"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph/internal/pacing"
)

// Usage is how much of a Meta rate-limit budget has been spent, in percent,
// as Graph reports it in X-Business-Use-Case-Usage (per business object, for
// WhatsApp the WABA) or X-App-Usage (per app). Percent is the highest of its
// counters.
type Usage = pacing.Usage

// budget is what the client knows of Meta's rate limits.
type budget struct {
	usage    *pacing.UsageTracker       // shared with the app-token client
	throttle pacing.ThrottleGate[Error] // objects Meta throttled for longer than MaxThrottleWait
}

// recordUsage keeps the usage a response reports and logs it, so the
// provider can warn before Meta starts refusing calls.
func (c *Client) recordUsage(ctx context.Context, h http.Header) {
	for _, u := range pacing.UsageFromHeaders(h) {
		c.budget.usage.Record(u)
		c.cfg.Logger.Debug(ctx, "Graph API rate-limit usage", map[string]any{
			"object_id": u.ObjectID, "usage_type": u.Type, "call_count_pct": u.CallCount,
			"total_cputime_pct": u.TotalCPUTime, "total_time_pct": u.TotalTime,
			"regain_access_seconds": int(u.RegainAccess.Seconds()),
		})
	}
}

// TakeUsageWarnings returns, once each, the budgets whose usage has reached
// threshold percent, app-level calls included.
func (c *Client) TakeUsageWarnings(threshold int) []Usage {
	return c.budget.usage.TakeWarnings(threshold)
}

// throttleCheck returns the throttle still in force on path's object, as an
// error for this request, or nil.
func (c *Client) throttleCheck(method, path string) error {
	e, left, closed := c.budget.throttle.Check(pacing.ObjectOf(path))
	if !closed {
		return nil
	}
	e.Method, e.Path, e.RetryAfter = method, path, left
	return &e
}

// throttleNote closes the gate of path's object when ge is a throttle too
// long to wait for.
func (c *Client) throttleNote(path string, ge *Error) {
	if !isThrottled(ge) || ge.RetryAfter <= c.cfg.MaxThrottleWait {
		return
	}
	c.budget.throttle.Close(pacing.ObjectOf(path), ge.RetryAfter, *ge)
}
