// Package bench measures what a Terraform run costs against the Graph API:
// requests per edge, wall time and the provider's memory, with the real
// terraform CLI, the provider built from this tree and the local simulator.
// `make bench` prints its tables; the package's tests assert the request
// budgets with a smaller configuration.
package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// Fixture IDs of simulator.DefaultSeed that the configurations use.
const (
	WABAID      = "102290129340398"
	BusinessID  = "506914307656634"
	FirstUserID = 200000000000001
	MaxUsers    = 600
	// FirstPhoneID is the first of the numbers PhoneSeed generates, and
	// MaxPhones the most it generates.
	FirstPhoneID = 300000000000001
	MaxPhones    = 1000
	// MaxTemplates is the most templates the template configuration
	// declares (TemplateName has four digits).
	MaxTemplates = 1000
)

// Seed is the default fixture set with the managed WABA's user list
// emptied, so that the assigned_users edge holds exactly the N users a
// configuration manages and page counts follow ceil(N/page) exactly, and
// with an hourly budget large enough that usage warnings stay out of the
// timings.
func Seed() simulator.Seed {
	seed := simulator.DefaultSeed()
	for i := range seed.WABAs {
		if seed.WABAs[i].ID == WABAID {
			seed.WABAs[i].Assignments = nil
		}
	}
	seed.HourlyBudget = 1_000_000
	return seed
}

// PhoneSeed is Seed with the managed WABA's numbers replaced by p
// generated ones, which the phone-number configuration manages, so that the
// phone_numbers edge holds exactly p numbers and page counts follow
// ceil(p/page) exactly. The token's app is subscribed to the WABA, which
// Meta requires before a number's webhook override, and receives the WABA's
// webhooks at an app-level callback. No number has a profile, an
// automation or an override yet.
func PhoneSeed(p int) simulator.Seed {
	seed := Seed()
	app := seed.Tokens[0].AppID
	for i := range seed.WABAs {
		w := &seed.WABAs[i]
		if w.ID != WABAID {
			continue
		}
		w.PhoneNumbers = nil
		for n := range p {
			w.PhoneNumbers = append(w.PhoneNumbers, map[string]any{
				"id":                   PhoneID(n),
				"display_phone_number": fmt.Sprintf("+1 555-%03d-%04d", n/10000, n%10000),
				"verified_name":        fmt.Sprintf("Branch %d", n+1),
				"quality_rating":       "GREEN",
			})
		}
		w.Subscriptions = append(w.Subscriptions, simulator.Subscription{AppID: app})
	}
	if seed.AppSubscriptions == nil {
		seed.AppSubscriptions = map[string][]simulator.AppSubscription{}
	}
	seed.AppSubscriptions[app] = append(seed.AppSubscriptions[app], simulator.AppSubscription{
		Object: graph.WABAWebhookObject, CallbackURL: "https://hooks.example.com/whatsapp", Fields: []simulator.SubscribedField{{Name: "messages"}},
	})
	return seed
}

// TemplateSeed is Seed with the managed WABA's message templates removed,
// so that its message_templates edge holds exactly the templates a
// configuration creates and page counts follow ceil(T/page) exactly.
func TemplateSeed() simulator.Seed {
	seed := Seed()
	for i := range seed.WABAs {
		if seed.WABAs[i].ID == WABAID {
			seed.WABAs[i].MessageTemplates = nil
		}
	}
	return seed
}

// PhoneID is the ID of the i-th (from 0) number of PhoneSeed.
func PhoneID(i int) string { return fmt.Sprint(FirstPhoneID + i) }

// Env is one simulator and one provider binary, shared by any number of
// Terraform workspaces under WorkDir.
type Env struct {
	Sim     *simulator.Server
	URL     string
	WorkDir string
	BinDir  string
	root    string
	token   string
	stop    func()
}

// Start builds the provider from repoRoot (once per process and work
// directory) and serves a simulator holding seed on a loopback port. The
// provider uses the seed's first token.
func Start(ctx context.Context, repoRoot, workDir string, seed simulator.Seed, buildOut io.Writer) (*Env, error) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		return nil, err
	}
	work, err := filepath.Abs(workDir)
	if err != nil {
		return nil, err
	}
	binDir := filepath.Join(work, "bin")
	if _, err := tfcli.BuildProvider(ctx, root, binDir, buildOut); err != nil {
		return nil, err
	}
	sim := simulator.New(seed)
	url, stop, err := sim.Start("127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the Graph API simulator: %w", err)
	}
	return &Env{Sim: sim, URL: url, WorkDir: work, BinDir: binDir, root: root, token: seed.Tokens[0].Value, stop: stop}, nil
}

// Close stops the simulator.
func (e *Env) Close() { e.stop() }

// Workspace makes a fresh Terraform working directory named name, whose
// provider talks to the simulator, holding the given configuration.
func (e *Env) Workspace(name, config string, env ...string) (*tfcli.Workspace, error) {
	base := []string{
		"WHATSAPP_BASE_URL=" + e.URL,
		"WHATSAPP_ACCESS_TOKEN=" + e.token,
		"WHATSAPP_BUSINESS_ID=" + BusinessID,
	}
	return e.workspace(name, config, map[string]string{tfcli.ProviderSource: e.BinDir}, append(base, env...)...)
}

// FloorSource is terraform-provider-floor's address in configurations.
const FloorSource = "wabactl/floor"

// floorPackage is the main package of terraform-provider-floor.
const floorPackage = "./internal/bench/terraform-provider-floor"

// BuildFrameworkFloor compiles terraform-provider-floor next to the
// provider, for FrameworkFloorWorkspace.
func (e *Env) BuildFrameworkFloor(ctx context.Context, out io.Writer) error {
	if err := tfcli.Build(ctx, e.root, floorPackage, filepath.Join(e.BinDir, "terraform-provider-floor"), out); err != nil {
		return fmt.Errorf("building terraform-provider-floor: %w", err)
	}
	return nil
}

// FrameworkFloorWorkspace makes a fresh working directory for a
// configuration of terraform-provider-floor resources.
func (e *Env) FrameworkFloorWorkspace(name, config string) (*tfcli.Workspace, error) {
	return e.workspace(name, config, map[string]string{FloorSource: e.BinDir})
}

func (e *Env) workspace(name, config string, overrides map[string]string, env ...string) (*tfcli.Workspace, error) {
	root := filepath.Join(e.WorkDir, name)
	if err := os.RemoveAll(root); err != nil {
		return nil, err
	}
	ws, err := tfcli.NewWorkspaceOverrides(root, overrides, env...)
	if err != nil {
		return nil, err
	}
	return ws, ws.WriteFile("main.tf", config)
}
