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
	// Sizes are the numbers of assigned users of the Users configuration;
	// PhoneSizes the numbers of phone numbers of the Phones configuration;
	// TemplateSizes the numbers of templates of the Templates
	// configuration.
	Sizes         []int
	PhoneSizes    []int
	TemplateSizes []int
	// PlanRuns is how many times each refresh plan, and the floor plan, is
	// timed; the median is compared, so one slow run does not decide a
	// target. The request counts are those of the first run.
	PlanRuns int
	// Progress receives a line per measured command.
	Progress io.Writer
}

// Kind is a configuration the benchmark measures.
type Kind int

const (
	// Users is N whatsapp_assigned_user resources on one WABA, with the
	// token app's subscription and the WABA's data source.
	Users Kind = iota
	// Phones is P phone numbers of one WABA, each with a
	// whatsapp_phone_number_webhook, a whatsapp_business_profile and a
	// whatsapp_conversational_automation: 3P resources.
	Phones
	// Templates is T whatsapp_message_template resources on one WABA.
	Templates
)

// Var is the letter that stands for the configuration's size: N users, P
// phone numbers or T templates.
func (k Kind) Var() string {
	switch k {
	case Phones:
		return "P"
	case Templates:
		return "T"
	}
	return "N"
}

// Size is every measurement of one configuration size.
type Size struct {
	Kind Kind
	// N is the number of assigned users, of phone numbers or of templates.
	N int
	// Page is how many items one page of the measured edge
	// (assigned_users, phone_numbers or message_templates) holds.
	Page int
	// Phases are apply, plan and destroy, in that order. The apply of more
	// than CreationsPerHour templates is staged (Phase.Stages).
	Phases []Phase
	// PlanWall and FloorWall are the median wall times of the refresh plan
	// and of the plan of as many terraform_data resources as the
	// configuration manages (N, 3P or T); FrameworkWall is that of the plan
	// of as many terraform-provider-floor resources.
	PlanWall, FloorWall, FrameworkWall time.Duration
	// FloorApply and FrameworkApply are the wall times of applying the
	// terraform_data and terraform-provider-floor resources, in the same
	// stages as the apply, for comparison with it.
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
	for _, p := range opts.PhoneSizes {
		if p < 1 || p > MaxPhones {
			return nil, fmt.Errorf("phone-number size %d is outside 1..%d", p, MaxPhones)
		}
	}
	for _, t := range opts.TemplateSizes {
		if t < 1 || t > MaxTemplates {
			return nil, fmt.Errorf("template size %d is outside 1..%d", t, MaxTemplates)
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

	var out []Size
	for _, n := range opts.Sizes {
		s, err := runSize(ctx, env, workload{Users, n, WhatsAppConfig(n), FloorConfig(n), FrameworkFloorConfig(n), nil, nil}, opts)
		if err != nil {
			return nil, err
		}
		s.Page = PageSize(seed)
		out = append(out, s)
	}
	if len(opts.PhoneSizes) > 0 {
		callback := StartCallback()
		defer callback.Close()
		for _, p := range opts.PhoneSizes {
			s, err := runPhones(ctx, opts, p, callback)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	for _, t := range opts.TemplateSizes {
		s, err := runTemplates(ctx, opts, t)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// runPhones measures the Phones configuration of p numbers against a
// simulator of its own, whose WABA holds exactly those p numbers. The
// provider and the framework floor are the ones Run built.
func runPhones(ctx context.Context, opts Options, p int, callback *Callback) (Size, error) {
	seed := PhoneSeed(p)
	env, err := Start(ctx, opts.RepoRoot, opts.WorkDir, seed, opts.Progress)
	if err != nil {
		return Size{}, err
	}
	defer env.Close()
	s, err := runSize(ctx, env, workload{Phones, p, PhoneConfig(p, callback.URL()), PhoneFloorConfig(p), FrameworkFloorConfig(PhoneKinds * p), nil, nil}, opts)
	s.Page = PageSize(seed)
	return s, err
}

// runTemplates measures the Templates configuration of t templates against
// a simulator of its own, whose WABA holds no template before the apply.
// Meta lets a WABA create CreationsPerHour templates an hour, so more are
// applied in stages (TemplateStages), the simulator's clock moved an hour
// between two; the floors are applied in the same stages.
func runTemplates(ctx context.Context, opts Options, t int) (Size, error) {
	seed := TemplateSeed()
	env, err := Start(ctx, opts.RepoRoot, opts.WorkDir, seed, opts.Progress)
	if err != nil {
		return Size{}, err
	}
	defer env.Close()
	w := workload{Templates, t, TemplateConfig(t), TemplateFloorConfig(t), FrameworkFloorConfig(t), nil, func() { env.Sim.AdvanceClock(time.Hour) }}
	if stages := TemplateStages(t, CreationsPerHour); len(stages) > 1 {
		for _, n := range stages {
			w.stages = append(w.stages, stageConfigs{n, TemplateConfig(n), TemplateFloorConfig(n), FrameworkFloorConfig(n)})
		}
	}
	s, err := runSize(ctx, env, w, opts)
	s.Page = PageSize(seed)
	return s, err
}

// workload is one size of one configuration, with its two floors: the
// same number of terraform_data and of terraform-provider-floor resources.
// When stages is set, each workspace is applied in those stages, ending
// with its configuration, and between runs after each stage of the
// provider's apply but the last.
type workload struct {
	kind                       Kind
	n                          int
	config, floor, frameworkTF string
	stages                     []stageConfigs
	between                    func()
}

// stageConfigs are the three configurations of one stage of a staged
// apply, of n resources each.
type stageConfigs struct {
	n                          int
	config, floor, frameworkTF string
}

func runSize(ctx context.Context, env *Env, w workload, opts Options) (Size, error) {
	n := w.n
	s := Size{Kind: w.kind, N: n}
	prefix := map[Kind]string{Users: "", Phones: "phones-", Templates: "templates-"}[w.kind]
	ws, err := env.Workspace(fmt.Sprintf("%swhatsapp-%d", prefix, n), w.config)
	if err != nil {
		return s, err
	}
	floor, err := env.Workspace(fmt.Sprintf("%sfloor-%d", prefix, n), w.floor)
	if err != nil {
		return s, err
	}
	framework, err := env.FrameworkFloorWorkspace(fmt.Sprintf("%sframework-%d", prefix, n), w.frameworkTF)
	if err != nil {
		return s, err
	}
	measure := func(ws *tfcli.Workspace, name string, args []string) (Phase, error) {
		p, err := env.Measure(ctx, ws, name, args...)
		if err == nil {
			fmt.Fprintf(opts.Progress, "  %s=%-4d %-14s %6.2fs %5d Graph requests\n", w.kind.Var(), n, name, p.Wall.Seconds(), p.Total())
		}
		return p, err
	}

	// applyIn applies ws, in w's stages when it has some: pick chooses the
	// workspace's configuration of a stage.
	applyIn := func(ws *tfcli.Workspace, name string, pick func(stageConfigs) string, between func()) (Phase, error) {
		if len(w.stages) == 0 {
			return measure(ws, name, ApplyArgs)
		}
		stages := make([]StageConfig, len(w.stages))
		for i, st := range w.stages {
			stages[i] = StageConfig{N: st.n, Config: pick(st)}
		}
		p, err := env.MeasureStages(ctx, ws, name, stages, between)
		if err == nil {
			fmt.Fprintf(opts.Progress, "  %s=%-4d %-14s %6.2fs %5d Graph requests in %d applies\n", w.kind.Var(), n, name, p.Wall.Seconds(), p.Total(), len(p.Stages))
		}
		return p, err
	}
	apply, err := applyIn(ws, "apply", func(st stageConfigs) string { return st.config }, w.between)
	if err != nil {
		return s, err
	}
	floorApply, err := applyIn(floor, "floor apply", func(st stageConfigs) string { return st.floor }, nil)
	if err != nil {
		return s, err
	}
	s.FloorApply = floorApply.Wall
	frameworkApply, err := applyIn(framework, "framework apply", func(st stageConfigs) string { return st.frameworkTF }, nil)
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
			return s, fmt.Errorf("%s=%d: a plan of the floor's terraform_data or terraform-provider-floor resources found changes; its time would not be a refresh's", w.kind.Var(), n)
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
