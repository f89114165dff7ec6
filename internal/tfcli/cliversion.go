package tfcli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
)

// CLI is the program behind a terraform command and its version. OpenTofu
// numbers its releases on its own (OpenTofu 1.12 is not Terraform 1.12), so
// a feature guard must look at both: plugin-testing's tfversion checks see
// only the number.
type CLI struct {
	// Path is the binary that was asked.
	Path string
	// OpenTofu is true when the binary is OpenTofu, false for Terraform.
	OpenTofu bool
	// Major, Minor and Patch are the release's numbers; Pre is what follows
	// them ("-rc1"), if anything.
	Major, Minor, Patch int
	Pre                 string
}

// String reads like the CLI's own version line: "OpenTofu 1.12.6".
func (c CLI) String() string {
	return fmt.Sprintf("%s %d.%d.%d%s", c.Name(), c.Major, c.Minor, c.Patch, c.Pre)
}

// Name is "OpenTofu" or "Terraform".
func (c CLI) Name() string {
	if c.OpenTofu {
		return "OpenTofu"
	}
	return "Terraform"
}

// AtLeast reports whether the version is major.minor or newer, whichever
// CLI it is; prefer TerraformAtLeast or OpenTofuAtLeast for features.
func (c CLI) AtLeast(major, minor int) bool {
	return c.Major > major || (c.Major == major && c.Minor >= minor)
}

// TerraformAtLeast reports whether the CLI is Terraform major.minor or newer.
func (c CLI) TerraformAtLeast(major, minor int) bool {
	return !c.OpenTofu && c.AtLeast(major, minor)
}

// OpenTofuAtLeast reports whether the CLI is OpenTofu major.minor or newer.
func (c CLI) OpenTofuAtLeast(major, minor int) bool {
	return c.OpenTofu && c.AtLeast(major, minor)
}

// SupportsQuery reports whether the CLI has `terraform query` and list
// resources: Terraform 1.14 and newer. OpenTofu 1.12 has neither; add its
// release here once one does.
func (c CLI) SupportsQuery() bool {
	return c.TerraformAtLeast(1, 14)
}

// versionLine is the first line of `terraform version` and `tofu version`.
var versionLine = regexp.MustCompile(`(?m)^(Terraform|OpenTofu) v(\d+)\.(\d+)\.(\d+)(\S*)`)

// ParseVersion reads the output of `terraform version` (text, not -json:
// the JSON form does not say which CLI it is). Lines before the version
// line, such as OpenTofu's CLI configuration warnings, are ignored.
func ParseVersion(out []byte) (CLI, error) {
	m := versionLine.FindSubmatch(out)
	if m == nil {
		return CLI{}, fmt.Errorf("no Terraform or OpenTofu version line in %q", out)
	}
	c := CLI{OpenTofu: string(m[1]) == "OpenTofu", Pre: string(m[5])}
	c.Major, _ = strconv.Atoi(string(m[2]))
	c.Minor, _ = strconv.Atoi(string(m[3]))
	c.Patch, _ = strconv.Atoi(string(m[4]))
	return c, nil
}

var (
	detectedMu sync.Mutex
	detected   = map[string]CLI{} // by path
)

// DetectCLI runs path version once per process and path and says which CLI
// it is. The command gets an empty CLI configuration, so that a
// TF_CLI_CONFIG_FILE naming a missing file cannot get in the way, and no
// upgrade check.
func DetectCLI(ctx context.Context, path string) (CLI, error) {
	detectedMu.Lock()
	c, ok := detected[path]
	detectedMu.Unlock()
	if ok {
		return c, nil
	}
	cmd := exec.CommandContext(ctx, path, "version")
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+os.DevNull, "CHECKPOINT_DISABLE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return CLI{}, fmt.Errorf("%s version: %w\n%s%s", path, err, out, stderr.Bytes())
	}
	c, err = ParseVersion(out)
	if err != nil {
		return CLI{}, fmt.Errorf("%s version: %w", path, err)
	}
	c.Path = path
	detectedMu.Lock()
	detected[path] = c
	detectedMu.Unlock()
	return c, nil
}

// CurrentCLI is the CLI terraform-plugin-testing runs: the binary named by
// TF_ACC_TERRAFORM_PATH, else the terraform on PATH. A TF_ACC_TERRAFORM_VERSION
// that makes plugin-testing download a release is not taken into account.
func CurrentCLI(ctx context.Context) (CLI, error) {
	if path := os.Getenv("TF_ACC_TERRAFORM_PATH"); path != "" {
		return DetectCLI(ctx, path)
	}
	return PathCLI(ctx)
}

// PathCLI is the CLI a Workspace runs: the terraform on PATH. make test-clis
// puts the binary it names in TF_ACC_TERRAFORM_PATH first on PATH, so both
// agree there.
func PathCLI(ctx context.Context) (CLI, error) {
	path, err := exec.LookPath("terraform")
	if err != nil {
		return CLI{}, fmt.Errorf("no terraform on PATH: %w", err)
	}
	return DetectCLI(ctx, path)
}
