// Package tfcli runs the real terraform CLI against a provider binary built
// from this tree, installed through a dev_overrides CLI configuration, for
// the demo, the benchmarks and the end-to-end tests. It also tells Terraform
// from OpenTofu (CLI), for tests that need a feature only one of them has.
package tfcli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// ProviderSource is the provider's registry address without the host.
const ProviderSource = "wabactl/whatsapp"

// ProviderBinaryName is the file name Terraform looks for in a dev override.
const ProviderBinaryName = "terraform-provider-whatsapp"

var (
	buildMu    sync.Mutex
	buildCache = map[string]string{}
)

// BuildProvider compiles the provider from repoRoot into dir and returns the
// binary's path. Within one process each (repoRoot, dir) pair is built once.
func BuildProvider(ctx context.Context, repoRoot, dir string, out io.Writer) (string, error) {
	buildMu.Lock()
	defer buildMu.Unlock()
	key := repoRoot + "\x00" + dir
	if p, ok := buildCache[key]; ok {
		return p, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, ProviderBinaryName)
	if err := Build(ctx, repoRoot, ".", bin, out); err != nil {
		return "", fmt.Errorf("building the provider: %w", err)
	}
	buildCache[key] = bin
	return bin, nil
}

// Build compiles the main package pkg of the module at repoRoot into bin.
func Build(ctx context.Context, repoRoot, pkg, bin string, out io.Writer) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, pkg)
	cmd.Dir = repoRoot
	if out != nil {
		cmd.Stdout, cmd.Stderr = out, out
	}
	return cmd.Run()
}

// Workspace is a Terraform working directory wired to a provider binary.
type Workspace struct {
	// Dir holds the configuration and the state.
	Dir string
	// Env is the environment every command runs with.
	Env []string
}

// NewWorkspace prepares root: a config/ directory for the configuration and
// a CLI configuration that makes Terraform use the binary in binDir without
// a registry (no terraform init needed). env is added to the environment.
func NewWorkspace(root, binDir string, env ...string) (*Workspace, error) {
	return NewWorkspaceOverrides(root, map[string]string{ProviderSource: binDir}, env...)
}

// NewWorkspaceOverrides is NewWorkspace for any providers: overrides maps
// each provider source ("namespace/type") to the directory holding its
// binary.
func NewWorkspaceOverrides(root string, overrides map[string]string, env ...string) (*Workspace, error) {
	dir := filepath.Join(root, "config")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	rc := filepath.Join(root, "terraformrc")
	if err := os.WriteFile(rc, []byte(DevOverridesConfig(overrides)), 0o644); err != nil {
		return nil, err
	}
	base := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &Workspace{Dir: dir, Env: append(base, env...)}, nil
}

// WriteFile writes a configuration file into the workspace.
func (w *Workspace) WriteFile(name, content string) error {
	return os.WriteFile(filepath.Join(w.Dir, name), []byte(content), 0o644)
}

// CopyConfig copies the files of dir (not its subdirectories) into the
// workspace: the .tf files and what they read, such as a picture.
func (w *Workspace) CopyConfig(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		if err := w.WriteFile(e.Name(), string(data)); err != nil {
			return err
		}
	}
	return nil
}

// Command returns a terraform command in the workspace; callers may adjust
// it (output, extra environment) before running it.
func (w *Workspace) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "terraform", args...)
	cmd.Dir, cmd.Env = w.Dir, w.Env
	return cmd
}

// Run runs terraform with args, sending its output to stdout and stderr.
func (w *Workspace) Run(ctx context.Context, stdout, stderr io.Writer, args ...string) error {
	cmd := w.Command(ctx, args...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("terraform %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

// PlanHasChanges runs terraform plan -detailed-exitcode and reports whether
// the plan has changes (exit code 2).
func (w *Workspace) PlanHasChanges(ctx context.Context, stdout, stderr io.Writer, args ...string) (bool, error) {
	err := w.Run(ctx, stdout, stderr, append([]string{"plan", "-detailed-exitcode"}, args...)...)
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 2 {
		return true, nil
	}
	return false, err
}
