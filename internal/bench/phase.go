package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// Phase is one measured terraform command.
type Phase struct {
	Name string
	// Counts is the Graph requests the simulator served during the
	// command, keyed "METHOD /template" as simulator.Server.Counts.
	Counts map[string]int
	Wall   time.Duration
	// PeakRSS is the highest peak resident memory of any provider process
	// the command started, in bytes; Providers is how many there were.
	PeakRSS   int64
	Providers int
	// Changes is set when a plan run with -detailed-exitcode found changes.
	Changes bool
	Output  string
	// Stages are the applies of a staged apply (MeasureStages), in order;
	// the phase itself adds them up. Nil for a single command.
	Stages []Stage
}

// Stage is one apply of a staged apply: N is how many resources the
// configuration declares when it runs.
type Stage struct {
	N     int
	Phase Phase
}

// Total is every Graph request of the phase.
func (p Phase) Total() int {
	n := 0
	for _, c := range p.Counts {
		n += c
	}
	return n
}

// Reads counts GET requests; Writes the rest.
func (p Phase) Reads() int {
	n := 0
	for k, c := range p.Counts {
		if strings.HasPrefix(k, "GET ") {
			n += c
		}
	}
	return n
}

// Writes counts POST and DELETE requests.
func (p Phase) Writes() int { return p.Total() - p.Reads() }

// Count is the requests of one method on one path template.
func (p Phase) Count(method, template string) int { return p.Counts[method+" "+template] }

// Measure runs terraform with args in ws and records what it cost: the
// simulator's request log is reset first, so the counts are this command's
// alone.
func (e *Env) Measure(ctx context.Context, ws *tfcli.Workspace, name string, args ...string) (Phase, error) {
	e.Sim.ResetRequests()
	var out bytes.Buffer
	cmd := ws.Command(ctx, args...)
	cmd.Stdout, cmd.Stderr = &out, &out

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Phase{}, err
	}
	w := watchProviderRSS(cmd.Process.Pid)
	err := cmd.Wait()
	wall := time.Since(start)
	peak, procs := w.Stop()

	p := Phase{Name: name, Counts: e.Sim.Counts(), Wall: wall, PeakRSS: peak, Providers: procs, Output: out.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 2 && slices.Contains(args, "-detailed-exitcode") {
		p.Changes, err = true, nil
	}
	if err != nil {
		return p, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, tail(p.Output))
	}
	return p, nil
}

// MeasureStages applies the configurations of stages in ws one after the
// other, calling between, when not nil, after every apply but the last,
// and returns them as one phase: the requests and wall times added up, the
// highest peak RSS, every provider process, the last apply's output, and
// each apply as a stage. The workspace ends with the last configuration.
func (e *Env) MeasureStages(ctx context.Context, ws *tfcli.Workspace, name string, stages []StageConfig, between func()) (Phase, error) {
	total := Phase{Name: name, Counts: map[string]int{}}
	for i, st := range stages {
		if err := ws.WriteFile("main.tf", st.Config); err != nil {
			return total, err
		}
		p, err := e.Measure(ctx, ws, name, ApplyArgs...)
		if err != nil {
			return total, fmt.Errorf("apply %d of %d (%d resources): %w", i+1, len(stages), st.N, err)
		}
		for k, c := range p.Counts {
			total.Counts[k] += c
		}
		total.Wall += p.Wall
		total.PeakRSS = max(total.PeakRSS, p.PeakRSS)
		total.Providers += p.Providers
		total.Output = p.Output
		total.Stages = append(total.Stages, Stage{N: st.N, Phase: p})
		if between != nil && i < len(stages)-1 {
			between()
		}
	}
	return total, nil
}

// StageConfig is the configuration of one apply of a staged apply, which
// declares N resources.
type StageConfig struct {
	N      int
	Config string
}

// outputTail is how much of Terraform's output an error quotes.
const outputTail = 3000

// tail is the end of s, at most outputTail bytes of it.
func tail(s string) string {
	if len(s) <= outputTail {
		return s
	}
	return "..." + s[len(s)-outputTail:]
}

// Terraform arguments of the three measured phases.
var (
	ApplyArgs   = []string{"apply", "-input=false", "-no-color", "-auto-approve"}
	PlanArgs    = []string{"plan", "-input=false", "-no-color", "-detailed-exitcode"}
	DestroyArgs = []string{"destroy", "-input=false", "-no-color", "-auto-approve"}
)
