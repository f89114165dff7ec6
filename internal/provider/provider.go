package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

var (
	_ provider.Provider                   = (*whatsappProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*whatsappProvider)(nil)
	_ provider.ProviderWithListResources  = (*whatsappProvider)(nil)
)

// whatsappProvider is the whatsapp provider. opts let tests swap parts of the
// Graph client (the fixture server's URL, short retry waits).
type whatsappProvider struct {
	version string
	opts    []Option
}

// Option adjusts the Graph client configuration after the provider has built
// it from its arguments. Tests use it; the released binary passes none.
type Option func(*graph.Config)

// New returns the provider factory for the given version.
func New(version string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		return &whatsappProvider{version: version, opts: opts}
	}
}

func (p *whatsappProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "whatsapp"
	resp.Version = p.version
}

func (p *whatsappProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	attributes := make(map[string]schema.Attribute, len(providerArguments))
	for _, a := range providerArguments {
		attributes[a.name] = a.attribute()
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages WhatsApp Business Accounts (WABAs) through Meta's Graph API: webhook subscriptions, user assignments and account data.",
		Attributes:          attributes,
	}
}

func (p *whatsappProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewSubscribedAppResource,
		NewAssignedUserResource,
		NewAppWebhookSubscriptionResource,
		NewPhoneNumberWebhookResource,
		NewConversationalAutomationResource,
		NewBusinessProfileResource,
		NewMessageTemplateResource,
		NewQRCodeResource,
	}
}

func (p *whatsappProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewBusinessAccountDataSource,
		NewSubscribedAppsDataSource,
		NewAssignedUsersDataSource,
		NewPhoneNumbersDataSource,
		NewMessageTemplatesDataSource,
		NewBusinessAccountsDataSource,
	}
}

// ListResources serve terraform query (Terraform 1.14 and later), one for
// each resource, under the resource's own type name.
func (p *whatsappProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewSubscribedAppList,
		NewAssignedUserList,
		NewMessageTemplateList,
		NewAppWebhookSubscriptionList,
	}
}
