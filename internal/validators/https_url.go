package validators

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// HTTPSURL checks that a string is an absolute https URL of at most maxLen
// characters. Meta delivers webhooks only over TLS and limits callback
// overrides to 200 characters.
func HTTPSURL(maxLen int) validator.String { return httpsURLValidator{maxLen: maxLen} }

type httpsURLValidator struct{ maxLen int }

func (v httpsURLValidator) Description(context.Context) string {
	return fmt.Sprintf("value must be an absolute https URL of at most %d characters", v.maxLen)
}

func (v httpsURLValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v httpsURLValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if len(s) > v.maxLen {
		resp.Diagnostics.AddAttributeError(req.Path, "URL too long",
			fmt.Sprintf("%s must be at most %d characters; this one has %d.", req.Path, v.maxLen, len(s)))
		return
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid callback URL",
			fmt.Sprintf("%s must be an absolute https URL such as \"https://hooks.example.com/whatsapp\"; got %q.", req.Path, s))
	}
}
