//go:build unix

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// makeSimSeed differs from the built-in seed in every value the exports and
// the plan use, and requires appsecret_proof, so the test proves that make
// sim describes the seed it actually loaded.
const makeSimSeed = `tokens:
  - {value: make-sim-token, app_id: "11", scopes: [whatsapp_business_management, business_management]}
app_secret: make-sim-proof-secret
apps:
  - {id: "11", name: Eleven}
businesses:
  - {id: "22", name: Twenty-Two}
wabas:
  - {id: "33", business_id: "22", fields: {name: Make Sim WABA}}
`

// makeSimConfig reads the seeded WABA: a plan succeeds only when the exports
// reach the simulator with the right token and proof, through the provider
// the dev_overrides CLI configuration names.
const makeSimConfig = `terraform {
  required_providers {
    whatsapp = { source = "wabactl/whatsapp" }
  }
}

data "whatsapp_business_account" "seeded" {
  id = "33"
}

output "name" {
  value = data.whatsapp_business_account.seeded.name
}
`

// TestMakeSim runs make sim as a user would, pastes the exports it prints
// into terraform plan, and stops it with Ctrl-C (SIGINT to its process
// group).
func TestMakeSim(t *testing.T) {
	if testing.Short() {
		t.Skip("runs make sim and terraform; skipped with -short")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not on PATH")
	}
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Fatalf("terraform is not on PATH: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.yaml")
	if err := os.WriteFile(seed, []byte(makeSimSeed), 0o600); err != nil {
		t.Fatal(err)
	}
	binDir := filepath.Join(dir, "bin")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	makeCmd := exec.Command("make", "-s", "--no-print-directory", "sim", "ADDR=127.0.0.1:0", "SEED="+seed, "DEV_BIN_DIR="+binDir)
	makeCmd.Dir = root
	makeCmd.Env = withoutMakeVars(os.Environ())
	makeCmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stdout, stderr syncBuffer
	makeCmd.Stdout, makeCmd.Stderr = &stdout, &stderr
	if err := makeCmd.Start(); err != nil {
		t.Fatal(err)
	}
	// make itself reports Ctrl-C as a failure: only graphsim's shutdown
	// message tells whether it stopped cleanly.
	exited := make(chan struct{})
	go func() {
		_ = makeCmd.Wait()
		close(exited)
	}()
	interrupt := func() { _ = syscall.Kill(-makeCmd.Process.Pid, syscall.SIGINT) }
	defer interrupt()

	for !strings.Contains(stdout.String(), "/_sim/counts") {
		select {
		case <-exited:
			t.Fatalf("make sim exited early\nstdout %s\nstderr %s", stdout.String(), stderr.String())
		case <-ctx.Done():
			t.Fatalf("make sim printed no exports in time\nstdout %s\nstderr %s", stdout.String(), stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	env := parseExports(stdout.String())
	for k, want := range map[string]string{
		"TF_CLI_CONFIG_FILE":    filepath.Join(binDir, "dev.tfrc"),
		"WHATSAPP_ACCESS_TOKEN": "make-sim-token",
		"WHATSAPP_APP_SECRET":   "make-sim-proof-secret",
		"WHATSAPP_BUSINESS_ID":  "22",
	} {
		if env[k] != want {
			t.Errorf("make sim exports %s=%q, want %q", k, env[k], want)
		}
	}
	if !strings.Contains(stdout.String(), `WABA      33 "Make Sim WABA"`) {
		t.Errorf("make sim does not list the seeded WABA:\n%s", stdout.String())
	}

	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(makeSimConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	plan := exec.CommandContext(ctx, "terraform", "plan", "-no-color", "-input=false")
	plan.Dir = work
	plan.Env = append(os.Environ(), "TF_IN_AUTOMATION=1")
	for k, v := range env {
		plan.Env = append(plan.Env, k+"="+v)
	}
	out, err := plan.CombinedOutput()
	if err != nil {
		t.Fatalf("terraform plan with the exports of make sim: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), `name = "Make Sim WABA"`) {
		t.Errorf("the plan did not read the seeded WABA:\n%s", out)
	}
	if !strings.Contains(string(out), "Provider development overrides are in effect") {
		t.Errorf("the plan did not use the dev override:\n%s", out)
	}
	data, err := os.ReadFile(env["TF_CLI_CONFIG_FILE"])
	if err != nil || string(data) != tfcli.DevOverridesConfig(map[string]string{tfcli.ProviderSource: binDir}) {
		t.Errorf("CLI configuration %q, %v", data, err)
	}

	interrupt()
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		_ = syscall.Kill(-makeCmd.Process.Pid, syscall.SIGKILL)
		t.Fatal("make sim did not stop on Ctrl-C")
	}
	if !strings.Contains(stderr.String(), "graphsim: shutting down") {
		t.Errorf("graphsim did not shut down cleanly; stderr %s", stderr.String())
	}
}

// withoutMakeVars drops the variables an outer make (make test) passes to
// its children, so the inner make runs as if typed in a shell.
func withoutMakeVars(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES":
			continue
		}
		out = append(out, kv)
	}
	return out
}
