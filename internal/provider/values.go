package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// collectObject and collectList let nested values be built as expressions:
// the diagnostics of each constructor are appended to diags.
func collectObject(diags *diag.Diagnostics) func(types.Object, diag.Diagnostics) types.Object {
	return func(v types.Object, d diag.Diagnostics) types.Object {
		diags.Append(d...)
		return v
	}
}

func collectList(diags *diag.Diagnostics) func(types.List, diag.Diagnostics) types.List {
	return func(v types.List, d diag.Diagnostics) types.List {
		diags.Append(d...)
		return v
	}
}

// emptyAsNull maps Graph's absent-or-empty strings to null, so that state
// says "not reported" rather than "reported as empty".
func emptyAsNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
