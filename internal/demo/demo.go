// Package demo runs the real terraform CLI against a locally built provider
// and the Graph API simulator: the project's end-to-end walk-through, and the
// harness of the tests that check what a real run prints and stores.
package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// Secrets the demo hands to the provider. They are simulator values, but the
// demo treats them as real ones: they must never show in output or state.
const (
	VerifyToken = "demo-verify-token-7f3a9c"
	// SupportLineVerifyToken is the phone number override's verify token.
	SupportLineVerifyToken = "demo-line-verify-token-5b81e2"
)

// Options configures a run.
type Options struct {
	// RepoRoot is the project root: the provider is built from it and the
	// configuration read from its examples/demo.
	RepoRoot string
	// WorkDir receives the provider binary, the CLI config and a copy of the
	// configuration. It should be empty or absent.
	WorkDir string
	// Env is added to the terraform commands' environment (TF_LOG=TRACE ...).
	Env    []string
	Stdout io.Writer
	Stderr io.Writer
	// ProviderBinary, when set, is used instead of building one.
	ProviderBinary string
	// AfterApply, when set, runs after apply with the configuration
	// directory (and its state file), before anything is destroyed.
	AfterApply func(configDir string) error
	// SavedPlan, when set, makes the first plan a saved plan and receives
	// it as terraform show -json renders it, which is where a secret that
	// reached the plan would show.
	SavedPlan func(planJSON []byte) error
}

// Result is what a run left behind, for tests to inspect.
type Result struct {
	ConfigDir string
	Seed      simulator.Seed
	Counts    map[string]int
}

// Run builds the provider, starts the simulator on loopback, and runs
// validate, plan, apply, a second plan that must find no changes, output and
// destroy.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	say := func(format string, args ...any) { fmt.Fprintf(opts.Stdout, "\n==> "+format+"\n", args...) }

	root, err := filepath.Abs(opts.RepoRoot)
	if err != nil {
		return nil, err
	}
	work, err := filepath.Abs(opts.WorkDir)
	if err != nil {
		return nil, err
	}
	binDir := filepath.Join(work, "bin")
	if opts.ProviderBinary == "" {
		say("building the provider")
		if _, err := tfcli.BuildProvider(ctx, root, binDir, opts.Stdout); err != nil {
			return nil, err
		}
	} else if err := copyFile(opts.ProviderBinary, filepath.Join(binDir, tfcli.ProviderBinaryName), 0o755); err != nil {
		return nil, err
	}

	seed := simulator.DefaultSeed()
	seed.AppSecret = appSecret(seed)
	sim := simulator.New(seed)
	url, stop, err := sim.Start("127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the Graph API simulator: %w", err)
	}
	defer stop()
	say("Graph API simulator listening on %s", url)

	ws, err := tfcli.NewWorkspace(work, binDir,
		"WHATSAPP_BASE_URL="+url,
		"WHATSAPP_ACCESS_TOKEN="+seed.Tokens[0].Value,
		"WHATSAPP_APP_SECRET="+seed.AppSecret,
		"WHATSAPP_BUSINESS_ID="+seed.WABAs[0].BusinessID,
		"TF_VAR_webhook_verify_token="+VerifyToken,
		"TF_VAR_support_line_verify_token="+SupportLineVerifyToken,
	)
	if err != nil {
		return nil, err
	}
	ws.Env = append(ws.Env, opts.Env...)
	if err := ws.CopyConfig(filepath.Join(root, "examples", "demo")); err != nil {
		return nil, err
	}
	tf := func(args ...string) error {
		say("terraform %s", strings.Join(args, " "))
		return ws.Run(ctx, opts.Stdout, opts.Stderr, args...)
	}

	plan := []string{"plan", "-no-color", "-input=false"}
	if opts.SavedPlan != nil {
		plan = append(plan, "-out=demo.tfplan")
	}
	for _, s := range [][]string{
		{"validate", "-no-color"},
		plan,
		{"apply", "-no-color", "-input=false", "-auto-approve"},
	} {
		if err := tf(s...); err != nil {
			return nil, err
		}
		if s[0] == "plan" && opts.SavedPlan != nil {
			var planJSON bytes.Buffer
			if err := ws.Run(ctx, &planJSON, opts.Stderr, "show", "-json", "demo.tfplan"); err != nil {
				return nil, err
			}
			if err := opts.SavedPlan(planJSON.Bytes()); err != nil {
				return nil, err
			}
		}
	}
	if opts.AfterApply != nil {
		if err := opts.AfterApply(ws.Dir); err != nil {
			return nil, err
		}
	}
	// A plan right after apply must be empty.
	say("terraform plan -detailed-exitcode (must find no changes)")
	changes, err := ws.PlanHasChanges(ctx, opts.Stdout, opts.Stderr, "-no-color", "-input=false")
	if err != nil {
		return nil, err
	}
	if changes {
		return nil, errors.New("the plan after apply is not empty: the provider reports a perpetual diff")
	}
	if err := tf("output", "-no-color"); err != nil {
		return nil, err
	}
	if err := tf("destroy", "-no-color", "-input=false", "-auto-approve"); err != nil {
		return nil, err
	}

	counts := sim.Counts()
	say("Graph API requests the simulator served")
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	total := 0
	for _, k := range keys {
		fmt.Fprintf(opts.Stdout, "  %4d  %s\n", counts[k], k)
		total += counts[k]
	}
	fmt.Fprintf(opts.Stdout, "  %4d  in all\n", total)
	return &Result{ConfigDir: ws.Dir, Seed: seed, Counts: counts}, nil
}

// appSecret is the simulator app's secret: the demo turns appsecret_proof on.
func appSecret(seed simulator.Seed) string {
	for _, a := range seed.Apps {
		if a.ID == seed.Tokens[0].AppID && a.Secret != "" {
			return a.Secret
		}
	}
	return "demo-app-secret"
}

func copyFile(from, to string, mode os.FileMode) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, mode)
}
