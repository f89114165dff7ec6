package provider

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestFaultMatrix breaks every Graph call the provider makes (create, read,
// update and delete of whatsapp_subscribed_app, whatsapp_assigned_user,
// whatsapp_phone_number_webhook, whatsapp_conversational_automation,
// whatsapp_qr_code, whatsapp_business_profile and whatsapp_message_template,
// the data source's read) in every way the matrix lists,
// once transiently and once for good, and checks the outcome: transient
// faults are retried away within max_retries; permanent ones fail with a
// diagnostic naming the Graph code or HTTP status and the fbtrace_id; and
// Terraform's state stays true to what Graph holds.
//
// A write the client makes at most once (a QR code's create, which makes a
// new code on every call, and a message template's, which fails as existing
// the second time; see matrixKind.applyOnce) is retried only after a
// throttle: any other fault, transient or not, fails it at its first attempt
// with a diagnostic saying the outcome is unknown.
//
// Each phase is one Terraform run over every case at once, each case on its
// own WABA of one simulator, so the whole matrix costs six runs.
//
// The check phase breaks the read each create makes before writing; the read
// phase breaks the refresh of resources a clean step created.
func TestFaultMatrix(t *testing.T) {
	all := []matrixKind{kindSubscribedApp, kindAssignedUser, kindPhoneNumberWebhook, kindConversationalAutomation, kindQRCode,
		kindBusinessProfile, kindMessageTemplate}
	// A QR code's create makes no read first: every create makes a new
	// code, so there is nothing to take over and no check to break.
	checked := []matrixKind{kindSubscribedApp, kindAssignedUser, kindPhoneNumberWebhook, kindConversationalAutomation,
		kindBusinessProfile, kindMessageTemplate}
	// A business profile's destroy sends nothing (see
	// matrixKind.keptOnDestroy): no call to break. That it leaves the
	// profile as it is, with a warning, is business_profile_resource_test's.
	var deleted []matrixKind
	for _, k := range all {
		if !k.keptOnDestroy {
			deleted = append(deleted, k)
		}
	}
	phases := []struct {
		phase string
		kinds []matrixKind
	}{
		{phaseCreate, all},
		{phaseCheck, checked},
		{phaseRead, all},
		// A QR code's update is a new prefilled_message, a write to the
		// same code; its phone number cannot change in place. A template's
		// is an edit of its body, once Meta approved it.
		{phaseUpdate, all},
		{phaseDelete, deleted},
		{phaseRead, []matrixKind{kindBusinessAccount}},
	}
	var mu sync.Mutex
	var results []matrixResult
	t.Run("phases", func(t *testing.T) {
		for _, p := range phases {
			name := p.phase
			if len(p.kinds) == 1 {
				name += "_" + strings.TrimPrefix(p.kinds[0].typeName, "whatsapp_")
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				rows := runMatrixPhase(t, p.phase, p.kinds)
				mu.Lock()
				results = append(results, rows...)
				mu.Unlock()
			})
		}
	})
	logMatrix(t, results)
}

// runMatrixPhase runs one phase: a clean step where the phase needs existing
// resources, the faulted step, then a step with the faults cleared whose plan
// shows what Terraform believes exists.
func runMatrixPhase(t *testing.T, phase string, kinds []matrixKind) []matrixResult {
	cases := matrixCases(kinds, 300000000000001)
	seed := matrixSeed(cases)
	sim := simulator.New(seed)
	url, stop, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)

	method := map[string]string{phaseCreate: http.MethodPost, phaseCheck: http.MethodGet, phaseRead: http.MethodGet, phaseUpdate: http.MethodPost, phaseDelete: http.MethodDelete}[phase]
	v1, v2 := matrixConfig(seed, cases, 1), matrixConfig(seed, cases, 2)
	faulted := map[string]string{phaseCreate: v1, phaseCheck: v1, phaseRead: v1, phaseUpdate: v2, phaseDelete: matrixEmptyConfig(seed)}[phase]
	after := map[string]string{phaseCreate: v1, phaseCheck: v1, phaseRead: v1, phaseUpdate: v2, phaseDelete: v1}[phase]

	var snap matrixSnapshot
	var plan *tfjson.Plan
	faultStep := 0
	current := 0
	inject := func() {
		if faultStep > 1 {
			// The clean step made the objects: learn the IDs Graph gave
			// them, and end the reviews an edit needs ended.
			learnIDs(t, sim, url, phase, cases)
		}
		for _, c := range cases {
			f := c.fault.fault
			f.Method, f.Path = c.method(method), "^"+c.path(phase, c.method(method))+"$"
			if !c.permanent {
				f.Times = matrixTransientTimes
			}
			sim.InjectFault(f)
		}
		sim.ResetRequests()
	}
	settle := func() {
		snap.requests = sim.Requests()
		wabas, err := simWABAs(url)
		if err != nil {
			t.Fatalf("reading the simulator's state: %v", err)
		}
		snap.wabas = wabas
		sim.ClearFaults()
	}

	var steps []resource.TestStep
	if phase == phaseRead || phase == phaseUpdate || phase == phaseDelete {
		steps = append(steps, resource.TestStep{Config: v1, PreConfig: func() { current = 1 }})
	}
	faultStep = len(steps) + 1
	steps = append(steps,
		resource.TestStep{Config: faulted, PreConfig: func() { current = faultStep; inject() }},
		resource.TestStep{Config: after, PreConfig: func() { current = faultStep + 1; settle() },
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{capturePlan{&plan}}}},
	)

	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
		ProtoV6ProviderFactories: simulatorFactories(url, seed.Tokens[0].Value),
		// Only the faulted step may fail; its errors are judged below.
		ErrorCheck: func(err error) error {
			if current != faultStep {
				return err
			}
			snap.errText = err.Error()
			return nil
		},
		Steps: steps,
	})

	app, user := seed.Apps[0].ID, matrixUser(seed)
	rows := map[string]*matrixResult{}
	var order []string
	for _, c := range cases {
		op := strings.TrimPrefix(c.kind.typeName, "whatsapp_") + " " + phase
		key := op + "|" + c.fault.label
		r, ok := rows[key]
		if !ok {
			r = &matrixResult{op: op, fault: c.fault.label, transient: "n/a (never retried)"}
			rows[key] = r
			order = append(order, key)
		}
		outcome, state, problems := judge(c, phase, c.method(method), snap, plan, app, user)
		for _, p := range problems {
			t.Errorf("%s, %s (%s): %s", op, c.fault.label, c.name(), p)
		}
		if len(problems) > 0 {
			outcome = "FAIL: " + outcome
		}
		if c.permanent {
			r.permanent, r.state = outcome, state
		} else {
			r.transient = outcome
		}
	}
	out := make([]matrixResult, 0, len(order))
	for _, k := range order {
		out = append(out, *rows[k])
	}
	return out
}

