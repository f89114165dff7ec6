package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// providerData is what resources and data sources receive from Configure.
type providerData struct {
	client     *graph.Client
	businessID string
}

// dataFrom unwraps the provider data handed to a resource or data source.
// Terraform calls Configure before the provider is configured too, with nil
// data; that is not an error.
func dataFrom(in any, diags *diag.Diagnostics) *providerData {
	if in == nil {
		return nil
	}
	d, ok := in.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data type",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", in))
		return nil
	}
	return d
}

// requireConfigured fails an operation that reached the provider before it
// was configured, which Terraform does not do in a normal run.
func requireConfigured(data *providerData, diags *diag.Diagnostics) bool {
	if data == nil {
		diags.AddError("Provider not configured",
			"The whatsapp provider has no Graph API client. This is a bug in the provider or in how Terraform called it; please report it.")
		return false
	}
	return true
}
