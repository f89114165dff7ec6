package bench

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Miss is a target a measurement did not meet.
type Miss struct {
	What   string
	Timing bool
}

// Report prints the measurements and their targets as two tables, and
// returns the targets that were not met.
func Report(w io.Writer, sizes []Size, planRuns int) []Miss {
	var unmet []Miss
	if len(sizes) > 0 {
		fmt.Fprintf(w, "Targets: plan requests <= ceil(N/%d)+3; apply and destroy one write per resource (N users + 1 subscription) and reads <= ceil(N/%d)+3;\n"+
			"plan wall <= %.1fx floor from N=%d.\n\n", sizes[0].Page, sizes[0].Page, MaxPlanRatio, WallRatioFrom)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "N\tphase\trequests\twrites\treads\twall s\tfloor s\tvs floor\tframework s\tframework vs floor\tprovider peak RSS MiB\tproviders\t  met  targets")
	for _, s := range sizes {
		for _, p := range s.Phases {
			checks := RequestChecks(p, s.N, s.Page)
			// Destroy has no floor: its wall times are only shown.
			wall, floor, framework := p.Wall, time.Duration(0), time.Duration(0)
			switch p.Name {
			case "apply":
				floor, framework = s.FloorApply, s.FrameworkApply
			case "plan":
				wall, floor, framework = s.PlanWall, s.FloorWall, s.FrameworkWall
				if c, ok := WallCheck(s.N, s.Ratio()); ok {
					checks = append(checks, c)
				}
			}
			met := "yes"
			var targets []string
			for _, c := range checks {
				targets = append(targets, c.Target)
				if !c.Met {
					met = "NO"
					unmet = append(unmet, Miss{fmt.Sprintf("N=%d %s: %s", s.N, p.Name, c.Target), c.Timing})
				}
			}
			fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%.2f\t%s\t%s\t%s\t%s\t%.1f\t%d\t  %s  %s\n",
				s.N, p.Name, p.Total(), p.Writes(), p.Reads(), wall.Seconds(), seconds(floor), ratio(wall, floor),
				seconds(framework), ratio(framework, floor), float64(p.PeakRSS)/(1<<20), p.Providers, met, strings.Join(targets, ", "))
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "\nfloor: the same command on N terraform_data resources (no provider, no API).\n"+
		"framework: the same command on N resources of terraform-provider-floor, a terraform-plugin-framework provider with the same\n"+
		"attributes and no validators, plan modifiers or API: the least any provider on the framework costs; \"framework vs floor\" is\n"+
		"the best \"vs floor\" such a provider could show in this run. Plan walls are medians of %d alternating runs.\n", planRuns)
	for _, s := range sizes {
		if c, ok := WallCheck(s.N, s.Ratio()); ok && !c.Met && s.FrameworkWall > 0 && s.FrameworkRatio() > MaxPlanRatio {
			fmt.Fprintf(w, "N=%d: the plan target of %.1fx is below the framework floor's own %.2fx.\n", s.N, MaxPlanRatio, s.FrameworkRatio())
		}
	}

	fmt.Fprintln(w, "\nGraph requests by route:")
	routeTable(w, sizes)
	return unmet
}

// routeTable has a row per "METHOD /template" and a column per size and
// phase.
func routeTable(w io.Writer, sizes []Size) {
	routes := map[string]bool{}
	var header []string
	for _, s := range sizes {
		for _, p := range s.Phases {
			header = append(header, fmt.Sprintf("%d %s", s.N, p.Name))
			for k := range p.Counts {
				routes[k] = true
			}
		}
	}
	keys := make([]string, 0, len(routes))
	for k := range routes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	width := len("route")
	for _, k := range keys {
		width = max(width, len(k))
	}
	// Padded to one width, the right-aligned route names read left-aligned.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\t%s\t\n", width, "route", strings.Join(header, "\t"))
	for _, k := range keys {
		row := []string{fmt.Sprintf("%-*s", width, k)}
		for _, s := range sizes {
			for _, p := range s.Phases {
				row = append(row, fmt.Sprint(p.Counts[k]))
			}
		}
		fmt.Fprintf(tw, "%s\t\n", strings.Join(row, "\t"))
	}
	tw.Flush()
}

// seconds prints a measured wall time, or "-" when it was not measured.
func seconds(d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", d.Seconds())
}

// ratio prints how many times the floor's wall time d took, or "-" when
// either was not measured.
func ratio(d, floor time.Duration) string {
	if d <= 0 || floor <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", d.Seconds()/floor.Seconds())
}
