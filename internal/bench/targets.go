package bench

import (
	"fmt"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// Path templates as the simulator counts them.
const (
	RouteAssignedUsers = "/{waba-id}/assigned_users"
	RouteSubscribed    = "/{waba-id}/subscribed_apps"
	RoutePhoneNumbers  = "/{waba-id}/phone_numbers"
	// RoutePhoneNumber is a number's node: a POST sets or clears its
	// webhook override.
	RoutePhoneNumber = "/{phone-number-id}"
	RouteProfile     = "/{phone-number-id}/whatsapp_business_profile"
	RouteAutomation  = "/{phone-number-id}/conversational_automation"
	// RouteMessageTemplates is a WABA's templates: GET lists them, POST
	// creates one, DELETE deletes one.
	RouteMessageTemplates = "/{waba-id}/message_templates"
)

// CreationsPerHour is how many message templates Meta lets one WABA create
// in an hour, which the simulator enforces (error 80008 past it, with an
// hour to wait: the provider fails rather than sleep through it). The
// template configuration applies more than this in stages of at most this
// many new templates, moving the simulator's clock an hour between them.
const CreationsPerHour = 100

// PhoneKinds is how many resources the Phones configuration declares per
// number: webhook override, business profile, conversational automation.
const PhoneKinds = 3

// MaxPlanRatio is how much slower than Terraform's own cost for as many
// built-in resources a refresh plan may be, from WallRatioFrom resources up.
// Below that the provider's start-up dominates and the ratio is only shown.
const (
	MaxPlanRatio  = 1.5
	WallRatioFrom = 100
)

// simulatorMaxPage is the simulator's largest page when the seed sets none.
const simulatorMaxPage = 100

// PageSize is how many items a page of a list edge holds in a run against a
// simulator holding seed: the client's page size, capped by the simulator's.
func PageSize(seed simulator.Seed) int {
	maxPage := seed.MaxPageSize
	if maxPage <= 0 {
		maxPage = simulatorMaxPage
	}
	return min(graph.DefaultPageLimit, maxPage)
}

// ReadBudget is the most Graph reads a run over n assignments on one WABA
// may make: the pages of the assigned_users edge, plus one read each of the
// subscribed_apps edge, the WABA node and the token's app.
func ReadBudget(n, page int) int { return (n+page-1)/page + 3 }

// PhoneReadBudget is the most Graph reads a run of the Phones
// configuration over p numbers of one WABA may make: one paged read of the
// WABA's phone_numbers edge per resource kind (each kind asks for its own
// fields), shared by every number, and nothing else. None of ReadBudget's
// fixed reads applies: the configuration has no subscription, data source
// or other WABA-level object, and a number's own node or profile is never
// read when the edge answered its fields.
func PhoneReadBudget(p, page int) int { return PhoneKinds * ((p + page - 1) / page) }

// TemplateReadBudget is the most Graph reads a run of the template
// configuration over t templates of one WABA may make: the pages of one
// read of the WABA's message_templates edge (with every field the resource
// needs) shared by every template, plus the 3 of ReadBudget as headroom,
// though the configuration reads nothing else. A read per template fails
// it.
func TemplateReadBudget(t, page int) int { return (t+page-1)/page + 3 }

// TemplateStages are the sizes of the configuration after each apply of a
// staged apply of t templates, at most perStage new ones each: 100, 200,
// 300, 400, 500 for t = 500 and perStage = 100, or just t when t <=
// perStage.
func TemplateStages(t, perStage int) []int {
	var out []int
	for n := min(perStage, t); ; n = min(n+perStage, t) {
		out = append(out, n)
		if n >= t {
			return out
		}
	}
}

// Check is one target and whether a measurement met it. Timing targets
// depend on the machine and its load; request targets do not.
type Check struct {
	Target string
	Met    bool
	Timing bool
}

// RequestChecks are the request-count targets of a phase over n
// assignments, with the edge served page items at a time.
func RequestChecks(p Phase, n, page int) []Check {
	budget := ReadBudget(n, page)
	switch p.Name {
	case "apply":
		return []Check{
			writes(p, "POST", n),
			{Target: fmt.Sprintf("reads<=%d", budget), Met: p.Reads() <= budget},
		}
	case "plan":
		return []Check{
			{Target: fmt.Sprintf("requests<=%d", budget), Met: p.Total() <= budget},
			{Target: "no changes", Met: !p.Changes},
		}
	case "destroy":
		return []Check{
			writes(p, "DELETE", n),
			{Target: fmt.Sprintf("reads<=%d", budget), Met: p.Reads() <= budget},
		}
	}
	return nil
}

// writes expects one write per resource: n on the assigned_users edge, one
// on subscribed_apps, none elsewhere.
func writes(p Phase, method string, n int) Check {
	ok := p.Count(method, RouteAssignedUsers) == n && p.Count(method, RouteSubscribed) == 1 && p.Writes() == n+1
	return Check{Target: fmt.Sprintf("%s=%d+1", method, n), Met: ok}
}

// PhoneRequestChecks are the request-count targets of a phase of the
// Phones configuration over p numbers, with the edge served page numbers
// at a time. Apply writes each number's override, profile and automation
// once; destroy clears the override and the automation, and leaves the
// profile, which Graph cannot delete, as it is.
func PhoneRequestChecks(ph Phase, p, page int) []Check {
	budget := PhoneReadBudget(p, page)
	reads := Check{Target: fmt.Sprintf("reads<=%d", budget), Met: ph.Reads() <= budget}
	switch ph.Name {
	case "apply":
		ok := ph.Count("POST", RoutePhoneNumber) == p && ph.Count("POST", RouteProfile) == p &&
			ph.Count("POST", RouteAutomation) == p && ph.Writes() == PhoneKinds*p
		return []Check{{Target: fmt.Sprintf("POST=%d+%d+%d", p, p, p), Met: ok}, reads}
	case "plan":
		return []Check{
			{Target: fmt.Sprintf("requests<=%d", budget), Met: ph.Total() <= budget},
			{Target: "no changes", Met: !ph.Changes},
		}
	case "destroy":
		ok := ph.Count("POST", RoutePhoneNumber) == p && ph.Count("POST", RouteAutomation) == p && ph.Writes() == 2*p
		return []Check{{Target: fmt.Sprintf("POST=%d+0+%d", p, p), Met: ok}, reads}
	}
	return nil
}

// TemplateRequestChecks are the request-count targets of a phase of the
// template configuration over t templates of one WABA, with the edge
// served page templates at a time. Apply creates each template once
// (POST /{waba-id}/message_templates), and each of its applies reads
// within the budget of the templates it declares: the creates share one
// existence check, and a later stage also refreshes the templates already
// there. Plan reads every template through one shared paged read of the
// edge, and destroy deletes each template once.
func TemplateRequestChecks(ph Phase, t, page int) []Check {
	budget := TemplateReadBudget(t, page)
	reads := Check{Target: fmt.Sprintf("reads<=%d", budget), Met: ph.Reads() <= budget}
	switch ph.Name {
	case "apply":
		creates := Check{Target: fmt.Sprintf("POST=%d", t), Met: ph.Count("POST", RouteMessageTemplates) == t && ph.Writes() == t}
		if len(ph.Stages) == 0 {
			return []Check{creates, reads}
		}
		// A staged apply: each apply has the budget of its own size.
		budgets := make([]string, len(ph.Stages))
		met := ph.Stages[len(ph.Stages)-1].N == t
		for i, st := range ph.Stages {
			b := TemplateReadBudget(st.N, page)
			budgets[i] = fmt.Sprint(b)
			met = met && st.Phase.Reads() <= b
		}
		return []Check{creates, {Target: fmt.Sprintf("reads<=%s by apply", strings.Join(budgets, "/")), Met: met}}
	case "plan":
		return []Check{
			{Target: fmt.Sprintf("requests<=%d", budget), Met: ph.Total() <= budget},
			{Target: "no changes", Met: !ph.Changes},
		}
	case "destroy":
		ok := ph.Count("DELETE", RouteMessageTemplates) == t && ph.Writes() == t
		return []Check{{Target: fmt.Sprintf("DELETE=%d", t), Met: ok}, reads}
	}
	return nil
}

// Checks are the request targets of one of the size's phases.
func (s Size) Checks(p Phase) []Check {
	switch s.Kind {
	case Phones:
		return PhoneRequestChecks(p, s.N, s.Page)
	case Templates:
		return TemplateRequestChecks(p, s.N, s.Page)
	}
	return RequestChecks(p, s.N, s.Page)
}

// ReadBudget is the most reads a phase of the size made in one command
// may make.
func (s Size) ReadBudget() int {
	switch s.Kind {
	case Phones:
		return PhoneReadBudget(s.N, s.Page)
	case Templates:
		return TemplateReadBudget(s.N, s.Page)
	}
	return ReadBudget(s.N, s.Page)
}

// PhaseBudget is the read budget of one of the size's phases: ReadBudget,
// or, for a staged apply, the sum of its applies' budgets.
func (s Size) PhaseBudget(p Phase) int {
	if len(p.Stages) == 0 {
		return s.ReadBudget()
	}
	sum := 0
	for _, st := range p.Stages {
		sum += Size{Kind: s.Kind, N: st.N, Page: s.Page}.ReadBudget()
	}
	return sum
}

// WallCheck is the plan's wall-time target against the floor, or false
// when n is below WallRatioFrom and the ratio is informational.
func WallCheck(n int, ratio float64) (Check, bool) {
	if n < WallRatioFrom {
		return Check{}, false
	}
	return Check{Target: fmt.Sprintf("wall<=%.1fx floor", MaxPlanRatio), Met: ratio <= MaxPlanRatio, Timing: true}, true
}
