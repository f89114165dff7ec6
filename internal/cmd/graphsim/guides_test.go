package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// guidesDir holds the files the guides on the simulator embed.
const guidesDir = "../../../examples/guides"

func TestLocalSimulatorGuideSeedLoads(t *testing.T) {
	seed, err := simulator.LoadSeed(filepath.Join(guidesDir, "local-simulator", "seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(seed.Tokens) == 0 || len(seed.WABAs) == 0 {
		t.Fatalf("the guide's seed has no token or no WABA: %+v", seed)
	}
}

// TestTestingModulesGuideScript runs the CI script of the testing-modules
// guide as a CI job would: build from this checkout, start graphsim, run
// terraform test on the guide's module.
func TestTestingModulesGuideScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the provider and runs terraform test; skipped with -short")
	}
	for _, tool := range []string{"bash", "terraform"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH", tool)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	guide := filepath.Join(root, "examples", "guides", "testing-modules")
	module := t.TempDir()
	for _, f := range []string{"main.tf", filepath.Join("tests", "simulator.tftest.hcl")} {
		data, err := os.ReadFile(filepath.Join(guide, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(module, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(module, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(guide, "simulator-test.sh"), root, module)
	cmd.Env = append(os.Environ(), "SIM_ACCESS_TOKEN=", "SIM_BUSINESS_ID=", "TF_CLI_ARGS=-no-color")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("simulator-test.sh: %v\n%s", err, out)
	}
	for _, want := range []string{"graphsim: listening on", "2 passed, 0 failed", "graphsim: shutting down"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the script's output lacks %q:\n%s", want, out)
		}
	}
}
