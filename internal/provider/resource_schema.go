package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// requiredGraphID is a required numeric Graph ID that names the object a
// resource manages: changing it means another object, so it replaces the
// resource. example is shown when the value is not numeric.
func requiredGraphID(desc, example string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Required:            true,
		Validators:          []validator.String{validators.NumericID(example)},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}
