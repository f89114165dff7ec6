package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// TestExistingAssignmentIsNotTakenOver: a user already holds MANAGE on the
// WABA, and a configuration gives the same user DEVELOP. The apply must fail
// before any write and point to import; after terraform import, the same
// configuration changes the tasks in place.
func TestExistingAssignmentIsNotTakenOver(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	seed := e2eSeed()
	user := benchUsers(seed, 1)[0]
	seed.WABAs[len(seed.WABAs)-1].Assignments = []simulator.Assignment{{UserID: user, Tasks: []string{"MANAGE"}}}
	r := newRun(t, seed)
	config := fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}

resource "whatsapp_assigned_user" "dev" {
  waba_id = %q
  user_id = %q
  tasks   = ["DEVELOP"]
}
`, tfcli.ProviderSource, freshWABA, user)
	if err := r.ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}

	out, err := r.tf(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	if err == nil {
		t.Fatalf("apply over an existing assignment succeeded:\n%s", tail(out, 4000))
	}
	importID := freshWABA + "/" + user
	for _, want := range []string{"whatsapp_assigned_user already exists", "import {", `id = "` + importID + `"`, "terraform import whatsapp_assigned_user.<name> " + importID} {
		if !containsFolded(out, want) {
			t.Errorf("apply output lacks %q:\n%s", want, tail(out, 4000))
		}
	}
	if got := r.assignments()[user]; got != "MANAGE" {
		t.Errorf("after the refused apply the simulator has tasks %q for the user, want MANAGE untouched", got)
	}
	if writes := countWrites(t, r.url); writes != 0 {
		t.Errorf("the refused apply made %d writes, want 0", writes)
	}
	if addrs := r.stateList(ctx); len(addrs) != 0 {
		t.Errorf("state after the refused apply: %v, want empty", addrs)
	}

	r.mustTF(ctx, "import", "-no-color", "-input=false", "whatsapp_assigned_user.dev", importID)
	var plan bytes.Buffer
	changes, err := r.ws.PlanHasChanges(ctx, &plan, &plan, "-no-color", "-input=false")
	if err != nil || !changes {
		t.Fatalf("plan after import: changes=%v err=%v\n%s", changes, err, plan.String())
	}
	if !strings.Contains(plan.String(), "1 to change, 0 to destroy") || !strings.Contains(plan.String(), "0 to add") {
		t.Errorf("plan after import is not one update in place:\n%s", tail(plan.String(), 3000))
	}
	r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	if got := r.assignments()[user]; got != "DEVELOP" {
		t.Errorf("after import and apply the simulator has tasks %q, want DEVELOP", got)
	}
}

// TestExistingSubscriptionIsNotTakenOver: the token's app is already
// subscribed to the WABA with a callback override. Creating the subscription
// must fail and leave the override as it was.
func TestExistingSubscriptionIsNotTakenOver(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seed := e2eSeed()
	const override = "https://hooks.example.com/live"
	seed.WABAs[len(seed.WABAs)-1].Subscriptions = []simulator.Subscription{{AppID: seed.Tokens[0].AppID, OverrideCallbackURI: override}}
	r := newRun(t, seed)
	config := fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}

resource "whatsapp_subscribed_app" "hooks" {
  waba_id = %q
}
`, tfcli.ProviderSource, freshWABA)
	if err := r.ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
	out, err := r.tf(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	if err == nil {
		t.Fatalf("apply over an existing subscription succeeded:\n%s", tail(out, 4000))
	}
	for _, want := range []string{"whatsapp_subscribed_app already exists", override, "terraform import whatsapp_subscribed_app.<name> " + freshWABA} {
		if !containsFolded(out, want) {
			t.Errorf("apply output lacks %q:\n%s", want, tail(out, 4000))
		}
	}
	if writes := countWrites(t, r.url); writes != 0 {
		t.Errorf("the refused apply made %d writes, want 0", writes)
	}
}

// TestLostAccessKeepsState: after an apply, the token's system user loses
// sight of the WABA, and Graph answers 100/33 as if it were deleted. The plan
// must fail with the access message and keep every resource in state; once
// access is back, the plan is empty.
func TestLostAccessKeepsState(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	seed := e2eSeed()
	r := newRun(t, seed)
	users := benchUsers(seed, 3)
	tasks := map[string][]string{}
	for _, u := range users {
		tasks[u] = []string{"VIEW_COST"}
	}
	config := assignedUsersConfig("", tasks) + fmt.Sprintf(`
resource "whatsapp_subscribed_app" "hooks" {
  waba_id = %q
}
`, freshWABA)
	if err := r.ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}
	r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	before := r.stateList(ctx)
	if len(before) != len(users)+1 {
		t.Fatalf("state after apply: %v", before)
	}

	simAdmin(t, r.url, "/_sim/hide", fmt.Sprintf(`{"waba_id": %q}`, freshWABA))
	var out bytes.Buffer
	changes, err := r.ws.PlanHasChanges(ctx, &out, &out, "-no-color", "-input=false")
	if err == nil {
		t.Fatalf("plan with the WABA out of sight succeeded (changes=%v):\n%s", changes, tail(out.String(), 4000))
	}
	for _, want := range []string{"error 100", "Subcode: 33", "can no longer see it", "Assigned assets", "removed {", "terraform state rm"} {
		if !containsFolded(out.String(), want) {
			t.Errorf("plan output lacks %q:\n%s", want, tail(out.String(), 4000))
		}
	}
	if strings.Contains(out.String(), "deleted outside Terraform") {
		t.Errorf("the plan reports resources deleted although Graph's answer was ambiguous:\n%s", tail(out.String(), 4000))
	}
	if after := r.stateList(ctx); !slices.Equal(after, before) {
		t.Errorf("state after the failed plan: %v, want %v", after, before)
	}

	simAdmin(t, r.url, "/_sim/reveal", fmt.Sprintf(`{"waba_id": %q}`, freshWABA))
	out.Reset()
	changes, err = r.ws.PlanHasChanges(ctx, &out, &out, "-no-color", "-input=false")
	if err != nil || changes {
		t.Errorf("plan with access back: changes=%v err=%v\n%s", changes, err, tail(out.String(), 4000))
	}
}

// TestUnreachableAPIFailsFast points the provider at a port where nothing
// listens and applies 300 assignments two at a time. The first request gets
// one short retry; every later one fails at once with the same error, which
// names base_url, instead of each resource retrying on its own for seconds.
func TestUnreachableAPIFailsFast(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seed := e2eSeed()
	baseURL := "http://" + closedPort(t)
	logPath := filepath.Join(t.TempDir(), "provider.log")
	r := newRun(t, seed, "WHATSAPP_BASE_URL="+baseURL, "TF_LOG_PROVIDER=DEBUG", "TF_LOG_PATH="+logPath)
	tasks := map[string][]string{}
	users := benchUsers(seed, 300)
	if len(users) < 300 {
		t.Fatalf("the seed has %d bench users, want 300", len(users))
	}
	for _, u := range users {
		tasks[u] = []string{"DEVELOP"}
	}
	if err := r.ws.WriteFile("main.tf", assignedUsersConfig("", tasks)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, err := r.tf(ctx, "apply", "-no-color", "-input=false", "-auto-approve", "-parallelism=2")
	elapsed := time.Since(start)
	if err == nil {
		t.Fatalf("apply against a closed port succeeded:\n%s", tail(out, 3000))
	}
	failures := strings.Count(strings.Join(strings.Fields(out), " "), "cannot reach the Graph API")
	if failures != len(users) {
		t.Errorf("%d resources reported the unreachable API, want all %d:\n%s", failures, len(users), tail(out, 3000))
	}
	if !containsFolded(out, fmt.Sprintf("base_url %q", baseURL)) {
		t.Errorf("the error does not name base_url %q:\n%s", baseURL, tail(out, 3000))
	}
	logData, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	// One provider process makes requests in this apply (the plan has
	// nothing to read): its first request and one retry.
	if attempts := strings.Count(string(logData), "Graph API request failed"); attempts == 0 || attempts > 2 {
		t.Errorf("the provider tried the network %d times, want 1 or 2", attempts)
	}
	// A bound that catches per-resource retrying (minutes), not a timing
	// target: make bench measures speed.
	if elapsed > 30*time.Second {
		t.Errorf("apply of %d resources against a closed port took %s, want well under 30s", len(users), elapsed)
	}
}

// containsFolded reports whether s contains want once runs of white space
// in both are one space: Terraform wraps long diagnostic lines.
func containsFolded(s, want string) bool {
	fold := func(x string) string { return strings.Join(strings.Fields(x), " ") }
	return strings.Contains(fold(s), fold(want))
}

// closedPort returns a loopback address where nothing listens: a port that
// was just bound and released.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// simAdmin posts body to one of the simulator's admin endpoints.
func simAdmin(t *testing.T, baseURL, path, body string) {
	t.Helper()
	resp, err := http.Post(baseURL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: HTTP %d", path, resp.StatusCode)
	}
}

// countWrites is how many POST and DELETE requests the simulator has served.
func countWrites(t *testing.T, baseURL string) int {
	t.Helper()
	resp, err := http.Get(baseURL + "/_sim/requests")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var reqs []simulator.Request
	if err := json.NewDecoder(resp.Body).Decode(&reqs); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range reqs {
		if r.Method == http.MethodPost || r.Method == http.MethodDelete {
			n++
		}
	}
	return n
}
