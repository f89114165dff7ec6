package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var numericID = regexp.MustCompile(`^[1-9][0-9]{0,24}$`)

// IsNumericID reports whether s has the form of a Graph object ID: digits
// only, no sign, no leading zero.
func IsNumericID(s string) bool { return numericID.MatchString(s) }

// NumericID checks that a string is a Graph object ID. Graph IDs are decimal
// digits (WABA, business, app, user); a name or a URL in their place is the
// most common configuration mistake.
func NumericID(example string) validator.String { return numericIDValidator{example: example} }

type numericIDValidator struct{ example string }

func (v numericIDValidator) Description(context.Context) string {
	return fmt.Sprintf("value must be a numeric Graph ID, e.g. %s", v.example)
}

func (v numericIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v numericIDValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !IsNumericID(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Graph ID",
			fmt.Sprintf("%s must be a numeric Graph ID made of digits only, such as %q; got %q.", req.Path, v.example, s))
	}
}
