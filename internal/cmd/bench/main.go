// Command bench measures what terraform apply, plan and destroy cost against
// the local Graph API simulator for growing configurations (assigned users,
// per-number objects of phone numbers, and message templates), and checks
// the request and wall-time targets: `make bench`.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/bench"
)

func main() {
	root := flag.String("root", ".", "project root")
	work := flag.String("work", "", "working directory (default: a new temporary one, removed afterwards)")
	sizes := flag.String("sizes", "10,100,500", "comma-separated numbers of whatsapp_assigned_user resources; empty for none")
	phones := flag.String("phones", "20,100", "comma-separated numbers of phone numbers, each with a webhook override, a business profile and conversational automation; empty for none")
	templates := flag.String("templates", "100,500", fmt.Sprintf("comma-separated numbers of whatsapp_message_template resources on one WABA, applied %d at a time (Meta's hourly limit); empty for none", bench.CreationsPerHour))
	planRuns := flag.Int("plan-runs", 3, "timed runs of each refresh plan and floor plan; the median is reported")
	strict := flag.Bool("strict", false, "exit non-zero when a wall-time target is missed too, not only a request target")
	flag.Parse()

	ns, err := parseSizes("-sizes", *sizes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	ps, err := parseSizes("-phones", *phones)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	ts, err := parseSizes("-templates", *templates)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if len(ns) == 0 && len(ps) == 0 && len(ts) == 0 {
		fmt.Fprintln(os.Stderr, "bench: -sizes, -phones and -templates are all empty: nothing to measure")
		os.Exit(2)
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "whatsapp-bench-"); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
	}
	start := time.Now()
	results, err := bench.Run(ctx, bench.Options{RepoRoot: *root, WorkDir: dir, Sizes: ns, PhoneSizes: ps, TemplateSizes: ts, PlanRuns: *planRuns, Progress: os.Stdout})
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench failed:", err)
		os.Exit(1)
	}
	fmt.Println()
	unmet := bench.Report(os.Stdout, results, *planRuns)
	fmt.Printf("\nfinished in %.0fs\n", time.Since(start).Seconds())
	if len(unmet) == 0 {
		fmt.Println("all targets met")
		return
	}
	// Request counts are exact and fail the run; wall times depend on the
	// machine and its load, so they fail it only with -strict.
	fail := *strict
	fmt.Println("targets NOT met:")
	for _, u := range unmet {
		kind := "requests"
		if u.Timing {
			kind = "timing"
		} else {
			fail = true
		}
		fmt.Printf("  %-8s %s\n", kind, u.What)
	}
	if fail {
		os.Exit(1)
	}
}

// parseSizes reads the comma-separated sizes of the flag name; an empty
// value is none.
func parseSizes(name, s string) ([]int, error) {
	var out []int
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not a number", name, f)
		}
		out = append(out, n)
	}
	return out, nil
}
