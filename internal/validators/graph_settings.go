package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// APIVersion checks the Graph API version form, e.g. v26.0.
func APIVersion() validator.String {
	return funcValidator{desc: "value must be a Graph API version such as " + graph.DefaultAPIVersion, summary: "Invalid Graph API version", check: graph.ValidateAPIVersion}
}

// BaseURL checks the Graph base URL: https, or plain http on loopback only.
func BaseURL() validator.String {
	return funcValidator{desc: "value must be an https URL, or http on a loopback host", summary: "Invalid base URL", check: graph.ValidateBaseURL}
}

// funcValidator adapts a plain check to a string validator, reusing the
// client's own rules so plan time and run time agree.
type funcValidator struct {
	desc, summary string
	check         func(string) error
}

func (v funcValidator) Description(context.Context) string { return v.desc }

func (v funcValidator) MarkdownDescription(ctx context.Context) string { return v.desc }

func (v funcValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, req.Path.String()+": "+err.Error()+".")
	}
}
