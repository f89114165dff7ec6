package tfcli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDevOverridesConfig(t *testing.T) {
	got := DevOverridesConfig(map[string]string{"wabactl/whatsapp": "/opt/bin", "acme/other": `C:\bin`})
	want := `provider_installation {
  dev_overrides {
    "acme/other" = "C:\\bin"
    "wabactl/whatsapp" = "/opt/bin"
  }
  direct {}
}
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestNewWorkspaceWritesTheDevOverrides(t *testing.T) {
	root := t.TempDir()
	if _, err := NewWorkspace(root, "/opt/bin"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "terraformrc"))
	if err != nil {
		t.Fatal(err)
	}
	if want := DevOverridesConfig(map[string]string{ProviderSource: "/opt/bin"}); string(data) != want {
		t.Errorf("terraformrc:\n%s\nwant:\n%s", data, want)
	}
}

func TestMirrorExecutable(t *testing.T) {
	got := MirrorExecutable("/home/me/.terraform.d/plugins", "0.1.0", "linux", "amd64")
	want := filepath.FromSlash("/home/me/.terraform.d/plugins/registry.terraform.io/wabactl/whatsapp/0.1.0/linux_amd64/terraform-provider-whatsapp_v0.1.0")
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	tofu := MirrorExecutableOn(OpenTofuProviderHost, "/home/me/.terraform.d/plugins", "0.1.0", "linux", "amd64")
	if want := filepath.FromSlash("/home/me/.terraform.d/plugins/registry.opentofu.org/wabactl/whatsapp/0.1.0/linux_amd64/terraform-provider-whatsapp_v0.1.0"); tofu != want {
		t.Errorf("got %s, want %s", tofu, want)
	}
}
