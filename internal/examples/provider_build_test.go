package examples

import (
	"os"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// build is the provider built from this tree, shared by the examples and the
// documentation snippets.
var build = tfcli.SharedBuild{RepoRoot: "../..", Prefix: "wa-examples-"}

// TestMain removes the provider binary the tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	build.Remove()
	os.Exit(code)
}

// providerBinDir returns the directory holding the shared build.
func providerBinDir(t *testing.T) string {
	t.Helper()
	dir, err := build.Dir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
