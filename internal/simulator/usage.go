package simulator

import (
	"fmt"
	"time"
)

const usageWindow = time.Hour

// usageTracker remembers call times in a rolling hour, per (app, WABA) for
// the Business Use Case budget and per app for X-App-Usage. Guarded by
// Server.mu.
type usageTracker struct {
	buc map[string][]time.Time // key: app + "|" + waba
	app map[string][]time.Time
}

func newUsageTracker() usageTracker {
	return usageTracker{buc: map[string][]time.Time{}, app: map[string][]time.Time{}}
}

// prune drops calls that left the rolling window; times are in arrival order.
func prune(calls []time.Time, now time.Time) []time.Time {
	cut := 0
	for cut < len(calls) && !calls[cut].After(now.Add(-usageWindow)) {
		cut++
	}
	return calls[cut:]
}

// percent is the share of budget used, rounded up so that any use shows.
func percent(n, budget int) int {
	if budget <= 0 {
		return 100
	}
	return min(100, (n*100+budget-1)/budget)
}

// admitWABACall counts a call by app on a WABA and returns the BUC header
// value. With budget enforcement a call over budget is refused with error
// 80008 and is not counted, so the window frees as old calls age out. The
// caller holds s.mu.
func (s *Server) admitWABACall(appID, wabaID string, now time.Time) (string, *graphError) {
	key := appID + "|" + wabaID
	calls := prune(s.usage.buc[key], now)
	if s.cfg.enforceBudget && len(calls) >= s.cfg.hourlyBudget {
		s.usage.buc[key] = calls
		wait := calls[0].Add(usageWindow).Sub(now)
		return bucHeader(wabaID, 100, ceilMinutes(wait)), errThrottled()
	}
	calls = append(calls, now)
	s.usage.buc[key] = calls
	return bucHeader(wabaID, percent(len(calls), s.cfg.hourlyBudget), 0), nil
}

// countAppCall counts an authenticated call against its app and returns the
// X-App-Usage header value. The app budget scales with the number of WABAs,
// since each WABA carries its own Business Use Case budget.
func (s *Server) countAppCall(appID string, now time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	calls := append(prune(s.usage.app[appID], now), now)
	s.usage.app[appID] = calls
	budget := s.cfg.hourlyBudget * max(1, len(s.st.wabas))
	return appUsageHeader(percent(len(calls), budget))
}

func ceilMinutes(d time.Duration) int {
	m := int((d + time.Minute - 1) / time.Minute)
	return max(1, m)
}

func bucHeader(wabaID string, callCount, regainMinutes int) string {
	return fmt.Sprintf(`{%q:[{"type":"whatsapp_business_management","call_count":%d,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":%d}]}`,
		wabaID, callCount, regainMinutes)
}

func appUsageHeader(callCount int) string {
	return fmt.Sprintf(`{"call_count":%d,"total_cputime":0,"total_time":0}`, callCount)
}
