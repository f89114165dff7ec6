package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// cliCapability is something a test needs of the Terraform CLI it runs,
// beyond the write-only attributes every supported version has.
type cliCapability struct {
	needs    string // what lacks it, for the skip message
	supports func(tfcli.CLI) bool
}

var (
	// identityCLI: import blocks with identity, and identity in state.
	identityCLI = cliCapability{
		needs:    "resource identity (import blocks with identity), which needs Terraform or OpenTofu 1.12 or later",
		supports: func(c tfcli.CLI) bool { return c.AtLeast(1, 12) },
	}
	// queryCLI: terraform query and list resources. OpenTofu 1.12 has none,
	// and its version numbers run apart from Terraform's, so the CLI is told
	// apart by name, not by number.
	queryCLI = cliCapability{
		needs:    "terraform query (list resources), which needs Terraform 1.14 or later and is not in OpenTofu",
		supports: tfcli.CLI.SupportsQuery,
	}
)

// require skips the test, before it starts its fixture server, when the CLI
// lacks the capability: a fixture server whose cassette was never played
// fails the test even when it was skipped. It returns the same check for the
// TestCase, where plugin-testing applies it to the CLI it runs.
func (c cliCapability) require(t *testing.T) []tfversion.TerraformVersionCheck {
	t.Helper()
	cli, err := tfcli.CurrentCLI(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !c.supports(cli) {
		t.Skipf("%s (%s) lacks %s", cli, cli.Path, c.needs)
	}
	return []tfversion.TerraformVersionCheck{tfcli.SkipUnlessCLI(c.needs, c.supports)}
}
