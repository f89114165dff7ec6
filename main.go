// Command terraform-provider-whatsapp is the Terraform provider for the
// WhatsApp Business Management API.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/wabactl/terraform-provider-whatsapp/internal/provider"
	"github.com/wabactl/terraform-provider-whatsapp/internal/sdklog"
)

// version is set at build time by the release tooling (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	if !debug {
		// A provider started with -debug logs to its own terminal: keep it.
		sdklog.Quiet(os.Environ(), os.Setenv)
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/wabactl/whatsapp",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
