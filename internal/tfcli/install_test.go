//go:build unix

package tfcli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// releaseVersion is the newest version in CHANGELOG.md, which make install
// uses unless told otherwise.
var releaseVersion = regexp.MustCompile(`(?m)^## v?([0-9][^ \n]*)`)

// releaseConfig pins the version make install filed the provider under, as
// a configuration written for the release would.
const releaseConfig = `terraform {
  required_providers {
    whatsapp = {
      source  = "wabactl/whatsapp"
      version = "%s"
    }
  }
}

data "whatsapp_business_account" "support" {
  id = "102290129340398"
}
`

// TestMakeInstall installs into the plugin directory of an empty home, as on
// a fresh machine, and runs terraform init and validate offline with a CLI
// configuration that has no provider_installation block: Terraform, or
// OpenTofu under make test-clis, must find the provider in the filesystem
// mirror by itself.
func TestMakeInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("runs make install and terraform; skipped with -short")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not on PATH")
	}
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Fatalf("terraform is not on PATH: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	changelog, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := releaseVersion.FindSubmatch(changelog)
	if m == nil {
		t.Fatal("no version heading in CHANGELOG.md")
	}
	version := string(m[1])

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	binDir := filepath.Join(dir, "bin")
	// HOME itself stays: the Go build and module caches live under it.
	install := exec.CommandContext(ctx, "make", "-s", "--no-print-directory", "install",
		"TF_PLUGIN_DIR="+filepath.Join(home, ".terraform.d", "plugins"), "DEV_BIN_DIR="+binDir)
	install.Dir = root
	install.Env = withoutEnv(os.Environ(), "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "VERSION")
	out, err := install.CombinedOutput()
	if err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}
	plugins := filepath.Join(home, ".terraform.d", "plugins")
	mirrored := MirrorExecutable(plugins, version, runtime.GOOS, runtime.GOARCH)
	tofuMirrored := MirrorExecutableOn(OpenTofuProviderHost, plugins, version, runtime.GOOS, runtime.GOARCH)
	for _, exe := range []string{mirrored, tofuMirrored} {
		if info, err := os.Stat(exe); err != nil || info.Mode()&0o111 == 0 {
			t.Fatalf("no executable at %s (%v)\n%s", exe, err, out)
		}
	}
	for _, want := range []string{mirrored, tofuMirrored, `version = "` + version + `"`, "export TF_CLI_CONFIG_FILE=" + filepath.Join(binDir, "dev.tfrc")} {
		if !strings.Contains(string(out), want) {
			t.Errorf("make install does not print %q:\n%s", want, out)
		}
	}
	rc, err := os.ReadFile(filepath.Join(binDir, "dev.tfrc"))
	if err != nil || string(rc) != DevOverridesConfig(map[string]string{ProviderSource: binDir}) {
		t.Errorf("dev.tfrc = %q, %v", rc, err)
	}
	if _, err := os.Stat(filepath.Join(binDir, ProviderBinaryName)); err != nil {
		t.Errorf("no dev_overrides binary: %v", err)
	}

	work := filepath.Join(dir, "config")
	emptyRC := filepath.Join(dir, "empty.tfrc")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(emptyRC, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(strings.Replace(releaseConfig, "%s", version, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(withoutEnv(os.Environ(), "HOME", "TF_CLI_CONFIG_FILE", "TF_PLUGIN_CACHE_DIR", "XDG_DATA_HOME"),
		"HOME="+home, "TF_CLI_CONFIG_FILE="+emptyRC, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	for _, args := range [][]string{{"init", "-input=false", "-no-color"}, {"validate", "-no-color"}} {
		cmd := exec.CommandContext(ctx, "terraform", args...)
		cmd.Dir, cmd.Env = work, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("terraform %s: %v\n%s", args[0], err, out)
		}
		if args[0] == "init" && !strings.Contains(string(out), "Installed wabactl/whatsapp v"+version) {
			t.Errorf("terraform init did not install %s from the mirror:\n%s", version, out)
		}
	}
}

// withoutEnv drops the named variables from env.
func withoutEnv(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, n := range names {
			drop = drop || name == n
		}
		if !drop {
			out = append(out, kv)
		}
	}
	return out
}
