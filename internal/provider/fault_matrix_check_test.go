package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// matrixSnapshot is what the faulted step left behind: Terraform's errors,
// the requests the simulator served and the simulator's state.
type matrixSnapshot struct {
	errText  string
	requests []simulator.Request
	wabas    map[string]simulator.WABA
}

// simWABAs reads the simulator's state through its admin endpoint, which
// faults never touch.
func simWABAs(baseURL string) (map[string]simulator.WABA, error) {
	resp, err := http.Get(baseURL + "/_sim/state")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var st struct {
		WABAs []simulator.WABA `json:"wabas"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return nil, err
	}
	out := map[string]simulator.WABA{}
	for _, w := range st.WABAs {
		out[w.ID] = w
	}
	return out, nil
}

// number is the case's phone number as the simulator holds it, or nil.
func (s matrixSnapshot) number(c matrixCase) map[string]any {
	for _, p := range s.wabas[c.waba].PhoneNumbers {
		if p["id"] == matrixPhone(c.waba) {
			return p
		}
	}
	return nil
}

// qrCodes are the QR codes the case's phone number holds.
func (s matrixSnapshot) qrCodes(c matrixCase) []map[string]any {
	items, _ := s.number(c)["message_qrdls"].([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		m, _ := it.(map[string]any)
		out = append(out, m)
	}
	return out
}

// template is the case's message template as the simulator holds it, or
// nil; matching templates counts those of its name (Graph allows one per
// language).
func (s matrixSnapshot) template(c matrixCase) (t map[string]any, matching int) {
	for _, item := range s.wabas[c.waba].MessageTemplates {
		if item["name"] == matrixTemplateName(c.waba) {
			if t == nil {
				t = item
			}
			matching++
		}
	}
	return t, matching
}

// objectID is the ID Graph gave the case's object, "" when there is none.
func (s matrixSnapshot) objectID(c matrixCase) string {
	if c.kind == kindMessageTemplate {
		if t, _ := s.template(c); t != nil {
			return fmt.Sprint(t["id"])
		}
	}
	return ""
}

// templateBody is the text of a template's BODY component.
func templateBody(t map[string]any) string {
	for _, comp := range asList(t["components"]) {
		if m, _ := comp.(map[string]any); m["type"] == "BODY" {
			return fmt.Sprint(m["text"])
		}
	}
	return ""
}

// exists reports whether the case's object exists in the simulator, and its
// current value (callback URL, tasks, automation, prefilled message,
// profile or template body) for update checks.
func (s matrixSnapshot) exists(c matrixCase, app, user string) (bool, string) {
	w := s.wabas[c.waba]
	switch c.kind {
	case kindBusinessProfile:
		// Every number has a profile; only a filled-in one exists.
		p, _ := s.number(c)["whatsapp_business_profile"].(map[string]any)
		about, _ := p["about"].(string)
		description, _ := p["description"].(string)
		return about != "" || description != "", matrixProfileValue(about, description)
	case kindMessageTemplate:
		if t, _ := s.template(c); t != nil {
			return true, templateBody(t)
		}
	case kindConversationalAutomation:
		// Every number has an automation; only a configured one exists.
		a, _ := s.number(c)["conversational_automation"].(map[string]any)
		welcome, _ := a["enable_welcome_message"].(bool)
		var prompts, commands []string
		for _, p := range asList(a["prompts"]) {
			prompts = append(prompts, fmt.Sprint(p))
		}
		for _, cmd := range asList(a["commands"]) {
			m, _ := cmd.(map[string]any)
			commands = append(commands, fmt.Sprint(m["command_name"]))
		}
		return welcome || len(prompts) > 0 || len(commands) > 0, matrixAutomationValue(welcome, prompts, commands)
	case kindQRCode:
		if codes := s.qrCodes(c); len(codes) > 0 {
			return true, fmt.Sprint(codes[0]["prefilled_message"])
		}
	case kindSubscribedApp:
		for _, sub := range w.Subscriptions {
			if sub.AppID == app {
				return true, sub.OverrideCallbackURI
			}
		}
	case kindAssignedUser:
		for _, a := range w.Assignments {
			if a.UserID == user {
				return true, strings.Join(a.Tasks, ",")
			}
		}
	case kindPhoneNumberWebhook:
		for _, p := range w.PhoneNumbers {
			if p["id"] == matrixPhone(c.waba) {
				config, _ := p["webhook_configuration"].(map[string]any)
				uri, _ := config["phone_number"].(string)
				return uri != "", uri
			}
		}
	}
	return false, ""
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// outcomeUnknownText is what the diagnostic of a write applied once says
// when Graph may have applied it.
var outcomeUnknownText = regexp.MustCompile(`\(outcome unknown\) .*The outcome is unknown: Graph may have created the `)

var (
	boxDrawing      = strings.NewReplacer("│", " ", "╷", " ", "╵", " ")
	wabaInError     = regexp.MustCompile(`WhatsApp Business Account (\d+)`)
	phoneInError    = regexp.MustCompile(`phone number (4\d+)`)
	templateInError = regexp.MustCompile(`template "matrix_(\d+)"`)
)

// errorBlocks splits Terraform's error output into one string per "Error:"
// diagnostic, with box drawing removed and white space collapsed so that
// wrapping does not matter, keyed by the WABA the diagnostic names, or
// failing that the WABA of the case's phone number or template it names (a
// QR code's diagnostics know no WABA, nor do a template edit's).
func errorBlocks(text string) map[string][]string {
	out := map[string][]string{}
	parts := strings.Split(boxDrawing.Replace(text), "Error: ")
	for _, p := range parts[1:] {
		block := strings.Join(strings.Fields(p), " ") + " "
		if m := wabaInError.FindStringSubmatch(block); m != nil {
			out[m[1]] = append(out[m[1]], block)
		} else if m := phoneInError.FindStringSubmatch(block); m != nil {
			waba := matrixPhoneWABA(m[1])
			out[waba] = append(out[waba], block)
		} else if m := templateInError.FindStringSubmatch(block); m != nil {
			out[m[1]] = append(out[m[1]], block)
		} else {
			out[""] = append(out[""], block)
		}
	}
	return out
}

// faultRuns returns, for the case's requests with the method phase breaks,
// the lengths of the runs of consecutive faulted answers, and whether every
// run was followed by an answer without a fault.
func faultRuns(reqs []simulator.Request, c matrixCase, phase, method string) (runs []int, recovered bool) {
	// The log is in order of completion; attempts are judged in the order
	// they were made.
	reqs = slices.Clone(reqs)
	sort.SliceStable(reqs, func(i, j int) bool { return reqs[i].At.Before(reqs[j].At) })
	recovered = true
	run := 0
	path := regexp.MustCompile(`^/v\d+\.\d+` + c.path(phase, method) + `$`)
	for _, r := range reqs {
		if r.Method != method || !path.MatchString(r.Path) {
			continue
		}
		if r.Fault != "" {
			run++
			continue
		}
		if run > 0 {
			runs = append(runs, run)
			run = 0
		}
	}
	if run > 0 {
		runs = append(runs, run)
		recovered = false
	}
	return runs, recovered
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// capturePlan is a plan check that keeps the plan for later inspection.
type capturePlan struct{ into **tfjson.Plan }

func (c capturePlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, _ *plancheck.CheckPlanResponse) {
	*c.into = req.Plan
}

// planAction is the action the plan takes on addr: create, no-op, update,
// replace or delete.
func planAction(plan *tfjson.Plan, addr string) string {
	if plan == nil {
		return "no plan"
	}
	for _, rc := range plan.ResourceChanges {
		if rc.Address != addr || rc.Change == nil {
			continue
		}
		a := rc.Change.Actions
		switch {
		case a.Replace():
			return "replace"
		case a.Create():
			return "create"
		case a.Update():
			return "update"
		case a.Delete():
			return "delete"
		case a.NoOp(), a.Read():
			return "no-op"
		}
	}
	return "absent"
}

// priorValue is an attribute of addr in the state the plan started from.
func priorValue(plan *tfjson.Plan, addr, attr string) any {
	if plan == nil || plan.PriorState == nil || plan.PriorState.Values == nil || plan.PriorState.Values.RootModule == nil {
		return nil
	}
	for _, r := range plan.PriorState.Values.RootModule.Resources {
		if r.Address == addr {
			return r.AttributeValues[attr]
		}
	}
	return nil
}

// matrixResult is one row of the printed matrix.
type matrixResult struct {
	op, fault, transient, permanent, state string
}

// judge checks one case against what its phase promises and returns the
// outcome as the table shows it, plus every broken promise.
func judge(c matrixCase, phase, method string, snap matrixSnapshot, plan *tfjson.Plan, app, user string) (outcome, state string, problems []string) {
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	blocks := errorBlocks(snap.errText)[c.waba]
	runs, recovered := faultRuns(snap.requests, c, phase, method)
	longest := 0
	if len(runs) > 0 {
		longest = slices.Max(runs)
	}

	unknown := c.outcomeUnknown(phase)
	if !c.permanent && !unknown {
		switch {
		case len(blocks) > 0:
			fail("a transient fault failed the run: %s", blocks[0])
		case sum(runs) != matrixTransientTimes:
			fail("the fault fired %d times, want %d (runs %v)", sum(runs), matrixTransientTimes, runs)
		case !recovered:
			fail("no successful attempt followed the faults (runs %v)", runs)
		case longest > matrixMaxRetries:
			fail("%d attempts in a row failed, more than max_retries=%d", longest, matrixMaxRetries)
		}
		outcome = fmt.Sprintf("ok after %d faulted", sum(runs))
	} else {
		// The call fails: for good, or, transient or not, at its first
		// attempt when Graph may have applied a write made once.
		attempts := matrixMaxRetries + 1
		if !c.fault.retryable || unknown {
			attempts = 1
		}
		switch {
		case len(blocks) == 0:
			fail("no diagnostic names WhatsApp Business Account %s", c.waba)
		case !regexp.MustCompile(c.fault.want).MatchString(blocks[0]):
			fail("the diagnostic does not match %q: %s", c.fault.want, blocks[0])
		case c.fault.trace && !regexp.MustCompile(`fbtrace_id: A[0-9A-Za-z]{10} `).MatchString(blocks[0]):
			fail("the diagnostic has no fbtrace_id: %s", blocks[0])
		case unknown && !outcomeUnknownText.MatchString(blocks[0]):
			fail("the diagnostic does not say the outcome is unknown: %s", blocks[0])
		}
		switch {
		case unknown && sum(runs) != 1:
			// Nothing may repeat the write: exactly one attempt.
			fail("the fault fired %d times, want once: a write applied once was repeated (runs %v)", sum(runs), runs)
		case longest < attempts || (c.fault.hitsPerAttempt > 0 && longest > attempts*c.fault.hitsPerAttempt):
			fail("the longest run of faulted attempts is %d, want %d (runs %v)", longest, attempts, runs)
		}
		outcome = "error " + diagnosticTag(blocks)
		if c.fault.trace && len(blocks) > 0 && strings.Contains(blocks[0], "fbtrace_id") {
			outcome += " +trace"
		}
		if unknown && len(blocks) > 0 && outcomeUnknownText.MatchString(blocks[0]) {
			outcome += " +unknown"
		}
		outcome += fmt.Sprintf(", %d attempts", longest)
	}
	if c.kind.data {
		return outcome, "-", problems
	}
	state, more := judgeState(c, phase, snap, plan, app, user)
	return outcome, state, append(problems, more...)
}

// diagnosticTag is the short name of what the diagnostic reported: the
// Graph code, the HTTP status, or that no answer came.
func diagnosticTag(blocks []string) string {
	if len(blocks) == 0 {
		return "(none)"
	}
	if m := regexp.MustCompile(`Graph API error (\d+)`).FindStringSubmatch(blocks[0]); m != nil {
		if h := regexp.MustCompile(`HTTP: (\d+) `).FindStringSubmatch(blocks[0]); h != nil && h[1] != "400" {
			return "code " + m[1] + "/HTTP " + h[1]
		}
		return "code " + m[1]
	}
	if m := regexp.MustCompile(`: HTTP (\d+) `).FindStringSubmatch(blocks[0]); m != nil {
		return "HTTP " + m[1]
	}
	switch {
	case regexp.MustCompile(`reset|EOF`).MatchString(blocks[0]):
		return "conn reset"
	case regexp.MustCompile(`Timeout|deadline`).MatchString(blocks[0]):
		return "timeout"
	}
	return "no response"
}

// judgeState checks that Terraform's state and the simulator agree with what
// happened: a resource whose write succeeded is in state, one whose write
// failed is not (or keeps its old values), and a failed delete keeps it.
func judgeState(c matrixCase, phase string, snap matrixSnapshot, plan *tfjson.Plan, app, user string) (string, []string) {
	var problems []string
	exists, value := snap.exists(c, app, user)
	action := planAction(plan, c.addr())
	want := func(wantExists bool, wantAction string) {
		if exists != wantExists {
			problems = append(problems, fmt.Sprintf("after the faulted step the object exists in Graph: %v, want %v", exists, wantExists))
		}
		if action != wantAction {
			problems = append(problems, fmt.Sprintf("with the faults cleared the plan would %s it, want %s", action, wantAction))
		}
	}
	oldValue, newValue := matrixValue(c.kind, 1), matrixValue(c.kind, 2)
	if c.kind == kindQRCode {
		// Nothing half-applied: a retried or failed create leaves no
		// second code behind, and state holds the code Graph has.
		codes := snap.qrCodes(c)
		if len(codes) > 1 {
			problems = append(problems, fmt.Sprintf("the number holds %d QR codes, want at most 1", len(codes)))
		}
		if exists && action != "create" {
			if got, want := priorValue(plan, c.addr(), "code"), codes[0]["code"]; got != want {
				problems = append(problems, fmt.Sprintf("state holds QR code %v, Graph holds %v", got, want))
			}
		}
	}
	if c.kind == kindMessageTemplate {
		// Likewise a template: one of its name at most, and state holds
		// the ID Graph gave it.
		t, matching := snap.template(c)
		if matching > 1 {
			problems = append(problems, fmt.Sprintf("the WABA holds %d templates named %s, want at most 1", matching, matrixTemplateName(c.waba)))
		}
		if exists && action != "create" {
			if got, want := priorValue(plan, c.addr(), "id"), t["id"]; got != want {
				problems = append(problems, fmt.Sprintf("state holds template %v, Graph holds %v", got, want))
			}
		}
	}
	var state string
	switch phase {
	case phaseCreate, phaseCheck:
		if !c.permanent && !c.outcomeUnknown(phase) {
			want(true, "no-op")
		} else {
			// A failed check writes nothing: the create never starts. A
			// faulted write is not applied by the simulator, so a create
			// whose outcome is unknown left nothing behind either.
			want(false, "create")
		}
		state = "not in state"
	case phaseRead:
		// A failed refresh, whatever Graph said, keeps the resource: it
		// leaves state only when a read succeeds without it.
		want(true, "no-op")
		if c.permanent {
			state = "kept in state"
		}
	case phaseUpdate:
		if !c.permanent {
			want(true, "no-op")
			if value != newValue {
				problems = append(problems, fmt.Sprintf("Graph holds %q after the update, want %q", value, newValue))
			}
		} else {
			want(true, "update")
			if value != oldValue {
				problems = append(problems, fmt.Sprintf("Graph holds %q after a failed update, want %q", value, oldValue))
			}
			state = "old values kept"
			if c.kind == kindSubscribedApp || c.kind == kindPhoneNumberWebhook {
				// The version is never refreshed from Graph: it shows
				// what the failed update left in state.
				if v := priorValue(plan, c.addr(), "verify_token_wo_version"); v != float64(1) {
					problems = append(problems, fmt.Sprintf("state holds verify_token_wo_version %v after a failed update, want 1", v))
				}
			}
		}
	case phaseDelete:
		if !c.permanent {
			want(false, "create")
		} else {
			want(true, "no-op")
			state = "kept in state"
		}
	}
	return state, problems
}