// learnIDs sets the ID of each case's object whose updates go to its own
// node, and, before an update, approves each object Meta reviews, as Meta
// would once its review ended: an edit of one still in review is refused.
func learnIDs(t *testing.T, sim *simulator.Server, url, phase string, cases []matrixCase) {
	t.Helper()
	wabas, err := simWABAs(url)
	if err != nil {
		t.Fatalf("reading the simulator's state: %v", err)
	}
	snap := matrixSnapshot{wabas: wabas}
	for i, c := range cases {
		if !c.kind.nodeUpdates && !c.kind.reviewed {
			continue
		}
		id := snap.objectID(c)
		if id == "" {
			t.Fatalf("%s: the clean step left nothing on WhatsApp Business Account %s", c.addr(), c.waba)
		}
		cases[i].id = id
		if c.kind.reviewed && phase == phaseUpdate {
			if err := sim.ReviewTemplate(id, "APPROVED", ""); err != nil {
				t.Fatalf("%s: approving template %s: %v", c.addr(), id, err)
			}
		}
	}
}

// simulatorFactories serves the provider with its Graph client pointed at a
// simulator, with retry waits short enough for a matrix of hundreds of
// retries.
func simulatorFactories(url, token string) providerFactories {
	return servedWith(func(c *graph.Config) { c.BaseURL, c.AccessToken = url, token }, fastRetries)
}

// logMatrix prints the matrix, operation by fault, so that
// go test -v -run TestFaultMatrix shows what each fault does.
func logMatrix(t *testing.T, results []matrixResult) {
	opOrder := map[string]int{}
	head := matrixResult{"operation", "fault", fmt.Sprintf("transient (fires %dx)", matrixTransientTimes), "permanent (attempts Graph saw)", "state after permanent"}
	width, transientWidth, permanentWidth := 0, len(head.transient), len(head.permanent)
	for _, kind := range []string{"subscribed_app", "assigned_user", "phone_number_webhook", "conversational_automation", "qr_code",
		"business_profile", "message_template", "business_account"} {
		for _, phase := range []string{phaseCreate, phaseCheck, phaseRead, phaseUpdate, phaseDelete} {
			opOrder[kind+" "+phase] = len(opOrder)
		}
	}
	for _, r := range results {
		width = max(width, len(r.op))
		transientWidth = max(transientWidth, len(r.transient))
		permanentWidth = max(permanentWidth, len(r.permanent))
	}
	faultOrder := map[string]int{}
	for i, f := range matrixFaults {
		faultOrder[f.label] = i
	}
	sort.SliceStable(results, func(i, j int) bool {
		a, b := results[i], results[j]
		if opOrder[a.op] != opOrder[b.op] {
			return opOrder[a.op] < opOrder[b.op]
		}
		return faultOrder[a.fault] < faultOrder[b.fault]
	})
	var b strings.Builder
	line := func(r matrixResult) {
		fmt.Fprintf(&b, "%-*s  %-15s  %-*s  %-*s  %s\n", width, r.op, r.fault, transientWidth, r.transient, permanentWidth, r.permanent, r.state)
	}
	fmt.Fprintf(&b, "\nfault matrix: max_retries=%d, request_timeout=%s\n", matrixMaxRetries, matrixRequestTimeout)
	line(head)
	prev := ""
	for _, r := range results {
		if r.op != prev && prev != "" {
			b.WriteString("\n")
		}
		prev = r.op
		line(r)
	}
	t.Log(b.String())
}
