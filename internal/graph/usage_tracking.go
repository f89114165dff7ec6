package graph

import (
	"context"
	"net/http"
	"sort"
)

// recordUsage keeps the highest usage seen per business object (and for the
// app) and logs it, so the provider can warn before Meta starts refusing
// calls.
func (c *Client) recordUsage(ctx context.Context, h http.Header) {
	usages := ParseBusinessUseCaseUsage(h.Get("X-Business-Use-Case-Usage"))
	if app, ok := ParseAppUsage(h.Get("X-App-Usage")); ok {
		usages = append(usages, app)
	}
	if len(usages) == 0 {
		return
	}
	c.usageMu.Lock()
	defer c.usageMu.Unlock()
	for _, u := range usages {
		key := u.ObjectID + "|" + u.Type
		if old, ok := c.usage[key]; !ok || u.Percent() >= old.Percent() {
			c.usage[key] = u
		}
		c.cfg.Logger.Debug(ctx, "Graph API rate-limit usage", map[string]any{
			"object_id": u.ObjectID, "usage_type": u.Type, "call_count_pct": u.CallCount,
			"total_cputime_pct": u.TotalCPUTime, "total_time_pct": u.TotalTime,
			"regain_access_seconds": int(u.RegainAccess.Seconds()),
		})
	}
}

// TakeUsageWarnings returns, once each, the budgets whose usage has reached
// threshold percent.
func (c *Client) TakeUsageWarnings(threshold int) []Usage {
	c.usageMu.Lock()
	defer c.usageMu.Unlock()
	var out []Usage
	for key, u := range c.usage {
		if u.Percent() >= threshold && !c.warned[key] {
			c.warned[key] = true
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ObjectID+out[i].Type < out[j].ObjectID+out[j].Type })
	return out
}
