package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// freshWABA is a WABA the tests add to the default seed, with nothing
// assigned or subscribed, so the simulator's state is exactly what a test
// applied.
const freshWABA = "300000000000001"

// build is the provider built from this tree, shared by every test here.
var build = tfcli.SharedBuild{RepoRoot: "../..", Prefix: "wa-e2e-"}

// TestMain removes the provider binary the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	build.Remove()
	os.Exit(code)
}

// providerBinDir builds the provider once per test binary and returns the
// directory holding it.
func providerBinDir(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs terraform end to end; skipped with -short")
	}
	dir, err := build.Dir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// e2eSeed is the default fixture data plus freshWABA.
func e2eSeed() simulator.Seed {
	seed := simulator.DefaultSeed()
	seed.WABAs = append(seed.WABAs, simulator.WABA{ID: freshWABA, BusinessID: seed.Businesses[0].ID, Fields: map[string]any{"name": "E2E"}})
	return seed
}

// run is one terraform working directory against one simulator.
type run struct {
	t    *testing.T
	sim  *simulator.Server
	url  string
	seed simulator.Seed
	ws   *tfcli.Workspace
}

// newRun starts a simulator for seed on loopback and a workspace whose
// environment points the provider at it; env is added last, so it wins.
func newRun(t *testing.T, seed simulator.Seed, env ...string) *run {
	t.Helper()
	bin := providerBinDir(t)
	sim := simulator.New(seed)
	url, stop, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	base := []string{
		"WHATSAPP_BASE_URL=" + url,
		"WHATSAPP_ACCESS_TOKEN=" + seed.Tokens[0].Value,
		"WHATSAPP_BUSINESS_ID=" + seed.Businesses[0].ID,
	}
	ws, err := tfcli.NewWorkspace(t.TempDir(), bin, append(base, env...)...)
	if err != nil {
		t.Fatal(err)
	}
	return &run{t: t, sim: sim, url: url, seed: seed, ws: ws}
}

// tf runs terraform and returns its combined output.
func (r *run) tf(ctx context.Context, args ...string) (string, error) {
	var out bytes.Buffer
	err := r.ws.Run(ctx, &out, &out, args...)
	return out.String(), err
}

// mustTF runs terraform and fails the test when it fails.
func (r *run) mustTF(ctx context.Context, args ...string) string {
	r.t.Helper()
	out, err := r.tf(ctx, args...)
	if err != nil {
		r.t.Fatalf("%v\n%s", err, tail(out, 6000))
	}
	return out
}

// assignments is the simulator's view of freshWABA: user ID -> sorted
// tasks joined with commas.
func (r *run) assignments() map[string]string {
	r.t.Helper()
	out := map[string]string{}
	for user, tasks := range simAssignments(r.t, r.url, freshWABA) {
		sort.Strings(tasks)
		out[user] = strings.Join(tasks, ",")
	}
	return out
}

// simAssignments reads a WABA's assignments through the simulator's admin
// endpoint, which faults never touch.
func simAssignments(t *testing.T, baseURL, waba string) map[string][]string {
	t.Helper()
	resp, err := http.Get(baseURL + "/_sim/state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st struct {
		WABAs []simulator.WABA `json:"wabas"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, w := range st.WABAs {
		if w.ID != waba {
			continue
		}
		for _, a := range w.Assignments {
			out[a.UserID] = a.Tasks
		}
	}
	return out
}

// stateList is terraform state list, one address a line.
func (r *run) stateList(ctx context.Context) []string {
	r.t.Helper()
	out := r.mustTF(ctx, "state", "list")
	var addrs []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" {
			addrs = append(addrs, l)
		}
	}
	sort.Strings(addrs)
	return addrs
}

// bench users are system users of the seed's business, enough for the wide
// tests.
func benchUsers(seed simulator.Seed, n int) []string {
	var ids []string
	for _, u := range seed.Users {
		if strings.HasPrefix(u.Name, "bench-user-") && len(ids) < n {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// assignedUsersConfig assigns each user in tasks to freshWABA, one resource
// per user through for_each, with the provider block extra.
func assignedUsersConfig(providerBody string, tasks map[string][]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "terraform {\n  required_providers {\n    whatsapp = { source = %q }\n  }\n}\n\n", tfcli.ProviderSource)
	fmt.Fprintf(&b, "provider \"whatsapp\" {\n%s}\n\nlocals {\n  team = {\n", providerBody)
	users := make([]string, 0, len(tasks))
	for u := range tasks {
		users = append(users, u)
	}
	sort.Strings(users)
	for _, u := range users {
		fmt.Fprintf(&b, "    %q = [%s]\n", u, quoteAll(tasks[u]))
	}
	fmt.Fprintf(&b, "  }\n}\n\nresource \"whatsapp_assigned_user\" \"u\" {\n  for_each = local.team\n  waba_id  = %q\n  user_id  = each.key\n  tasks    = each.value\n}\n", freshWABA)
	return b.String()
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
