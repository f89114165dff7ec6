package tfcli

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// SkipUnlessQuery is a TerraformVersionCheck for list-resource tests: it
// skips unless the CLI has `terraform query` (Terraform 1.14 or newer). Use
// it instead of tfversion.SkipBelow(tfversion.Version1_14_0), which sees
// only the version number and would take an OpenTofu 1.14 for Terraform's.
func SkipUnlessQuery() tfversion.TerraformVersionCheck {
	return SkipUnlessCLI("terraform query and list resources (Terraform 1.14 or newer)", CLI.SupportsQuery)
}

// SkipUnlessCLI is a TerraformVersionCheck that skips the test unless
// supports holds for the CLI plugin-testing runs (see CurrentCLI); feature
// names what is missing in the skip message.
func SkipUnlessCLI(feature string, supports func(CLI) bool) tfversion.TerraformVersionCheck {
	return cliCheck{feature: feature, supports: supports}
}

type cliCheck struct {
	feature  string
	supports func(CLI) bool
}

func (c cliCheck) CheckTerraformVersion(ctx context.Context, _ tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	cli, err := CurrentCLI(ctx)
	switch {
	case err != nil:
		resp.Error = err
	case !c.supports(cli):
		resp.Skip = fmt.Sprintf("%s (%s) lacks %s", cli, cli.Path, c.feature)
	}
}

// TB is the part of testing.TB the skip helpers use.
type TB interface {
	Helper()
	Context() context.Context
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
}

// SkipWorkspaceUnlessQuery skips a test that runs `terraform query` in a
// Workspace unless the terraform on PATH has it.
func SkipWorkspaceUnlessQuery(t TB) {
	t.Helper()
	cli, err := PathCLI(t.Context())
	if err != nil {
		t.Fatalf("%v", err)
	}
	if !cli.SupportsQuery() {
		t.Skipf("%s (%s) has no terraform query: list resources need Terraform 1.14 or newer", cli, cli.Path)
	}
}
