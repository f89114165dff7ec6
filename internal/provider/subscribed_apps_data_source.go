package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ datasource.DataSource              = (*subscribedAppsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*subscribedAppsDataSource)(nil)
)

// NewSubscribedAppsDataSource returns the whatsapp_subscribed_apps data source.
func NewSubscribedAppsDataSource() datasource.DataSource { return &subscribedAppsDataSource{} }

type subscribedAppsDataSource struct{ data *providerData }

type subscribedAppsModel struct {
	WABAID types.String `tfsdk:"waba_id"`
	Apps   types.List   `tfsdk:"apps"`
}

// subscribedAppAttributes describe one item of apps.
var subscribedAppAttributes = map[string]schema.Attribute{
	"id":                    computedString("ID of the app."),
	"name":                  computedString("Name of the app."),
	"link":                  computedString("Link to the app, when Graph gives one."),
	"override_callback_uri": computedString("The app's alternate callback URL for this WABA, or null when it uses the app's own callback."),
}

func (d *subscribedAppsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_subscribed_apps"
}

func (d *subscribedAppsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *subscribedAppsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every app subscribed to a WhatsApp Business Account's webhooks (`/{waba-id}/subscribed_apps`), " +
			"whichever app owns the token, with each app's WABA-level callback override.",
		Attributes: map[string]schema.Attribute{
			"waba_id": schema.StringAttribute{
				MarkdownDescription: "ID of the WhatsApp Business Account.",
				Required:            true,
				Validators:          []validator.String{validators.NumericID("102290129340398")},
			},
			"apps": computedObjectList("The subscribed apps, in the order Graph lists them; empty when none is subscribed.", subscribedAppAttributes),
		},
	}
}

func (d *subscribedAppsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model subscribedAppsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !requireConfigured(d.data, &resp.Diagnostics) {
		return
	}
	waba := model.WABAID.ValueString()
	// The same read as whatsapp_subscribed_app's, so a configuration with
	// both makes one request per page. It sends no fields= list: Meta does
	// not document which names this edge accepts, and its default response
	// already holds every attribute.
	apps, err := d.data.client.ListSubscribedApps(ctx, waba)
	if reportGraphCall(&resp.Diagnostics, d.data.client, "list the apps subscribed to WhatsApp Business Account "+waba,
		err, missingWABAAdvice(err, waba, false)) {
		return
	}
	model.Apps = subscribedAppsValue(apps, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func subscribedAppsValue(apps []graph.SubscribedApp, diags *diag.Diagnostics) types.List {
	return objectList(apps, subscribedAppAttributes, func(a graph.SubscribedApp) map[string]attr.Value {
		return map[string]attr.Value{
			"id": types.StringValue(a.ID), "name": emptyAsNull(a.Name), "link": emptyAsNull(a.Link),
			"override_callback_uri": emptyAsNull(a.OverrideCallbackURI),
		}
	}, diags)
}
