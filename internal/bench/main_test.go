package bench

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// workDir holds the provider binary, built once for the package's tests, and
// every test's workspaces.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "whatsapp-bench-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// startEnv serves seed and the provider built from this tree, or skips the
// test with -short: these tests run the terraform CLI.
func startEnv(t *testing.T, seed simulator.Seed) *Env {
	t.Helper()
	if testing.Short() {
		t.Skip("runs terraform end to end; skipped with -short")
	}
	env, err := Start(testContext(t), "../..", workDir, seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(env.Close)
	return env
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}
