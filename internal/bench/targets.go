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
)

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

// WallCheck is the plan's wall-time target against the floor, or false
// when n is below WallRatioFrom and the ratio is informational.
func WallCheck(n int, ratio float64) (Check, bool) {
	if n < WallRatioFrom {
		return Check{}, false
	}
	return Check{Target: fmt.Sprintf("wall<=%.1fx floor", MaxPlanRatio), Met: ratio <= MaxPlanRatio, Timing: true}, true
}
