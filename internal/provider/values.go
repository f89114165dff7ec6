package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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

// keepIfEmpty is s, or prior when Graph sent nothing for it: for values
// that one of Graph's response shapes leaves out.
func keepIfEmpty(s string, prior types.String) types.String {
	if s != "" {
		return types.StringValue(s)
	}
	if prior.IsUnknown() {
		return types.StringNull()
	}
	return prior
}

// objectList builds a list attribute of objects with the given schema
// attributes, one per item, from a function giving each item's attribute
// values. The list data sources share it so each states only how an item
// maps to its attributes.
func objectList[T any](items []T, item map[string]schema.Attribute, values func(T) map[string]attr.Value, diags *diag.Diagnostics) types.List {
	attrTypes := attributeTypes(item)
	obj := collectObject(diags)
	elems := make([]attr.Value, 0, len(items))
	for _, it := range items {
		elems = append(elems, obj(types.ObjectValue(attrTypes, values(it))))
	}
	return collectList(diags)(types.ListValue(types.ObjectType{AttrTypes: attrTypes}, elems))
}
