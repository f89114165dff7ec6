package bench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// Options configures a benchmark run.
type Options struct {
	RepoRoot string
	// WorkDir receives the provider binary and one workspace per
	// configuration.
	WorkDir string
	Sizes   []int
	// PlanRuns is how many times each refresh plan, and the floor plan, is
	// timed; the median is compared, so one slow run does not decide a
	// target. The request counts are those of the first run.
	PlanRuns int
	// Progress receives a line per measured command.
	Progress io.Writer
}

// Size is every measurement of one configuration size.
type Size struct {
	N int
	// Page is how many assignments one page of the edge holds.
	Page int
	// Phases are apply, plan and destroy, in that order.
	Phases []Phase
	// PlanWall and FloorWall are the median wall times of the refresh plan
	// and of the plan of N terraform_data resources.
	PlanWall, FloorWall time.Duration
	// FloorApply is the wall time of applying the N terraform_data
	// resources, for comparison with the apply.
	FloorApply time.Duration
}

// Ratio is the plan's median wall time over the floor's.
func (s Size) Ratio() float64 { return s.PlanWall.Seconds() / s.FloorWall.Seconds() }

// Run builds the provider, starts the simulator and measures every size.
func Run(ctx context.Context, opts Options) ([]Size, error) {
	if opts.Progress == nil {
		opts.Progress = io.Discard
	}
	opts.PlanRuns = max(opts.PlanRuns, 1)
	for _, n := range opts.Sizes {
		if n < 1 || n > MaxUsers {
			return nil, fmt.Errorf("size %d is outside 1..%d, the simulator's generated users", n, MaxUsers)
		}
	}
	seed := Seed()
	fmt.Fprintln(opts.Progress, "building the provider")
	env, err := Start(ctx, opts.RepoRoot, opts.WorkDir, seed, opts.Progress)
	if err != nil {
		return nil, err
	}
	defer env.Close()
	page := PageSize(seed)

	var out []Size
	for _, n := range opts.Sizes {
		s, err := runSize(ctx, env, n, opts)
		if err != nil {
			return nil, err
		}
		s.Page = page
		out = append(out, s)
	}
	return out, nil
}

func runSize(ctx context.Context, env *Env, n int, opts Options) (Size, error) {
	s := Size{N: n}
	ws, err := env.Workspace(fmt.Sprintf("whatsapp-%d", n), WhatsAppConfig(n))
	if err != nil {
		return s, err
	}
	floor, err := env.Workspace(fmt.Sprintf("floor-%d", n), FloorConfig(n))
	if err != nil {
		return s, err
	}
	measure := func(w *tfcli.Workspace, name string, args []string) (Phase, error) {
		p, err := env.Measure(ctx, w, name, args...)
		if err == nil {
			fmt.Fprintf(opts.Progress, "  N=%-4d %-14s %6.2fs %5d Graph requests\n", n, name, p.Wall.Seconds(), p.Total())
		}
		return p, err
	}

	apply, err := measure(ws, "apply", ApplyArgs)
	if err != nil {
		return s, err
	}
	floorApply, err := measure(floor, "floor apply", ApplyArgs)
	if err != nil {
		return s, err
	}
	s.FloorApply = floorApply.Wall
	// Alternate the two plans so that both see the same machine load.
	var plans, floors []time.Duration
	var plan Phase
	for i := range opts.PlanRuns {
		p, err := measure(ws, "plan", PlanArgs)
		if err != nil {
			return s, err
		}
		if i == 0 {
			plan = p
		}
		plans = append(plans, p.Wall)
		f, err := measure(floor, "floor plan", PlanArgs)
		if err != nil {
			return s, err
		}
		floors = append(floors, f.Wall)
	}
	destroy, err := measure(ws, "destroy", DestroyArgs)
	if err != nil {
		return s, err
	}
	s.Phases = []Phase{apply, plan, destroy}
	s.PlanWall, s.FloorWall = median(plans), median(floors)
	return s, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
