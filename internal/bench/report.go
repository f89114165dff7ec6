package bench

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Miss is a target a measurement did not meet.
type Miss struct {
	What   string
	Timing bool
}

// Report prints the measurements and their targets, a table per
// configuration, then the requests of each configuration by route, and
// returns the targets that were not met.
func Report(w io.Writer, sizes []Size, planRuns int) []Miss {
	var unmet []Miss
	kinds := kindsOf(sizes)
	for i, k := range kinds {
		if i > 0 {
			fmt.Fprintln(w)
		}
		unmet = append(unmet, table(w, k, sizes)...)
	}
	fmt.Fprintf(w, "\nfloor: the same command on as many terraform_data resources (N, 3P or T; no provider, no API).\n"+
		"framework: the same command on as many resources of terraform-provider-floor, a terraform-plugin-framework provider with the\n"+
		"attributes of whatsapp_assigned_user and no validators, plan modifiers or API: the least any provider on the framework costs;\n"+
		"\"framework vs floor\" is the best \"vs floor\" such a provider could show in this run. Plan walls are medians of %d alternating runs.\n"+
		"vs budget: the phase's reads over its read budget (a staged apply's: the sum of its applies' budgets).\n", planRuns)
	for _, s := range sizes {
		if c, ok := s.wallCheck(); ok && !c.Met && s.FrameworkWall > 0 && s.FrameworkRatio() > MaxPlanRatio {
			fmt.Fprintf(w, "N=%d: the plan target of %.1fx is below the framework floor's own %.2fx.\n", s.N, MaxPlanRatio, s.FrameworkRatio())
		}
	}
	for _, k := range kinds {
		fmt.Fprintf(w, "\nGraph requests by route, %s:\n", k.title())
		routeTable(w, k, sizes)
	}
	stagesTable(w, sizes)
	return unmet
}

// stagesTable lists the applies of each staged apply: the resources
// declared, the writes, the reads and their budget.
func stagesTable(w io.Writer, sizes []Size) {
	for _, s := range sizes {
		for _, p := range s.Phases {
			if len(p.Stages) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s=%d %s, one apply at a time:\n", s.Kind.Var(), s.N, p.Name)
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "%s declared\twrites\treads\tbudget\twall s\t\n", s.Kind.Var())
			for _, st := range p.Stages {
				budget := Size{Kind: s.Kind, N: st.N, Page: s.Page}.ReadBudget()
				fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%.2f\t\n", st.N, st.Phase.Writes(), st.Phase.Reads(), budget, st.Phase.Wall.Seconds())
			}
			tw.Flush()
		}
	}
}

