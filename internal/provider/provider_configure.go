package provider

import (
	"context"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// clientSettings is what the provider's arguments set: the Graph client's
// configuration, and the default business for resources that need one.
type clientSettings struct {
	graph      graph.Config
	businessID string
	// requestTimeout is parsed into graph.RequestTimeout.
	requestTimeout string
}

// ValidateConfig rejects settings that cannot work whatever the environment
// holds. Environment fallbacks are checked in Configure.
func (p *whatsappProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var token types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("access_token"), &token)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !token.IsNull() && !token.IsUnknown() && strings.TrimSpace(token.ValueString()) == "" {
		resp.Diagnostics.AddAttributeError(path.Root("access_token"), "Empty access token",
			"access_token is set but holds only white space. Set it to a Graph API access token, or remove it to use "+EnvAccessToken+".")
	}
}

func (p *whatsappProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	values, diags := argumentValues(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if unknown := unknownArguments(values); len(unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
			return
		}
		for _, a := range unknown {
			resp.Diagnostics.AddAttributeError(path.Root(a.name), "Provider argument not known yet",
				a.name+" depends on a value that is only known after apply, so the provider cannot connect to the Graph API during this plan. "+
					"Apply the resources it depends on first (terraform apply -target=...), or set it from a variable or "+a.envOrLiteral()+".")
		}
		return
	}

	s := p.settings(values)
	resp.Diagnostics.Append(s.check()...)
	if resp.Diagnostics.HasError() {
		return
	}
	if s.graph.Logger == nil {
		s.graph.Logger = newTFLogger(s.graph.AccessToken, s.graph.AppSecret)
	}
	client, err := graph.New(s.graph)
	if err != nil {
		resp.Diagnostics.AddError("Invalid provider configuration", err.Error())
		return
	}
	tflog.Debug(ctx, "configured the Graph API client", map[string]any{"api_version": client.APIVersion(), "app_secret_proof": s.graph.AppSecret != ""})
	data := &providerData{client: client, businessID: s.businessID}
	resp.DataSourceData = data
	resp.ResourceData = data
	resp.ListResourceData = data
}

// argumentValues reads each argument's configured value.
func argumentValues(ctx context.Context, config tfsdk.Config) (map[string]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	values := make(map[string]attr.Value, len(providerArguments))
	for _, a := range providerArguments {
		var v attr.Value
		diags.Append(config.GetAttribute(ctx, path.Root(a.name), &v)...)
		values[a.name] = v
	}
	return values, diags
}

// unknownArguments are the arguments whose values are known only after
// apply, by name.
func unknownArguments(values map[string]attr.Value) []providerArgument {
	var out []providerArgument
	for _, a := range providerArguments {
		if values[a.name].IsUnknown() {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(x, y providerArgument) int { return strings.Compare(x.name, y.name) })
	return out
}

// settings lands every argument in the client settings, then applies the
// provider's options (tests), which the checks see as the client will.
func (p *whatsappProvider) settings(values map[string]attr.Value) clientSettings {
	s := clientSettings{
		graph:          graph.Config{UserAgent: "terraform-provider-whatsapp/" + p.version, MaxRetries: graph.DefaultMaxRetries},
		requestTimeout: defaultRequestTimeout,
	}
	for _, a := range providerArguments {
		a.land(values[a.name], &s)
	}
	s.graph.RequestTimeout, _ = time.ParseDuration(s.requestTimeout)
	for _, opt := range p.opts {
		opt(&s.graph)
	}
	return s
}

// land puts the argument's value into the settings: the configured value,
// else the environment variable's, with surrounding white space (a pasted
// newline) removed. An argument set nowhere leaves the setting's default.
func (a providerArgument) land(v attr.Value, s *clientSettings) {
	switch v := v.(type) {
	case types.String:
		switch {
		case !v.IsNull():
			*a.setting(s) = strings.TrimSpace(v.ValueString())
		case a.env != "":
			*a.setting(s) = strings.TrimSpace(os.Getenv(a.env))
		}
	case types.Int64:
		if !v.IsNull() {
			*a.numberSetting(s) = int(v.ValueInt64())
		}
	}
}

// check applies the arguments' checks to the settings, and so to values
// from the environment, which the schema validators never see.
func (s clientSettings) check() diag.Diagnostics {
	var diags diag.Diagnostics
	for _, a := range providerArguments {
		if a.check == nil {
			continue
		}
		if summary, detail := a.check(a, *a.setting(&s)); summary != "" {
			diags.AddAttributeError(path.Root(a.name), summary, detail)
		}
	}
	return diags
}
