package tfcli

import (
	"os"
	"os/exec"
	"testing"
)

func TestParseVersion(t *testing.T) {
	for _, tc := range []struct {
		name, out string
		want      CLI
		query     bool
	}{
		{"terraform 1.11", "Terraform v1.11.4\non linux_amd64\n", CLI{Major: 1, Minor: 11, Patch: 4}, false},
		{"terraform 1.14", "Terraform v1.14.0\non linux_amd64\n", CLI{Major: 1, Minor: 14}, true},
		{"terraform 1.15 prerelease", "Terraform v1.15.0-rc1\non linux_amd64\n", CLI{Major: 1, Minor: 15, Pre: "-rc1"}, true},
		{"terraform 2.0", "Terraform v2.0.0\n", CLI{Major: 2}, true},
		// OpenTofu prints CLI configuration warnings to stdout first.
		{"opentofu after warnings", "\nWarning: Unable to open CLI configuration file\n\nThe CLI configuration file at \"/nonexistent\" does not exist.\nOpenTofu v1.12.6\non linux_amd64\n",
			CLI{OpenTofu: true, Major: 1, Minor: 12, Patch: 6}, false},
		{"opentofu numbered like a terraform with query", "OpenTofu v1.14.2\n", CLI{OpenTofu: true, Major: 1, Minor: 14, Patch: 2}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseVersion([]byte(tc.out))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if got.SupportsQuery() != tc.query {
				t.Errorf("%s: SupportsQuery() = %v, want %v", got, got.SupportsQuery(), tc.query)
			}
		})
	}
	if _, err := ParseVersion([]byte("{\"terraform_version\": \"1.12.6\"}")); err == nil {
		t.Error("version -json output parsed, but it does not say which CLI it is")
	}
}

func TestCLIVersionComparisons(t *testing.T) {
	tofu := CLI{OpenTofu: true, Major: 1, Minor: 12, Patch: 6}
	tf := CLI{Major: 1, Minor: 12, Patch: 0}
	if !tofu.OpenTofuAtLeast(1, 12) || tofu.OpenTofuAtLeast(1, 13) || tofu.TerraformAtLeast(1, 0) {
		t.Errorf("%s: wrong OpenTofu/Terraform comparisons", tofu)
	}
	if !tf.TerraformAtLeast(1, 11) || tf.TerraformAtLeast(1, 13) || tf.OpenTofuAtLeast(1, 0) {
		t.Errorf("%s: wrong OpenTofu/Terraform comparisons", tf)
	}
	if got := tofu.String(); got != "OpenTofu 1.12.6" {
		t.Errorf("String() = %q", got)
	}
}

// TestCurrentCLI reports the CLI the tests run, so that a log of make
// test-clis shows which one each package saw.
func TestCurrentCLI(t *testing.T) {
	cli, err := CurrentCLI(t.Context())
	if err != nil {
		t.Skip(err)
	}
	t.Logf("%s at %s; terraform query: %v", cli, cli.Path, cli.SupportsQuery())
}

// TestSupportsQueryMatchesTheCLI asks the CLI itself whether it has a query
// command, so that SupportsQuery is checked against every CLI make
// test-clis runs.
func TestSupportsQueryMatchesTheCLI(t *testing.T) {
	cli, err := CurrentCLI(t.Context())
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.CommandContext(t.Context(), cli.Path, "query", "-help")
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+os.DevNull, "CHECKPOINT_DISABLE=1")
	out, err := cmd.CombinedOutput()
	if has := err == nil; has != cli.SupportsQuery() {
		t.Errorf("%s: SupportsQuery() = %v, but query -help says otherwise (%v):\n%s", cli, cli.SupportsQuery(), err, out)
	}
}
