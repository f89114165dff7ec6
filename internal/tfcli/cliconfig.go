package tfcli

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
)

// DevOverridesConfig is a Terraform CLI configuration that makes Terraform
// use the provider binaries in the given directories, keyed by provider
// source ("namespace/type"), without a registry or terraform init; the
// direct block keeps installing every other provider from its registry.
func DevOverridesConfig(overrides map[string]string) string {
	var lines strings.Builder
	for _, source := range slices.Sorted(maps.Keys(overrides)) {
		fmt.Fprintf(&lines, "    %q = %q\n", source, overrides[source])
	}
	return "provider_installation {\n  dev_overrides {\n" + lines.String() + "  }\n  direct {}\n}\n"
}

// ProviderHost is the registry host of ProviderSource for Terraform: a
// filesystem mirror files the provider under it.
const ProviderHost = "registry.terraform.io"

// OpenTofuProviderHost is the registry host OpenTofu gives ProviderSource,
// and so the one its filesystem mirrors are searched under.
const OpenTofuProviderHost = "registry.opentofu.org"

// MirrorExecutable is where an unpacked filesystem mirror rooted at
// pluginsDir (such as ~/.terraform.d/plugins, which Terraform searches when
// the CLI configuration has no provider_installation block) keeps this
// provider's binary for one version and platform, so that terraform init
// installs it without a registry.
func MirrorExecutable(pluginsDir, version, goos, goarch string) string {
	return MirrorExecutableOn(ProviderHost, pluginsDir, version, goos, goarch)
}

// MirrorExecutableOn is MirrorExecutable under another registry host, such
// as OpenTofuProviderHost for tofu init.
func MirrorExecutableOn(host, pluginsDir, version, goos, goarch string) string {
	return filepath.Join(pluginsDir, host, filepath.FromSlash(ProviderSource), version,
		goos+"_"+goarch, ProviderBinaryName+"_v"+version)
}
