package bench

import (
	"strings"
	"testing"
)

// TestPhoneRequestBudget runs apply, a refresh plan and destroy of the
// Phones configuration over 5 numbers of one WABA with the simulator
// serving 3 numbers a page, so that each read of the phone_numbers edge
// takes 2 pages, and checks the Graph requests of each against the budget:
// one paged read of the edge per resource kind per run, whatever the number
// of numbers, and one write per resource. A read per number (of the edge,
// of a number's node or of its profile) passes the budget of 6 reads and
// fails it.
func TestPhoneRequestBudget(t *testing.T) {
	const p = 5
	seed := PhoneSeed(p)
	seed.MaxPageSize = 3
	page := PageSize(seed)
	pages := (p + page - 1) / page
	if pages != 2 {
		t.Fatalf("%d numbers in pages of %d take %d pages; the test wants 2", p, page, pages)
	}
	env := startEnv(t, seed)
	callback := StartCallback()
	t.Cleanup(callback.Close)
	ws, err := env.Workspace("phones-budget", PhoneConfig(p, callback.URL()))
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t)
	for _, step := range []struct {
		name string
		args []string
	}{{"apply", ApplyArgs}, {"plan", PlanArgs}, {"destroy", DestroyArgs}} {
		ph, err := env.Measure(ctx, ws, step.name, step.args...)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range PhoneRequestChecks(ph, p, page) {
			if !c.Met {
				t.Errorf("%s: %s not met; requests:\n%s", step.name, c.Target, describeCounts(ph.Counts))
			}
		}
		// Each kind's read pages through the whole edge: at least one
		// complete paged read, at most one per kind.
		if got := ph.Count("GET", RoutePhoneNumbers); got < pages || got > PhoneKinds*pages {
			t.Errorf("%s: %d GETs of the phone_numbers edge, want %d to %d (one paged read of %d pages per resource kind)",
				step.name, got, pages, PhoneKinds*pages, pages)
		}
		// Every override was verified by the simulator's handshake, once.
		if got := callback.Verified(); got != p {
			t.Errorf("after %s: the callback passed %d handshakes, want %d (one per override set)", step.name, got, p)
		}
	}
}

func TestPhoneReadBudget(t *testing.T) {
	for _, tc := range []struct{ p, page, want int }{{5, 3, 6}, {20, 100, 3}, {100, 100, 3}, {101, 100, 6}, {1, 1, 3}} {
		if got := PhoneReadBudget(tc.p, tc.page); got != tc.want {
			t.Errorf("PhoneReadBudget(%d, %d) = %d, want %d", tc.p, tc.page, got, tc.want)
		}
	}
}

func TestPhoneRequestChecks(t *testing.T) {
	const p, page = 20, 10 // a read budget of 6
	post := func(override, profile, automation int) map[string]int {
		return map[string]int{"POST " + RoutePhoneNumber: override, "POST " + RouteProfile: profile, "POST " + RouteAutomation: automation}
	}
	with := func(counts map[string]int, more map[string]int) map[string]int {
		for k, v := range more {
			counts[k] += v
		}
		return counts
	}
	edge := map[string]int{"GET " + RoutePhoneNumbers: 6}
	good := []Phase{
		phase("apply", with(post(p, p, p), edge)),
		phase("plan", edge),
		phase("destroy", with(post(p, 0, p), edge)),
	}
	bad := []Phase{
		// Reads that grow with the numbers.
		phase("plan", map[string]int{"GET " + RoutePhoneNumbers: 3 * p}),
		phase("plan", map[string]int{"GET " + RoutePhoneNumbers: 6, "GET " + RoutePhoneNumber: p}),
		phase("apply", with(post(p, p, p), map[string]int{"GET " + RoutePhoneNumbers: 6, "GET " + RouteProfile: 1})),
		{Name: "plan", Counts: edge, Changes: true},
		// Writes: a missing kind, one write too many, a profile write on destroy.
		phase("apply", with(post(p, 0, p), edge)),
		phase("apply", with(post(p, p, p+1), edge)),
		phase("destroy", with(post(p, p, p), edge)),
		phase("destroy", with(post(p, 0, p), map[string]int{"DELETE " + RouteAutomation: 1})),
	}
	for _, ph := range good {
		for _, c := range PhoneRequestChecks(ph, p, page) {
			if !c.Met {
				t.Errorf("%s: %s not met", ph.Name, c.Target)
			}
		}
	}
	for i, ph := range bad {
		met := true
		for _, c := range PhoneRequestChecks(ph, p, page) {
			met = met && c.Met
		}
		if met {
			t.Errorf("bad case %d (%s %v) met every target", i, ph.Name, ph.Counts)
		}
	}
}

// TestReportPhones: the Phones configuration gets a table and a route table
// of its own, with its budget and the ratio to it, and no wall-time target.
func TestReportPhones(t *testing.T) {
	sizes := []Size{{
		Kind: Phones, N: 100, Page: 100, PlanWall: 3e9, FloorWall: 1e9,
		Phases: []Phase{phase("plan", map[string]int{"GET " + RoutePhoneNumbers: 3})},
	}, {
		Kind: Phones, N: 20, Page: 100,
		Phases: []Phase{phase("plan", map[string]int{"GET " + RoutePhoneNumbers: 3, "GET " + RoutePhoneNumber: 20})},
	}}
	var out strings.Builder
	unmet := Report(&out, sizes, 3)
	if len(unmet) != 1 || unmet[0].What != "P=20 plan: requests<=3" || unmet[0].Timing {
		t.Errorf("unmet = %+v, want the P=20 plan's requests only", unmet)
	}
	for _, want := range []string{"P phone numbers of one WABA", "plan requests <= 3*ceil(P/100)", "1.00x", "7.67x",
		"Graph requests by route, P phone numbers:", "GET /{phone-number-id}", "100 plan", "20 plan"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	for _, unwanted := range []string{"wall<=", "assigned users"} {
		if strings.Contains(out.String(), unwanted) {
			t.Errorf("report has %q:\n%s", unwanted, out.String())
		}
	}
}
