package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

var (
	_ list.ListResource              = (*appWebhookSubscriptionList)(nil)
	_ list.ListResourceWithConfigure = (*appWebhookSubscriptionList)(nil)
)

// NewAppWebhookSubscriptionList returns the whatsapp_app_webhook_subscription
// list resource: the app's whatsapp_business_account subscription, if any.
func NewAppWebhookSubscriptionList() list.ListResource { return &appWebhookSubscriptionList{} }

type appWebhookSubscriptionList struct{ data *providerData }

func (l *appWebhookSubscriptionList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_app_webhook_subscription"
}

func (l *appWebhookSubscriptionList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *appWebhookSubscriptionList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the `whatsapp_business_account` webhook subscription of the provider's app (`GET /{app-id}/subscriptions`, " +
			"with the app access token built from the provider's `app_id` and `app_secret`): one result, or none when the app has no such subscription. " +
			"It takes no arguments.",
	}
}

func (l *appWebhookSubscriptionList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	if !requireConfigured(l.data, &diags) || !requireAppCredentials(l.data.client, &diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = listing(req.Limit, func(p *listPusher) {
		client := l.data.client
		app := client.AppID()
		sub, err := client.FindAppSubscription(ctx, graph.WABAWebhookObject)
		if reportGraphCall(&p.diags, client, "read the webhook subscriptions of app "+app, err, missingOrHiddenAdvice(err, "app "+app, false)) || sub == nil {
			return
		}
		p.result(listResult(ctx, req, appWebhookSubscriptionDisplayName(app, sub), newAppWebhookSubscriptionIdentity(app), func(d *diag.Diagnostics) any {
			fields, fd := types.SetValueFrom(ctx, types.StringType, sub.Fields)
			d.Append(fd...)
			return appWebhookSubscriptionModel{
				ID: types.StringValue(app), CallbackURL: types.StringValue(sub.CallbackURL),
				VerifyTokenWO: types.StringNull(), VerifyTokenWOVersion: types.Int64Null(), Fields: fields,
				// Graph does not return include_values: assume the default, as an import does.
				IncludeValues: types.BoolValue(true), Active: types.BoolValue(sub.Active),
			}
		}))
	})
}

// appWebhookSubscriptionDisplayName says where the webhooks go and which
// fields, e.g. "App 670843887433847: whatsapp_business_account webhooks to
// https://hooks.example.com/whatsapp (account_update, messages)".
func appWebhookSubscriptionDisplayName(app string, sub *graph.AppSubscription) string {
	name := fmt.Sprintf("App %s: %s webhooks to %s (%s)", app, sub.Object, sub.CallbackURL, strings.Join(sub.Fields, ", "))
	if !sub.Active {
		name += ", inactive"
	}
	return name
}