// kindsOf lists the configurations measured, in the order of Kind.
func kindsOf(sizes []Size) []Kind {
	var kinds []Kind
	for _, k := range []Kind{Users, Phones, Templates} {
		if slices.ContainsFunc(sizes, func(s Size) bool { return s.Kind == k }) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// title names the configuration in the report.
func (k Kind) title() string {
	switch k {
	case Phones:
		return "P phone numbers"
	case Templates:
		return "T message templates"
	}
	return "N assigned users"
}

// targets states a configuration's targets, with the edge served page
// items at a time.
func (k Kind) targets(page int) string {
	if k == Templates {
		return fmt.Sprintf("T whatsapp_message_template (UTILITY, a body with one variable, no media, no wait for review) on one WABA.\n"+
			"Targets: plan requests <= ceil(T/%[1]d)+3, one shared paged read of message_templates; apply POST=T creates, destroy DELETE=T,\n"+
			"each with reads <= ceil(T/%[1]d)+3. Meta allows %[2]d creations per WABA per hour: T > %[2]d is applied %[2]d templates at a time,\n"+
			"the simulator's clock moved an hour between applies, each apply within the budget of the T it applies (floors in the same steps).\n\n", page, CreationsPerHour)
	}
	if k == Phones {
		return fmt.Sprintf("P phone numbers of one WABA, each with whatsapp_phone_number_webhook, whatsapp_business_profile and whatsapp_conversational_automation.\n"+
			"Targets: plan requests <= 3*ceil(P/%d), one paged read of phone_numbers per resource kind; apply POST=P overrides+P profiles+P automations\n"+
			"and destroy POST=P override clears+0 profiles+P automation clears, with reads <= 3*ceil(P/%d).\n\n", page, page)
	}
	return fmt.Sprintf("N whatsapp_assigned_user, one whatsapp_subscribed_app and one whatsapp_business_account data source on one WABA.\n"+
		"Targets: plan requests <= ceil(N/%d)+3; apply and destroy one write per resource (N users + 1 subscription) and reads <= ceil(N/%d)+3;\n"+
		"plan wall <= %.1fx floor from N=%d.\n\n", page, page, MaxPlanRatio, WallRatioFrom)
}

// wallCheck is the size's plan wall-time target, which only the Users
// configuration has.
func (s Size) wallCheck() (Check, bool) {
	if s.Kind != Users {
		return Check{}, false
	}
	return WallCheck(s.N, s.Ratio())
}

// table prints the measurements of the sizes of kind k and returns the
// targets they missed.
func table(w io.Writer, k Kind, sizes []Size) []Miss {
	var unmet []Miss
	first := true
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, s := range sizes {
		if s.Kind != k {
			continue
		}
		if first {
			fmt.Fprint(w, k.targets(s.Page))
			fmt.Fprintf(tw, "%s\tphase\trequests\twrites\treads\tbudget\tvs budget\twall s\tfloor s\tvs floor\tframework s\tframework vs floor\tprovider peak RSS MiB\tproviders\t  met  targets\n", k.Var())
			first = false
		}
		for _, p := range s.Phases {
			budget := s.PhaseBudget(p)
			checks := s.Checks(p)
			// Destroy has no floor: its wall times are only shown.
			wall, floor, framework := p.Wall, time.Duration(0), time.Duration(0)
			switch p.Name {
			case "apply":
				floor, framework = s.FloorApply, s.FrameworkApply
			case "plan":
				wall, floor, framework = s.PlanWall, s.FloorWall, s.FrameworkWall
				if c, ok := s.wallCheck(); ok {
					checks = append(checks, c)
				}
			}
			met := "yes"
			var targets []string
			for _, c := range checks {
				targets = append(targets, c.Target)
				if !c.Met {
					met = "NO"
					unmet = append(unmet, Miss{fmt.Sprintf("%s=%d %s: %s", k.Var(), s.N, p.Name, c.Target), c.Timing})
				}
			}
			name := p.Name
			if len(p.Stages) > 0 {
				name = fmt.Sprintf("%s x%d", p.Name, len(p.Stages))
			}
			fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%d\t%.2fx\t%.2f\t%s\t%s\t%s\t%s\t%.1f\t%d\t  %s  %s\n",
				s.N, name, p.Total(), p.Writes(), p.Reads(), budget, float64(p.Reads())/float64(budget), wall.Seconds(), seconds(floor), ratio(wall, floor),
				seconds(framework), ratio(framework, floor), float64(p.PeakRSS)/(1<<20), p.Providers, met, strings.Join(targets, ", "))
		}
	}
	tw.Flush()
	return unmet
}

// routeTable has a row per "METHOD /template" and a column per size and
// phase of the configuration k.
func routeTable(w io.Writer, k Kind, sizes []Size) {
	routes := map[string]bool{}
	var header []string
	for _, s := range sizes {
		if s.Kind != k {
			continue
		}
		for _, p := range s.Phases {
			header = append(header, fmt.Sprintf("%d %s", s.N, p.Name))
			for route := range p.Counts {
				routes[route] = true
			}
		}
	}
	keys := slices.Sorted(maps.Keys(routes))
	width := len("route")
	for _, route := range keys {
		width = max(width, len(route))
	}
	// Padded to one width, the right-aligned route names read left-aligned.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\t%s\t\n", width, "route", strings.Join(header, "\t"))
	for _, route := range keys {
		row := []string{fmt.Sprintf("%-*s", width, route)}
		for _, s := range sizes {
			if s.Kind != k {
				continue
			}
			for _, p := range s.Phases {
				row = append(row, fmt.Sprint(p.Counts[route]))
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
