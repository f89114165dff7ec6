package provider

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// Environment variables read when the matching argument is not set.
const (
	EnvAccessToken = "WHATSAPP_ACCESS_TOKEN"
	EnvAppSecret   = "WHATSAPP_APP_SECRET"
	EnvAppID       = "WHATSAPP_APP_ID"
	EnvBusinessID  = "WHATSAPP_BUSINESS_ID"
	EnvAPIVersion  = "WHATSAPP_API_VERSION"
	EnvBaseURL     = "WHATSAPP_BASE_URL"
)

const (
	defaultRequestTimeout = "60s"
	// usageWarningPercent is the share of a Business Use Case budget past
	// which the provider warns once per run.
	usageWarningPercent = 75
)

var (
	_ provider.Provider                   = (*whatsappProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*whatsappProvider)(nil)
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

type providerModel struct {
	AccessToken    types.String `tfsdk:"access_token"`
	AppSecret      types.String `tfsdk:"app_secret"`
	AppID          types.String `tfsdk:"app_id"`
	BusinessID     types.String `tfsdk:"business_id"`
	APIVersion     types.String `tfsdk:"api_version"`
	BaseURL        types.String `tfsdk:"base_url"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

// providerData is what resources and data sources receive from Configure.
type providerData struct {
	client     *graph.Client
	businessID string
}

func (p *whatsappProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "whatsapp"
	resp.Version = p.version
}

func (p *whatsappProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages WhatsApp Business Accounts (WABAs) through Meta's Graph API: webhook subscriptions, user assignments and account data.",
		Attributes: map[string]schema.Attribute{
			"access_token": schema.StringAttribute{
				MarkdownDescription: "Graph API access token, usually a system user token with `whatsapp_business_management` (and `business_management` to assign users). Sent only in the `Authorization` header. Can also be set with `" + EnvAccessToken + "`.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"app_secret": schema.StringAttribute{
				MarkdownDescription: "Secret of the app that owns the token. When set, every request carries `appsecret_proof`, which apps with *Require App Secret* enabled demand. Can also be set with `" + EnvAppSecret + "`.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"app_id": schema.StringAttribute{
				MarkdownDescription: "ID of the app that owns the token. When unset the provider asks Graph once per run (`GET /app`). Can also be set with `" + EnvAppID + "`.",
				Optional:            true,
				Validators:          []validator.String{validators.NumericID("670843887433847")},
			},
			"business_id": schema.StringAttribute{
				MarkdownDescription: "Default business (portfolio) ID, used by resources that read edges needing `business=` (`whatsapp_assigned_user`) when they do not set their own. Can also be set with `" + EnvBusinessID + "`.",
				Optional:            true,
				Validators:          []validator.String{validators.NumericID("506914307656634")},
			},
			"api_version": schema.StringAttribute{
				MarkdownDescription: "Graph API version used in every request path. Defaults to `" + graph.DefaultAPIVersion + "`. Can also be set with `" + EnvAPIVersion + "`.",
				Optional:            true,
				Validators:          []validator.String{validators.APIVersion()},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Graph API base URL. Defaults to `" + graph.DefaultBaseURL + "`. Plain `http` is accepted only for loopback hosts (a local simulator). Can also be set with `" + EnvBaseURL + "`.",
				Optional:            true,
				Validators:          []validator.String{validators.BaseURL()},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request that failed transiently (network errors, HTTP 5xx, Graph throttling and transient codes) is retried. Defaults to `4`; `0` disables retries.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 10)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit for each HTTP attempt, as a duration such as `30s`. Defaults to `" + defaultRequestTimeout + "`.",
				Optional:            true,
				Validators:          []validator.String{validators.Duration(time.Second, 10*time.Minute)},
			},
		},
	}
}

// ValidateConfig rejects settings that cannot work whatever the environment
// holds. Environment fallbacks are checked in Configure.
func (p *whatsappProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.AccessToken.IsNull() && !cfg.AccessToken.IsUnknown() && strings.TrimSpace(cfg.AccessToken.ValueString()) == "" {
		resp.Diagnostics.AddAttributeError(path.Root("access_token"), "Empty access token",
			"access_token is set but holds only white space. Set it to a Graph API access token, or remove it to use "+EnvAccessToken+".")
	}
}

func (p *whatsappProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if unknown := unknownArguments(cfg); len(unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
			return
		}
		for _, name := range unknown {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Provider argument not known yet",
				name+" depends on a value that is only known after apply, so the provider cannot connect to the Graph API during this plan. "+
					"Apply the resources it depends on first (terraform apply -target=...), or set it from a variable or "+envFor(name)+".")
		}
		return
	}

	gc := graph.Config{
		AccessToken: stringOrEnv(cfg.AccessToken, EnvAccessToken),
		AppSecret:   stringOrEnv(cfg.AppSecret, EnvAppSecret),
		AppID:       stringOrEnv(cfg.AppID, EnvAppID),
		APIVersion:  stringOrEnv(cfg.APIVersion, EnvAPIVersion),
		BaseURL:     stringOrEnv(cfg.BaseURL, EnvBaseURL),
		UserAgent:   "terraform-provider-whatsapp/" + p.version,
		MaxRetries:  graph.DefaultMaxRetries,
	}
	if !cfg.MaxRetries.IsNull() {
		gc.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	}
	timeout := defaultRequestTimeout
	if !cfg.RequestTimeout.IsNull() {
		timeout = cfg.RequestTimeout.ValueString()
	}
	gc.RequestTimeout, _ = time.ParseDuration(timeout)
	businessID := stringOrEnv(cfg.BusinessID, EnvBusinessID)

	for _, opt := range p.opts {
		opt(&gc)
	}
	resp.Diagnostics.Append(checkEnvironmentValues(gc, businessID)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if gc.Logger == nil {
		gc.Logger = newTFLogger(gc.AccessToken, gc.AppSecret)
	}

	client, err := graph.New(gc)
	if err != nil {
		resp.Diagnostics.AddError("Invalid provider configuration", err.Error())
		return
	}
	tflog.Debug(ctx, "configured the Graph API client", map[string]any{"api_version": client.APIVersion(), "app_secret_proof": gc.AppSecret != ""})
	data := &providerData{client: client, businessID: businessID}
	resp.DataSourceData = data
	resp.ResourceData = data
}

func (p *whatsappProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewSubscribedAppResource,
		NewAssignedUserResource,
		NewAppWebhookSubscriptionResource,
	}
}

func (p *whatsappProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewBusinessAccountDataSource,
		NewSubscribedAppsDataSource,
		NewAssignedUsersDataSource,
		NewPhoneNumbersDataSource,
		NewMessageTemplatesDataSource,
	}
}

// stringOrEnv is the argument when set, else the environment variable, with
// surrounding white space (a pasted newline) removed.
func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() {
		return strings.TrimSpace(v.ValueString())
	}
	return strings.TrimSpace(os.Getenv(env))
}

func unknownArguments(cfg providerModel) []string {
	var out []string
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"access_token": cfg.AccessToken, "app_secret": cfg.AppSecret, "app_id": cfg.AppID,
		"business_id": cfg.BusinessID, "api_version": cfg.APIVersion, "base_url": cfg.BaseURL,
		"max_retries": cfg.MaxRetries, "request_timeout": cfg.RequestTimeout,
	} {
		if v.IsUnknown() {
			out = append(out, name)
		}
	}
	sortStrings(out)
	return out
}

func envFor(name string) string {
	switch name {
	case "access_token":
		return EnvAccessToken
	case "app_secret":
		return EnvAppSecret
	case "app_id":
		return EnvAppID
	case "business_id":
		return EnvBusinessID
	case "api_version":
		return EnvAPIVersion
	case "base_url":
		return EnvBaseURL
	}
	return "a literal value"
}
