package provider

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// checkEnvironmentValues applies the schema's rules to the values that came
// from the environment, which the schema validators never see, and requires a
// token from one place or the other.
func checkEnvironmentValues(gc graph.Config, businessID string) diag.Diagnostics {
	var diags diag.Diagnostics
	if gc.AccessToken == "" {
		diags.AddAttributeError(path.Root("access_token"), "Missing Graph API access token",
			"The provider needs an access token: set access_token in the provider block or the "+EnvAccessToken+" environment variable. "+
				"A system user token with whatsapp_business_management is recommended for automation.")
	}
	if gc.AppID != "" && !validators.IsNumericID(gc.AppID) {
		diags.AddAttributeError(path.Root("app_id"), "Invalid app ID", "app_id (or "+EnvAppID+") must be a numeric Graph ID such as \"670843887433847\".")
	}
	if businessID != "" && !validators.IsNumericID(businessID) {
		diags.AddAttributeError(path.Root("business_id"), "Invalid business ID", "business_id (or "+EnvBusinessID+") must be a numeric Graph ID such as \"506914307656634\".")
	}
	if gc.APIVersion != "" {
		if err := graph.ValidateAPIVersion(gc.APIVersion); err != nil {
			diags.AddAttributeError(path.Root("api_version"), "Invalid Graph API version", "api_version (or "+EnvAPIVersion+"): "+err.Error()+".")
		}
	}
	if gc.BaseURL != "" {
		if err := graph.ValidateBaseURL(gc.BaseURL); err != nil {
			diags.AddAttributeError(path.Root("base_url"), "Invalid base URL", "base_url (or "+EnvBaseURL+"): "+err.Error()+".")
		}
	}
	return diags
}

func sortStrings(s []string) { sort.Strings(s) }
