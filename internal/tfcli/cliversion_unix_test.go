//go:build unix

package tfcli

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// fakeCLI writes a terraform that prints version the way OpenTofu does
// without a usable CLI configuration: a warning on stdout first.
func fakeCLI(t *testing.T, version string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "terraform")
	script := "#!/bin/sh\necho\necho 'Warning: Unable to open CLI configuration file'\necho '" + version + "'\necho 'on linux_amd64'\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSkipUnlessQuery(t *testing.T) {
	for _, tc := range []struct {
		version  string
		wantSkip bool
	}{
		{"OpenTofu v1.12.6", true},
		{"OpenTofu v1.14.0", true},
		{"Terraform v1.13.5", true},
		{"Terraform v1.14.0", false},
	} {
		t.Run(tc.version, func(t *testing.T) {
			t.Setenv("TF_ACC_TERRAFORM_PATH", fakeCLI(t, tc.version))
			var resp tfversion.CheckTerraformVersionResponse
			SkipUnlessQuery().CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{}, &resp)
			if resp.Error != nil {
				t.Fatal(resp.Error)
			}
			if (resp.Skip != "") != tc.wantSkip {
				t.Errorf("skip = %q, want a skip: %v", resp.Skip, tc.wantSkip)
			}
		})
	}
}
