package simulator

import (
	"slices"
	"strings"
)

// validTasks are the WABA tasks Meta accepts, in the order its error message
// lists them: the reference enum plus the granular partner tasks.
var validTasks = []string{
	"MANAGE", "DEVELOP", "MANAGE_TEMPLATES", "MANAGE_PHONE", "VIEW_COST",
	"MANAGE_EXTENSIONS", "VIEW_PHONE_ASSETS", "MANAGE_PHONE_ASSETS", "VIEW_TEMPLATES",
	"MESSAGING", "VIEW_INSIGHTS", "MANAGE_USERS", "MANAGE_BILLING",
}

// parseTasks reads the tasks parameter in any of the encodings Meta's docs
// and SDK use and validates each entry. Duplicates are dropped.
func parseTasks(values []string) ([]string, *graphError) {
	tasks := parseList(values)
	if len(tasks) == 0 {
		return nil, errParam("The parameter tasks is required")
	}
	var out []string
	for i, t := range tasks {
		if !slices.Contains(validTasks, t) {
			return nil, errParam("Param tasks[%d] must be one of {%s}", i, strings.Join(validTasks, ", "))
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// mergeTasks unions next into prev, keeping prev's order.
func mergeTasks(prev, next []string) []string {
	out := slices.Clone(prev)
	for _, t := range next {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
