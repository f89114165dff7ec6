package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestThrottlingStorm applies 50 assignments while the simulator throttles
// 30% of all calls with error 80008, as Meta does when a WABA's Business Use
// Case budget runs out. The apply must succeed, every throttled call must
// be retried (and nothing else), and the refresh after it must see no
// changes while the storm goes on.
func TestThrottlingStorm(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	logPath := filepath.Join(t.TempDir(), "provider.log")
	r := newRun(t, e2eSeed(), "TF_LOG_PROVIDER=WARN", "TF_LOG_PATH="+logPath)
	users := benchUsers(r.seed, 50)
	tasks := map[string][]string{}
	for _, u := range users {
		tasks[u] = []string{"MANAGE"}
	}
	// Ten retries make exhausting them improbable (0.3^11 per call), so a
	// failure means the client gave up on a throttled call.
	if err := r.ws.WriteFile("main.tf", assignedUsersConfig("  max_retries = 10\n", tasks)); err != nil {
		t.Fatal(err)
	}
	// Each throttled answer asks for a one-second wait (Retry-After), which
	// the client honours instead of its exponential back-off: a run of
	// throttles on one call then costs seconds, not minutes.
	r.sim.InjectFault(simulator.Fault{Kind: simulator.FaultGraphError, Code: 80008, Probability: 0.3, RetryAfter: 1})

	began := time.Now()
	out := r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	t.Logf("apply took %v", time.Since(began).Round(time.Millisecond))
	if strings.Contains(out, "Error:") {
		t.Errorf("the apply reported an error:\n%s", tail(out, 4000))
	}
	if got := r.assignments(); len(got) != len(users) {
		t.Errorf("the WABA has %d assignments, want %d", len(got), len(users))
	}

	throttled, served, posts, reads := 0, 0, 0, 0
	for _, req := range r.sim.Requests() {
		served++
		switch {
		case req.Fault == simulator.FaultGraphError:
			throttled++
		case req.Method == http.MethodPost:
			posts++
		case req.Method == http.MethodGet:
			reads++
		}
	}
	// Each create is one logical call that ended in one unthrottled POST,
	// and all of them share one read of the edge, the check that the users
	// are not assigned yet; everything else the simulator served was a
	// retry.
	if posts != len(users) {
		t.Errorf("%d POSTs got through, want one per assignment (%d)", posts, len(users))
	}
	if reads != 1 {
		t.Errorf("%d reads got through, want 1: the creates' existence checks share one read of the edge", reads)
	}
	retries := served - posts - reads
	logData, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	logged := strings.Count(string(logData), "retrying Graph API request")
	t.Logf("%d requests for %d creates: %d throttled, %d retries (%d logged by the provider)", served, len(users), throttled, retries, logged)
	if throttled == 0 {
		t.Fatal("nothing was throttled; the storm did not happen")
	}
	if retries > 2*throttled {
		t.Errorf("%d retries for %d throttled answers: more than twice as many", retries, throttled)
	}
	if retries != throttled || logged != retries {
		t.Errorf("retries %d, logged %d, throttled %d: each throttled answer should cost exactly one retry", retries, logged, throttled)
	}

	began = time.Now()
	changes, err := r.ws.PlanHasChanges(ctx, &strings.Builder{}, &strings.Builder{}, "-no-color", "-input=false")
	t.Logf("plan took %v", time.Since(began).Round(time.Millisecond))
	if err != nil || changes {
		t.Errorf("the plan during the storm has changes (%v) or failed: %v", changes, err)
	}
}
