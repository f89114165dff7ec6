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
	// and of the plan of N terraform_data resources; FrameworkWall is that
	// of the plan of N terraform-provider-floor resources.
	PlanWall, FloorWall, FrameworkWall time.Duration
	// FloorApply and FrameworkApply are the wall times of applying the N
	// terraform_data and terraform-provider-floor resources, for comparison
	// with the apply.
	FloorApply, FrameworkApply time.Duration
}

// Ratio is the plan's median wall time over the floor's.
func (s Size) Ratio() float64 { return s.PlanWall.Seconds() / s.FloorWall.Seconds() }

// FrameworkRatio is the framework floor's median plan wall time over the
// floor's: the least Ratio any provider built on the framework could show
// in the same run.
func (s Size) FrameworkRatio() float64 { return s.FrameworkWall.Seconds() / s.FloorWall.Seconds() }

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
	if err := env.BuildFrameworkFloor(ctx, opts.Progress); err != nil {
		return nil, err
	}
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
	framework, err := env.FrameworkFloorWorkspace(fmt.Sprintf("framework-%d", n), FrameworkFloorConfig(n))
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
	frameworkApply, err := measure(framework, "framework apply", ApplyArgs)
	if err != nil {
		return s, err
	}
	s.FrameworkApply = frameworkApply.Wall
	// Alternate the three plans so that all see the same machine load.
	var plans, floors, frameworks []time.Duration
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
		fw, err := measure(framework, "framework plan", PlanArgs)
		if err != nil {
			return s, err
		}
		if f.Changes || fw.Changes {
			return s, fmt.Errorf("a plan of %d terraform_data or terraform-provider-floor resources found changes; its time would not be a refresh's", n)
		}
		frameworks = append(frameworks, fw.Wall)
	}
	destroy, err := measure(ws, "destroy", DestroyArgs)
	if err != nil {
		return s, err
	}
	s.Phases = []Phase{apply, plan, destroy}
	s.PlanWall, s.FloorWall, s.FrameworkWall = median(plans), median(floors), median(frameworks)
	return s, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
