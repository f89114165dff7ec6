package bench

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestTemplateRequestBudget applies 5 templates of one WABA in stages of 2
// (2, then 4, then 5 templates, the simulator's clock moved an hour between
// applies, as make bench does past Meta's hourly creation limit), with the
// simulator serving 2 templates a page, then plans and destroys them, and
// checks the Graph requests of each command against the budget: one shared
// paged read of the message_templates edge (3 pages for 5 templates) per
// command, one create per template and one delete per template. A read per
// template (of the edge or of a template's node) passes the budget of 6
// reads and fails it.
func TestTemplateRequestBudget(t *testing.T) {
	const n, perStage = 5, 2
	seed := TemplateSeed()
	seed.MaxPageSize = 2
	page := PageSize(seed)
	pages := (n + page - 1) / page
	if pages != 3 {
		t.Fatalf("%d templates in pages of %d take %d pages; the test wants 3", n, page, pages)
	}
	env := startEnv(t, seed)
	ws, err := env.Workspace("templates-budget", TemplateConfig(n))
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t)
	var stages []StageConfig
	for _, size := range TemplateStages(n, perStage) {
		stages = append(stages, StageConfig{N: size, Config: TemplateConfig(size)})
	}
	advanced := 0
	apply, err := env.MeasureStages(ctx, ws, "apply", stages, func() { advanced++; env.Sim.AdvanceClock(time.Hour) })
	if err != nil {
		t.Fatal(err)
	}
	if advanced != 2 {
		t.Errorf("the clock moved %d times over three applies, want 2 (between two applies)", advanced)
	}
	if got := len(apply.Stages); got != 3 {
		t.Fatalf("%d applies, want 3", got)
	}
	for i, st := range apply.Stages {
		// Each apply creates only the templates it adds.
		want := st.N
		if i > 0 {
			want -= apply.Stages[i-1].N
		}
		if got := st.Phase.Count("POST", RouteMessageTemplates); got != want {
			t.Errorf("apply %d (%d templates): %d creates, want %d", i+1, st.N, got, want)
		}
	}
	phases := []Phase{apply}
	for _, step := range []struct {
		name string
		args []string
	}{{"plan", PlanArgs}, {"destroy", DestroyArgs}} {
		ph, err := env.Measure(ctx, ws, step.name, step.args...)
		if err != nil {
			t.Fatal(err)
		}
		// Each read of the edge pages through it once, asking for every
		// field the resource needs.
		if got := ph.Count("GET", RouteMessageTemplates); got != pages {
			t.Errorf("%s: %d GETs of the message_templates edge, want %d (one paged read)", step.name, got, pages)
		}
		for _, r := range env.Sim.Requests() {
			if r.Method != "GET" || r.Template != RouteMessageTemplates {
				continue
			}
			fields := strings.Split(r.Query.Get("fields"), ",")
			for _, f := range []string{"id", "name", "language", "category", "status", "components"} {
				if !slices.Contains(fields, f) {
					t.Errorf("%s: GET %s?%s does not ask for %s", step.name, r.Path, r.Query.Encode(), f)
				}
			}
		}
		if ph.Changes {
			t.Errorf("%s planned changes after the apply:\n%s", step.name, tail(ph.Output))
		}
		phases = append(phases, ph)
	}
	for _, ph := range phases {
		for _, c := range TemplateRequestChecks(ph, n, page) {
			if !c.Met {
				t.Errorf("%s: %s not met; requests:\n%s", ph.Name, c.Target, describeCounts(ph.Counts))
				for i, st := range ph.Stages {
					t.Logf("apply %d (%d templates):\n%s", i+1, st.N, describeCounts(st.Phase.Counts))
				}
			}
		}
	}
}

func TestTemplateStagesAndBudget(t *testing.T) {
	for _, tc := range []struct {
		t, per int
		want   []int
	}{{500, 100, []int{100, 200, 300, 400, 500}}, {100, 100, []int{100}}, {5, 2, []int{2, 4, 5}}, {1, 100, []int{1}}, {101, 100, []int{100, 101}}} {
		if got := TemplateStages(tc.t, tc.per); !slices.Equal(got, tc.want) {
			t.Errorf("TemplateStages(%d, %d) = %v, want %v", tc.t, tc.per, got, tc.want)
		}
	}
	for _, tc := range []struct{ t, page, want int }{{500, 100, 8}, {100, 100, 4}, {5, 2, 6}, {501, 100, 9}} {
		if got := TemplateReadBudget(tc.t, tc.page); got != tc.want {
			t.Errorf("TemplateReadBudget(%d, %d) = %d, want %d", tc.t, tc.page, got, tc.want)
		}
	}
}

