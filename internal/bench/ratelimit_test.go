package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const usageWarning = "Graph API rate limit nearly reached"

// TestUsageWarningOncePerRun refreshes five assignments against a simulator
// whose hourly budget is three calls per WABA, so the third WABA call of the
// plan passes the provider's high-water mark. Every resource's refresh
// shares that read, and the plan must still warn once, not once per
// resource. The state is made against a second simulator so that the apply
// does not spend the budget first.
func TestUsageWarningOncePerRun(t *testing.T) {
	const n = 5
	ctx := testContext(t)
	setup := startEnv(t, Seed())
	ws, err := setup.Workspace("usage", WhatsAppConfig(n))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := setup.Measure(ctx, ws, "apply", ApplyArgs...); err != nil {
		t.Fatal(err)
	}

	// The same objects, on a fresh budget: 3 calls per WABA and 6 for the
	// app (two WABAs), so the four calls of the plan (three on the WABA and
	// GET /app) warn about the WABA only.
	seed := Seed()
	seed.HourlyBudget = 3
	for i := range seed.WABAs {
		if seed.WABAs[i].ID != WABAID {
			continue
		}
		seed.WABAs[i].Subscriptions = append(seed.WABAs[i].Subscriptions, simulator.Subscription{AppID: seed.Tokens[0].AppID})
		for u := range n {
			seed.WABAs[i].Assignments = append(seed.WABAs[i].Assignments,
				simulator.Assignment{UserID: fmt.Sprint(FirstUserID + u), Tasks: []string{"MANAGE_TEMPLATES", "VIEW_COST"}})
		}
	}
	limited := startEnv(t, seed)
	ws.Env = append(ws.Env, "WHATSAPP_BASE_URL="+limited.URL)

	p, err := limited.Measure(ctx, ws, "plan", "plan", "-input=false", "-json", "-detailed-exitcode")
	if err != nil {
		t.Fatal(err)
	}
	if p.Changes {
		t.Errorf("the plan has changes; want none:\n%s", tail(p.Output))
	}
	warnings := diagnostics(t, p.Output, usageWarning)
	perBudget := map[string]int{}
	for _, d := range warnings {
		perBudget[d]++
	}
	for detail, count := range perBudget {
		if count != 1 {
			t.Errorf("warned %d times about one budget: %s", count, detail)
		}
	}
	waba := 0
	for detail := range perBudget {
		if strings.Contains(detail, "WhatsApp Business Account "+WABAID) {
			waba++
		}
	}
	if waba != 1 || len(warnings) != 1 {
		t.Errorf("got %d %q warnings (%d about WABA %s), want exactly one, about the WABA:\n%s\nrequests:\n%s",
			len(warnings), usageWarning, waba, WABAID, strings.Join(warnings, "\n"), describeCounts(p.Counts))
	}
}

// diagnostics returns the detail of every diagnostic with the summary in
// the machine-readable output of terraform -json, which, unlike the human
// one, lists repeated warnings one by one.
func diagnostics(t *testing.T, jsonLines, summary string) []string {
	t.Helper()
	var out []string
	s := bufio.NewScanner(strings.NewReader(jsonLines))
	s.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for s.Scan() {
		var line struct {
			Type       string `json:"type"`
			Diagnostic struct {
				Summary string `json:"summary"`
				Detail  string `json:"detail"`
			} `json:"diagnostic"`
		}
		if json.Unmarshal(s.Bytes(), &line) != nil || line.Type != "diagnostic" {
			continue
		}
		if line.Diagnostic.Summary == summary {
			out = append(out, line.Diagnostic.Detail)
		}
	}
	return out
}

// TestLongThrottleFailsFast makes every read of the assigned_users edge
// answer error 80008 with 45 minutes to regain access, far past the longest
// throttle the client sleeps through. The plan must fail within seconds,
// without retrying, and say how long to wait.
func TestLongThrottleFailsFast(t *testing.T) {
	const n = 30
	ctx := testContext(t)
	env := startEnv(t, Seed())
	ws, err := env.Workspace("throttle", WhatsAppConfig(n))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Measure(ctx, ws, "apply", ApplyArgs...); err != nil {
		t.Fatal(err)
	}
	env.Sim.InjectFault(simulator.Fault{Kind: simulator.FaultGraphError, Method: "GET", Path: "/assigned_users$",
		Code: 80008, Transient: true, RegainMinutes: 45})

	p, err := env.Measure(ctx, ws, "plan", PlanArgs...)
	if err == nil {
		t.Fatalf("the plan succeeded while Graph was throttling:\n%s", tail(p.Output))
	}
	// Sleeping through even one retry would take the client's longest
	// back-off (30s).
	if p.Wall > 15*time.Second {
		t.Errorf("the plan took %s to fail; want seconds", p.Wall.Round(time.Millisecond))
	}
	// Terraform wraps diagnostic text: compare with the line breaks undone.
	text := strings.Join(strings.Fields(p.Output), " ")
	for _, want := range []string{"80008", "about 45m0s"} {
		if !strings.Contains(text, want) {
			t.Errorf("the output does not say %q:\n%s", want, tail(p.Output))
		}
	}
	// One refused call closes the WABA for the rest of the run: no
	// retries, and no call per resource.
	if got := p.Count("GET", RouteAssignedUsers); got != 1 {
		t.Errorf("%d GETs of the throttled edge for %d resources, want 1", got, n)
	}
	t.Logf("throttled plan: %s, %d GETs of the edge for %d resources", p.Wall.Round(time.Millisecond), p.Count("GET", RouteAssignedUsers), n)
}
