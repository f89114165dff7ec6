package bench

import (
	"fmt"

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
)

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

// Checks are the request targets of one of the size's phases.
func (s Size) Checks(p Phase) []Check {
	if s.Kind == Phones {
		return PhoneRequestChecks(p, s.N, s.Page)
	}
	return RequestChecks(p, s.N, s.Page)
}

// ReadBudget is the most reads any phase of the size may make.
func (s Size) ReadBudget() int {
	if s.Kind == Phones {
		return PhoneReadBudget(s.N, s.Page)
	}
	return ReadBudget(s.N, s.Page)
}

// WallCheck is the plan's wall-time target against the floor, or false
// when n is below WallRatioFrom and the ratio is informational.
func WallCheck(n int, ratio float64) (Check, bool) {
	if n < WallRatioFrom {
		return Check{}, false
	}
	return Check{Target: fmt.Sprintf("wall<=%.1fx floor", MaxPlanRatio), Met: ratio <= MaxPlanRatio, Timing: true}, true
}
