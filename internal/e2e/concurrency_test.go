package e2e

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestParallelApplyOfHundredAssignments applies, updates and destroys 100
// assignments on one WABA with -parallelism=20: every write goes to the same
// edge while other resources read it back, which is where a shared list
// cache or a lost update would show. The simulator must end up holding
// exactly what the configuration says, and Terraform must never report an
// inconsistent result.
func TestParallelApplyOfHundredAssignments(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r := newRun(t, e2eSeed())
	users := benchUsers(r.seed, 100)
	if len(users) != 100 {
		t.Fatalf("the seed has %d bench users, want 100", len(users))
	}
	taskSets := [][]string{{"MANAGE"}, {"DEVELOP"}, {"MANAGE_TEMPLATES", "VIEW_COST"}, {"MANAGE_PHONE", "VIEW_TEMPLATES", "MESSAGING"}}
	want := func(shift int) map[string][]string {
		m := map[string][]string{}
		for i, u := range users {
			m[u] = taskSets[(i+shift)%len(taskSets)]
		}
		return m
	}
	args := []string{"-no-color", "-input=false", "-auto-approve", "-parallelism=20"}

	for _, step := range []struct {
		name  string
		tasks map[string][]string
	}{
		{"create", want(0)},
		{"update every task set", want(1)},
	} {
		if err := r.ws.WriteFile("main.tf", assignedUsersConfig("", step.tasks)); err != nil {
			t.Fatal(err)
		}
		out := r.mustTF(ctx, append([]string{"apply"}, args...)...)
		if strings.Contains(out, "inconsistent") {
			t.Errorf("%s: Terraform reported an inconsistent result:\n%s", step.name, tail(out, 4000))
		}
		got := r.assignments()
		if len(got) != len(step.tasks) {
			t.Errorf("%s: the WABA has %d assignments, want %d", step.name, len(got), len(step.tasks))
		}
		for u, tasks := range step.tasks {
			sorted := append([]string(nil), tasks...)
			sort.Strings(sorted)
			if got[u] != strings.Join(sorted, ",") {
				t.Errorf("%s: user %s has tasks %q, want %q", step.name, u, got[u], strings.Join(sorted, ","))
			}
		}
		if n := len(r.stateList(ctx)); n != len(step.tasks) {
			t.Errorf("%s: the state holds %d resources, want %d", step.name, n, len(step.tasks))
		}
		changes, err := r.ws.PlanHasChanges(ctx, &strings.Builder{}, &strings.Builder{}, "-no-color", "-input=false", "-parallelism=20")
		if err != nil || changes {
			t.Errorf("%s: the plan after apply has changes (%v) or failed: %v", step.name, changes, err)
		}
	}

	out := r.mustTF(ctx, append([]string{"destroy"}, args...)...)
	if strings.Contains(out, "inconsistent") {
		t.Errorf("destroy: Terraform reported an inconsistent result:\n%s", tail(out, 4000))
	}
	if got := r.assignments(); len(got) != 0 {
		t.Errorf("after destroy the WABA still has %d assignments", len(got))
	}
}
