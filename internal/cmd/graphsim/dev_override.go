package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// devOverride is the Terraform CLI configuration -tfrc writes: terraform run
// with TF_CLI_CONFIG_FILE=File uses the provider binary in ProviderDir
// instead of installing one, so a configuration needs no terraform init.
type devOverride struct {
	File        string // absolute path of the CLI configuration
	ProviderDir string // absolute directory holding the provider binary
}

// prepareDevOverride resolves the paths of -tfrc and -provider-dir and checks
// that the provider binary is there, before anything starts listening.
// Terraform reads dev_overrides paths relative to where it runs, so both
// are made absolute.
func prepareDevOverride(file, providerDir string) (devOverride, error) {
	if providerDir == "" {
		providerDir = filepath.Dir(file)
	}
	var o devOverride
	var err error
	if o.File, err = filepath.Abs(file); err != nil {
		return devOverride{}, err
	}
	if o.ProviderDir, err = filepath.Abs(providerDir); err != nil {
		return devOverride{}, err
	}
	bin := filepath.Join(o.ProviderDir, tfcli.ProviderBinaryName)
	if info, err := os.Stat(bin); err != nil || info.IsDir() {
		return devOverride{}, fmt.Errorf("no provider binary at %s: build it first (go build -o %s .)", bin, bin)
	}
	return o, nil
}

// write writes the CLI configuration.
func (o devOverride) write() error {
	return writeFileAtomic(o.File, tfcli.DevOverridesConfig(map[string]string{tfcli.ProviderSource: o.ProviderDir}))
}
