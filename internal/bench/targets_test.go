package bench

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

func TestReadBudgetAndPageSize(t *testing.T) {
	for _, tc := range []struct{ n, page, want int }{{500, 100, 8}, {501, 100, 9}, {30, 10, 6}, {1, 100, 4}} {
		if got := ReadBudget(tc.n, tc.page); got != tc.want {
			t.Errorf("ReadBudget(%d, %d) = %d, want %d", tc.n, tc.page, got, tc.want)
		}
	}
	seed := simulator.Seed{}
	if got := PageSize(seed); got != 100 {
		t.Errorf("default page = %d, want 100", got)
	}
	seed.MaxPageSize = 10
	if got := PageSize(seed); got != 10 {
		t.Errorf("page with MaxPageSize 10 = %d", got)
	}
}

func phase(name string, counts map[string]int) Phase { return Phase{Name: name, Counts: counts} }

func TestRequestChecks(t *testing.T) {
	good := map[string][]Phase{
		"apply": {phase("apply", map[string]int{"POST " + RouteAssignedUsers: 30, "POST " + RouteSubscribed: 1,
			"GET /app": 1, "GET " + RouteSubscribed: 1, "GET /{waba-id}": 1})},
		"plan": {phase("plan", map[string]int{"GET " + RouteAssignedUsers: 3, "GET /app": 1, "GET " + RouteSubscribed: 1, "GET /{waba-id}": 1})},
		"destroy": {phase("destroy", map[string]int{"DELETE " + RouteAssignedUsers: 30, "DELETE " + RouteSubscribed: 1,
			"GET " + RouteAssignedUsers: 3, "GET /app": 1, "GET " + RouteSubscribed: 1, "GET /{waba-id}": 1})},
	}
	bad := []Phase{
		phase("apply", map[string]int{"POST " + RouteAssignedUsers: 30, "POST " + RouteSubscribed: 1, "GET " + RouteAssignedUsers: 30}),
		phase("apply", map[string]int{"POST " + RouteAssignedUsers: 31, "POST " + RouteSubscribed: 1}),
		phase("plan", map[string]int{"GET " + RouteAssignedUsers: 4, "GET /app": 1, "GET " + RouteSubscribed: 1, "GET /{waba-id}": 1}),
		{Name: "plan", Counts: map[string]int{"GET " + RouteAssignedUsers: 3}, Changes: true},
		phase("destroy", map[string]int{"DELETE " + RouteAssignedUsers: 30, "POST " + RouteSubscribed: 1}),
	}
	for name, ps := range good {
		for _, c := range RequestChecks(ps[0], 30, 10) {
			if !c.Met {
				t.Errorf("%s: %s not met", name, c.Target)
			}
		}
	}
	for i, p := range bad {
		met := true
		for _, c := range RequestChecks(p, 30, 10) {
			met = met && c.Met
		}
		if met {
			t.Errorf("bad case %d (%s %v) met every target", i, p.Name, p.Counts)
		}
	}
}

func TestWallCheckAndReport(t *testing.T) {
	if _, ok := WallCheck(10, 4); ok {
		t.Error("a wall target below WallRatioFrom")
	}
	if c, ok := WallCheck(100, 1.6); !ok || c.Met {
		t.Errorf("1.6x at N=100: %+v, %v", c, ok)
	}
	sizes := []Size{{
		N: 100, Page: 100, PlanWall: 3 * time.Second, FloorWall: time.Second, FrameworkWall: 2 * time.Second,
		Phases: []Phase{phase("plan", map[string]int{"GET " + RouteAssignedUsers: 1, "GET /app": 1})},
	}}
	var out bytes.Buffer
	unmet := Report(&out, sizes, 3)
	if len(unmet) != 1 || !strings.Contains(unmet[0].What, "wall<=1.5x floor") || !unmet[0].Timing {
		t.Errorf("unmet = %+v", unmet)
	}
	for _, want := range []string{"3.00x", "2.00x", "GET /{waba-id}/assigned_users", "NO",
		"N=100: the plan target of 1.5x is below the framework floor's own 2.00x."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}

	// A framework floor within the target: the miss is the provider's own.
	sizes[0].FrameworkWall = 1200 * time.Millisecond
	out.Reset()
	Report(&out, sizes, 3)
	if !strings.Contains(out.String(), "1.20x") || strings.Contains(out.String(), "below the framework floor") {
		t.Errorf("report with a framework floor of 1.2x:\n%s", out.String())
	}
}