func TestTemplateRequestChecks(t *testing.T) {
	const n, page = 500, 100 // a read budget of 8
	list := func(reads int) map[string]int { return map[string]int{"GET " + RouteMessageTemplates: reads} }
	with := func(counts map[string]int, route string, c int) map[string]int {
		counts[route] += c
		return counts
	}
	staged := func(reads ...int) Phase {
		p := Phase{Name: "apply", Counts: map[string]int{}}
		for i, r := range reads {
			counts := with(list(r), "POST "+RouteMessageTemplates, 100)
			for k, v := range counts {
				p.Counts[k] += v
			}
			p.Stages = append(p.Stages, Stage{N: 100 * (i + 1), Phase: phase("apply", counts)})
		}
		return p
	}
	good := []Phase{
		phase("apply", with(list(1), "POST "+RouteMessageTemplates, n)),
		staged(1, 2, 4, 6, 8),
		phase("plan", list(5)),
		phase("destroy", with(list(5), "DELETE "+RouteMessageTemplates, n)),
	}
	bad := []Phase{
		// Reads that grow with the templates: of the edge, or of each
		// template's node (counted as GET /{waba-id}).
		phase("plan", list(n)),
		phase("plan", with(list(5), "GET /{waba-id}", n)),
		phase("apply", with(with(list(1), "POST "+RouteMessageTemplates, n), "GET /{waba-id}", n)),
		staged(1, 2, 4, 6, 9),
		staged(1, 6, 4, 6, 8),
		{Name: "plan", Counts: list(5), Changes: true},
		// Writes: a create missing or repeated, an edit, a delete missing.
		phase("apply", with(list(1), "POST "+RouteMessageTemplates, n-1)),
		phase("apply", with(with(list(1), "POST "+RouteMessageTemplates, n), "POST /{waba-id}", 1)),
		staged(1, 2, 4, 6),
		phase("destroy", with(list(5), "DELETE "+RouteMessageTemplates, n-1)),
		phase("destroy", with(list(9), "DELETE "+RouteMessageTemplates, n)),
	}
	for _, ph := range good {
		for _, c := range TemplateRequestChecks(ph, n, page) {
			if !c.Met {
				t.Errorf("%s %v: %s not met", ph.Name, ph.Counts, c.Target)
			}
		}
	}
	for i, ph := range bad {
		met := true
		for _, c := range TemplateRequestChecks(ph, n, page) {
			met = met && c.Met
		}
		if met {
			t.Errorf("bad case %d (%s %v) met every target", i, ph.Name, ph.Counts)
		}
	}
}

// TestReportTemplates: the Templates configuration gets a table and a route
// table of its own, a staged apply its applies and the sum of their
// budgets, and no wall-time target.
func TestReportTemplates(t *testing.T) {
	apply := Phase{Name: "apply", Counts: map[string]int{"GET " + RouteMessageTemplates: 3, "POST " + RouteMessageTemplates: 200},
		Stages: []Stage{
			{N: 100, Phase: phase("apply", map[string]int{"GET " + RouteMessageTemplates: 1, "POST " + RouteMessageTemplates: 100})},
			{N: 200, Phase: phase("apply", map[string]int{"GET " + RouteMessageTemplates: 2, "POST " + RouteMessageTemplates: 100})},
		}}
	sizes := []Size{{
		Kind: Templates, N: 200, Page: 100,
		Phases: []Phase{apply, phase("plan", map[string]int{"GET " + RouteMessageTemplates: 2})},
	}, {
		Kind: Templates, N: 20, Page: 100,
		Phases: []Phase{phase("plan", map[string]int{"GET " + RouteMessageTemplates: 1, "GET /{waba-id}": 20})},
	}}
	var out strings.Builder
	unmet := Report(&out, sizes, 3)
	if len(unmet) != 1 || unmet[0].What != "T=20 plan: requests<=4" || unmet[0].Timing {
		t.Errorf("unmet = %+v, want the T=20 plan's requests only", unmet)
	}
	for _, want := range []string{"T whatsapp_message_template", "plan requests <= ceil(T/100)+3", "apply x2", "reads<=4/5 by apply",
		"Graph requests by route, T message templates:", "GET /{waba-id}/message_templates", "200 apply", "20 plan",
		"T=200 apply, one apply at a time:", "0.33x"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	for _, unwanted := range []string{"wall<=", "assigned users", "phone numbers"} {
		if strings.Contains(out.String(), unwanted) {
			t.Errorf("report has %q:\n%s", unwanted, out.String())
		}
	}
}
