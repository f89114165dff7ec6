// Command terraform-provider-floor is the least a provider built on
// terraform-plugin-framework can cost: one resource shaped like
// whatsapp_assigned_user, with no validators, no plan modifiers and no API
// behind it. `make bench` times a refresh plan of N of its resources next
// to the real provider's, so the table shows how much of the plan's cost is
// the plugin protocol and the framework rather than this provider.
package main

import (
	"context"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/wabactl/terraform-provider-whatsapp/internal/sdklog"
)

// Address is where configurations find this provider.
const Address = "registry.terraform.io/wabactl/floor"

func main() {
	// Quiet like terraform-provider-whatsapp, so that the two differ only in
	// what their resources do.
	sdklog.Quiet(os.Environ(), os.Setenv)
	if err := providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{Address: Address}); err != nil {
		log.Fatal(err)
	}
}

type floorProvider struct{}

func newProvider() provider.Provider { return floorProvider{} }

func (floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "floor"
}

func (floorProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{newAssignment}
}

func (floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }
