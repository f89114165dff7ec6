package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listresourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

var (
	_ list.ListResource                     = (*subscribedAppList)(nil)
	_ list.ListResourceWithConfigure        = (*subscribedAppList)(nil)
	_ list.ListResourceWithConfigValidators = (*subscribedAppList)(nil)
)

// NewSubscribedAppList returns the whatsapp_subscribed_app list resource:
// the token's app's subscription on each of a business's WABAs, or on the
// WABAs given.
func NewSubscribedAppList() list.ListResource { return &subscribedAppList{} }

type subscribedAppList struct{ data *providerData }

type subscribedAppListConfig struct {
	WABAIDs    types.List   `tfsdk:"waba_ids"`
	BusinessID types.String `tfsdk:"business_id"`
}

func (l *subscribedAppList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_subscribed_app"
}

func (l *subscribedAppList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = dataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *subscribedAppList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the subscriptions of the app that owns the provider's access token: one per WhatsApp Business Account " +
			"it is subscribed to, among the WABAs given in `waba_ids` or all the WABAs a business owns. " +
			"Other apps subscribed to the same WABAs are left out: `whatsapp_subscribed_app` manages the token's app only.",
		Attributes: map[string]schema.Attribute{
			"waba_ids": schema.ListAttribute{
				MarkdownDescription: "IDs of the WhatsApp Business Accounts to look at: one `GET /{waba-id}/subscribed_apps` each. Conflicts with `business_id`.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(validators.NumericID("102290129340398")),
				},
			},
			"business_id": schema.StringAttribute{
				MarkdownDescription: "ID of a business whose WABAs to look at, listed with `GET /{business-id}/owned_whatsapp_business_accounts` " +
					"(the token needs `business_management`). Defaults to the provider's `business_id` when `waba_ids` is not set.",
				Optional:   true,
				Validators: []validator.String{validators.NumericID("506914307656634")},
			},
		},
	}
}

func (l *subscribedAppList) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return []list.ConfigValidator{listresourcevalidator.Conflicting(path.MatchRoot("waba_ids"), path.MatchRoot("business_id"))}
}

func (l *subscribedAppList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg subscribedAppListConfig
	diags := req.Config.Get(ctx, &cfg)
	if diags.HasError() || !requireConfigured(l.data, &diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = listing(req.Limit, func(p *listPusher) {
		p.diags = diags
		wabas, ok := l.wabas(ctx, cfg, &p.diags)
		if !ok {
			return
		}
		client := l.data.client
		app, err := client.TokenApp(ctx)
		if reportGraphCall(&p.diags, client, "find the app that owns the access token", err) {
			return
		}
		for _, w := range wabas {
			sub, err := client.FindTokenAppSubscription(ctx, w.ID)
			if reportGraphCall(&p.diags, client, "read the subscriptions on WhatsApp Business Account "+w.ID, err, missingWABAAdvice(err, w.ID, false)) {
				return
			}
			if sub == nil {
				continue
			}
			if sub.Name == "" {
				sub.Name = app.Name
			}
			model := func(*diag.Diagnostics) any {
				m := subscribedAppModel{VerifyTokenWOVersion: types.Int64Null(), AppName: types.StringNull(), AppLink: types.StringNull()}
				m.fill(w.ID, sub)
				return m
			}
			if !p.result(listResult(ctx, req, subscribedAppDisplayName(w, sub), newSubscribedAppIdentity(w.ID), model)) {
				return
			}
		}
	})
}

// wabas are the WABAs to look at: those in waba_ids, else those the business
// owns (the list block's business, or the provider's).
func (l *subscribedAppList) wabas(ctx context.Context, cfg subscribedAppListConfig, diags *diag.Diagnostics) ([]graph.OwnedWABA, bool) {
	if !cfg.WABAIDs.IsNull() {
		var ids []string
		diags.Append(cfg.WABAIDs.ElementsAs(ctx, &ids, false)...)
		wabas := make([]graph.OwnedWABA, len(ids))
		for i, id := range ids {
			wabas[i] = graph.OwnedWABA{ID: id}
		}
		return wabas, !diags.HasError()
	}
	business := cfg.BusinessID.ValueString()
	if business == "" {
		business = l.data.businessID
	}
	if business == "" {
		diags.AddAttributeError(path.Root("waba_ids"), "Nothing to list",
			"whatsapp_subscribed_app lists the token's app's subscriptions on the WhatsApp Business Accounts in waba_ids, or on those a business owns. "+
				"Set waba_ids or business_id in the list block's config, or business_id on the provider (or "+EnvBusinessID+").")
		return nil, false
	}
	client := l.data.client
	wabas, err := client.ListOwnedWABAs(ctx, business)
	if reportGraphCall(diags, client, "list the WhatsApp Business Accounts of business "+business, err, missingOrHiddenAdvice(err, "business "+business, false)) {
		return nil, false
	}
	return wabas, true
}

// subscribedAppDisplayName names the app and the WABA, e.g. "Acme Platform
// on Acme Support (102290129340398)", and the callback override if any.
func subscribedAppDisplayName(w graph.OwnedWABA, sub *graph.SubscribedApp) string {
	app := sub.Name
	if app == "" {
		app = "App " + sub.ID
	}
	waba := "WhatsApp Business Account " + w.ID
	if w.Name != "" {
		waba = fmt.Sprintf("%s (%s)", w.Name, w.ID)
	}
	name := app + " on " + waba
	if sub.OverrideCallbackURI != "" {
		name += ", callback override " + sub.OverrideCallbackURI
	}
	return name
}
