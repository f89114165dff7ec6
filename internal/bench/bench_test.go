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

// TestFrameworkFloorProvider checks that the framework floor measures what it
// claims to: its resources apply, refresh with no changes and reach no API.
func TestFrameworkFloorProvider(t *testing.T) {
	env := startEnv(t, Seed())
	ctx := testContext(t)
	if err := env.BuildFrameworkFloor(ctx, nil); err != nil {
		t.Fatal(err)
	}
	ws, err := env.FrameworkFloorWorkspace("framework-floor", FrameworkFloorConfig(3))
	if err != nil {
		t.Fatal(err)
	}
	apply, err := env.Measure(ctx, ws, "apply", ApplyArgs...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(apply.Output, "3 added, 0 changed, 0 destroyed") {
		t.Errorf("apply output:\n%s", apply.Output)
	}
	plan, err := env.Measure(ctx, ws, "plan", PlanArgs...)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Changes {
		t.Errorf("a refresh of the floor's own resources planned changes:\n%s", plan.Output)
	}
	if n := apply.Total() + plan.Total(); n != 0 {
		t.Errorf("the floor provider made %d Graph requests, want none", n)
	}
	var show strings.Builder
	if err := ws.Run(ctx, &show, &show, "state", "show", "floor_assignment.u2"); err != nil {
		t.Fatal(err)
	}
	if want := `"` + WABAID + "/" + fmt.Sprint(FirstUserID+1) + `"`; !strings.Contains(show.String(), want) {
		t.Errorf("floor_assignment.u2 lacks id %s:\n%s", want, show.String())
	}
}
