package bench

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestRequestBudget runs apply, a refresh plan and destroy of 30 assignments
// on one WABA with the simulator serving 10 items a page, so that paging is
// exercised, and checks the Graph requests of each against the budget: one
// paged read per edge per run and one write per resource. Reads that stop
// being shared between resources multiply the GETs by 30 and fail it.
func TestRequestBudget(t *testing.T) {
	const n = 30
	seed := Seed()
	seed.MaxPageSize = 10
	page := PageSize(seed)
	env := startEnv(t, seed)
	ws, err := env.Workspace("budget", WhatsAppConfig(n))
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t)
	for _, step := range []struct {
		name string
		args []string
	}{{"apply", ApplyArgs}, {"plan", PlanArgs}, {"destroy", DestroyArgs}} {
		p, err := env.Measure(ctx, ws, step.name, step.args...)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range RequestChecks(p, n, page) {
			if !c.Met {
				t.Errorf("%s: %s not met; requests:\n%s", step.name, c.Target, describeCounts(p.Counts))
			}
		}
		// Each read of the edge pages through it once: 3 pages of 10.
		if step.name != "apply" {
			if got, want := p.Count("GET", RouteAssignedUsers), (n+page-1)/page; got != want {
				t.Errorf("%s: %d GETs of the assigned_users edge, want %d (one paged read)", step.name, got, want)
			}
		}
	}
}

func describeCounts(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "  %5d %s\n", counts[k], k)
	}
	return b.String()
}
