package examples

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// requiredProviders is added to a copied example that does not say where the
// whatsapp provider comes from, as the documentation snippets often do not.
const requiredProviders = `terraform {
  required_providers {
    whatsapp = {
      source = "` + tfcli.ProviderSource + `"
    }
  }
}
`

var requiredProvidersBlock = regexp.MustCompile(`(?m)^\s*required_providers\s*\{`)

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "examples")); err != nil {
		t.Fatalf("no examples directory at the repository root: %v", err)
	}
	return root
}

func requireTerraform(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Fatalf("terraform is not on PATH (Terraform 1.11 or later is needed to check the examples): %v", err)
	}
}

// exampleDirs returns every directory under examples/ that holds .tf files,
// relative to the repository root, sorted.
func exampleDirs(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".terraform" || strings.HasPrefix(d.Name(), ".")) && path != filepath.Join(root, "examples") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tf") {
			rel, err := filepath.Rel(root, filepath.Dir(path))
			if err != nil {
				return err
			}
			seen[rel] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}

// TestExamplesFormatted is terraform fmt -check -recursive examples.
func TestExamplesFormatted(t *testing.T) {
	requireTerraform(t)
	root := repoRoot(t)
	cmd := exec.CommandContext(t.Context(), "terraform", "fmt", "-check", "-recursive", "-diff", "-no-color", "examples")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("terraform fmt -check -recursive examples: %v; run make fmt\n%s", err, out)
	}
}

// TestExamplesValidate runs terraform validate on each example directory
// against the provider built from this tree, installed through a
// dev_overrides CLI configuration: no registry and no terraform init.
func TestExamplesValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the provider and runs terraform; skipped with -short")
	}
	requireTerraform(t)
	root := repoRoot(t)
	dirs := exampleDirs(t, root)
	if len(dirs) == 0 {
		t.Fatal("found no example configurations")
	}
	for _, want := range []string{
		filepath.Join("examples", "provider"),
		filepath.Join("examples", "resources", "whatsapp_subscribed_app"),
		filepath.Join("examples", "resources", "whatsapp_assigned_user"),
		filepath.Join("examples", "data-sources", "whatsapp_business_account"),
	} {
		if !contains(dirs, want) {
			t.Errorf("missing example directory %s", want)
		}
	}

	// The subtests run in parallel after this function returns, so the
	// deadline is released only when they are done.
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	t.Cleanup(cancel)
	binDir := providerBinDir(t)

	for _, dir := range dirs {
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			t.Parallel()
			ws, err := tfcli.NewWorkspace(t.TempDir(), binDir)
			if err != nil {
				t.Fatal(err)
			}
			if err := ws.CopyConfig(filepath.Join(root, dir)); err != nil {
				t.Fatal(err)
			}
			if !declaresProvider(t, ws.Dir) {
				if err := ws.WriteFile("zz_required_providers.tf", requiredProviders); err != nil {
					t.Fatal(err)
				}
			}
			var out bytes.Buffer
			if err := ws.Run(ctx, &out, &out, "validate", "-no-color"); err != nil {
				t.Fatalf("%s: %v\n%s", dir, err, out.String())
			}
			if !strings.Contains(out.String(), "The configuration is valid") {
				t.Fatalf("%s: terraform validate did not report a valid configuration:\n%s", dir, out.String())
			}
		})
	}
}

// declaresProvider reports whether any .tf file in dir has a
// required_providers block.
func declaresProvider(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if requiredProvidersBlock.Match(data) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
