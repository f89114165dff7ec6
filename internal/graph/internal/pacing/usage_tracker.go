package pacing

import (
	"sort"
	"sync"
)

// UsageTracker keeps the highest usage seen per budget, so that the provider
// can warn before Meta starts refusing calls, and hands out each budget that
// reached the warning threshold once. A client and its app-token client
// share one, so that warnings cover every call of a run. The zero value is
// ready to use.
type UsageTracker struct {
	mu     sync.Mutex
	usage  map[string]Usage
	warned map[string]bool
}

// Record keeps u unless a higher usage of its budget was seen.
func (t *UsageTracker) Record(u Usage) {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := budgetKey(u)
	if old, ok := t.usage[key]; ok && u.Percent() < old.Percent() {
		return
	}
	if t.usage == nil {
		t.usage = map[string]Usage{}
	}
	t.usage[key] = u
}

// TakeWarnings returns, once each, the budgets whose usage has reached
// threshold percent, sorted by object and type.
func (t *UsageTracker) TakeWarnings(threshold int) []Usage {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []Usage
	for key, u := range t.usage {
		if u.Percent() >= threshold && !t.warned[key] {
			if t.warned == nil {
				t.warned = map[string]bool{}
			}
			t.warned[key] = true
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ObjectID+out[i].Type < out[j].ObjectID+out[j].Type })
	return out
}

// budgetKey names a budget: an object's Business Use Case, or the app's.
func budgetKey(u Usage) string { return u.ObjectID + "|" + u.Type }
