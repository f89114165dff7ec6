package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// A template's components as the schema models them (header, body, footer,
// buttons, and JSON for the rest), and their translation to and from the
// JSON array Graph takes and answers. Shapes: Meta's template pages and the
// create examples of its WhatsApp OpenAPI description.

type templateHeaderModel struct {
	Format    types.String `tfsdk:"format"`
	Text      types.String `tfsdk:"text"`
	Example   types.String `tfsdk:"example"`
	MediaFile types.String `tfsdk:"media_file"`
}

type templateBodyModel struct {
	Text                      types.String `tfsdk:"text"`
	Examples                  types.Map    `tfsdk:"examples"`
	AddSecurityRecommendation types.Bool   `tfsdk:"add_security_recommendation"`
}

type templateFooterModel struct {
	Text                  types.String `tfsdk:"text"`
	CodeExpirationMinutes types.Int64  `tfsdk:"code_expiration_minutes"`
}

type templateButtonModel struct {
	Type                 types.String `tfsdk:"type"`
	Text                 types.String `tfsdk:"text"`
	URL                  types.String `tfsdk:"url"`
	PhoneNumber          types.String `tfsdk:"phone_number"`
	Example              types.String `tfsdk:"example"`
	OTPType              types.String `tfsdk:"otp_type"`
	AutofillText         types.String `tfsdk:"autofill_text"`
	PackageName          types.String `tfsdk:"package_name"`
	SignatureHash        types.String `tfsdk:"signature_hash"`
	ZeroTapTermsAccepted types.Bool   `tfsdk:"zero_tap_terms_accepted"`
	FlowID               types.String `tfsdk:"flow_id"`
	FlowAction           types.String `tfsdk:"flow_action"`
	NavigateScreen       types.String `tfsdk:"navigate_screen"`
}

var (
	templateHeaderType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"format": types.StringType, "text": types.StringType, "example": types.StringType, "media_file": types.StringType,
	}}
	templateBodyType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"text": types.StringType, "examples": types.MapType{ElemType: types.StringType}, "add_security_recommendation": types.BoolType,
	}}
	templateFooterType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"text": types.StringType, "code_expiration_minutes": types.Int64Type,
	}}
	templateButtonType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"type": types.StringType, "text": types.StringType, "url": types.StringType, "phone_number": types.StringType,
		"example": types.StringType, "otp_type": types.StringType, "autofill_text": types.StringType, "package_name": types.StringType,
		"signature_hash": types.StringType, "zero_tap_terms_accepted": types.BoolType, "flow_id": types.StringType,
		"flow_action": types.StringType, "navigate_screen": types.StringType,
	}}
)

// objectAsOptions reads an object whose optional attributes are null.
var objectAsOptions = basetypes.ObjectAsOptions{}

// templateVariable is a {{...}} placeholder: a number in a positional
// template, a lower-case name in a named one.
var templateVariable = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// variablesOf lists the placeholders of text in order of first appearance.
func variablesOf(text string) []string {
	var names []string
	for _, m := range templateVariable.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	return names
}

// templateParts is the typed part of a template's configuration, read out
// of the model's objects.
type templateParts struct {
	header  *templateHeaderModel
	body    *templateBodyModel
	footer  *templateFooterModel
	buttons []templateButtonModel
	extra   []map[string]any
}

// partsOf reads the typed components and the extra JSON of a model.
func partsOf(ctx context.Context, header, body, footer types.Object, buttons types.List, extra types.String) (templateParts, diag.Diagnostics) {
	var p templateParts
	var diags diag.Diagnostics
	if !header.IsNull() && !header.IsUnknown() {
		p.header = &templateHeaderModel{}
		diags.Append(header.As(ctx, p.header, objectAsOptions)...)
	}
	if !body.IsNull() && !body.IsUnknown() {
		p.body = &templateBodyModel{}
		diags.Append(body.As(ctx, p.body, objectAsOptions)...)
	}
	if !footer.IsNull() && !footer.IsUnknown() {
		p.footer = &templateFooterModel{}
		diags.Append(footer.As(ctx, p.footer, objectAsOptions)...)
	}
	if !buttons.IsNull() && !buttons.IsUnknown() {
		diags.Append(buttons.ElementsAs(ctx, &p.buttons, false)...)
	}
	if !extra.IsNull() && !extra.IsUnknown() && extra.ValueString() != "" {
		if err := json.Unmarshal([]byte(extra.ValueString()), &p.extra); err != nil {
			diags.AddError("Invalid extra_components_json", "extra_components_json must be a JSON array of component objects: "+err.Error())
		}
	}
	return p, diags
}

// graphJSON renders the parts as the components array Graph takes.
// mediaHandle is the upload handle of a media header's file, "" when there
// is none (the comparison ignores examples).
func (p templateParts) graphJSON(ctx context.Context, parameterFormat, mediaHandle string) ([]map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	named := parameterFormat == "NAMED"
	var out []map[string]any
	if h := p.header; h != nil {
		c := map[string]any{"type": "HEADER", "format": h.Format.ValueString()}
		if text := h.Text.ValueString(); text != "" {
			c["text"] = text
			if vars := variablesOf(text); len(vars) > 0 && !h.Example.IsNull() {
				if named {
					c["example"] = map[string]any{"header_text_named_params": []any{map[string]any{"param_name": vars[0], "example": h.Example.ValueString()}}}
				} else {
					c["example"] = map[string]any{"header_text": []any{h.Example.ValueString()}}
				}
			}
		}
		if mediaHandle != "" {
			c["example"] = map[string]any{"header_handle": []any{mediaHandle}}
		}
		out = append(out, c)
	}
	if b := p.body; b != nil {
		c := map[string]any{"type": "BODY"}
		if text := b.Text.ValueString(); text != "" {
			c["text"] = text
			examples := map[string]string{}
			diags.Append(b.Examples.ElementsAs(ctx, &examples, false)...)
			if vars := variablesOf(text); len(vars) > 0 && len(examples) > 0 {
				if named {
					params := make([]any, 0, len(vars))
					for _, v := range vars {
						params = append(params, map[string]any{"param_name": v, "example": examples[v]})
					}
					c["example"] = map[string]any{"body_text_named_params": params}
				} else {
					values := make([]any, 0, len(vars))
					for _, v := range sortedPositions(vars) {
						values = append(values, examples[v])
					}
					c["example"] = map[string]any{"body_text": []any{values}}
				}
			}
		}
		if b.AddSecurityRecommendation.ValueBool() {
			c["add_security_recommendation"] = true
		}
		out = append(out, c)
	}
	if f := p.footer; f != nil {
		c := map[string]any{"type": "FOOTER"}
		if text := f.Text.ValueString(); text != "" {
			c["text"] = text
		}
		if !f.CodeExpirationMinutes.IsNull() {
			c["code_expiration_minutes"] = f.CodeExpirationMinutes.ValueInt64()
		}
		out = append(out, c)
	}
	if len(p.buttons) > 0 {
		buttons := make([]any, 0, len(p.buttons))
		for _, b := range p.buttons {
			buttons = append(buttons, buttonJSON(b))
		}
		out = append(out, map[string]any{"type": "BUTTONS", "buttons": buttons})
	}
	return append(out, p.extra...), diags
}

// sortedPositions orders positional variables by number: {{2}} may appear
// before {{1}} in the text, but body_text lists values from {{1}}.
func sortedPositions(vars []string) []string {
	out := slices.Clone(vars)
	sort.SliceStable(out, func(i, j int) bool {
		a, errA := strconv.Atoi(out[i])
		b, errB := strconv.Atoi(out[j])
		if errA != nil || errB != nil {
			return out[i] < out[j]
		}
		return a < b
	})
	return out
}

// buttonJSON renders one button with the members its type takes.
func buttonJSON(b templateButtonModel) map[string]any {
	c := map[string]any{"type": b.Type.ValueString()}
	for key, v := range map[string]types.String{
		"text": b.Text, "url": b.URL, "phone_number": b.PhoneNumber, "otp_type": b.OTPType, "autofill_text": b.AutofillText,
		"package_name": b.PackageName, "signature_hash": b.SignatureHash, "flow_id": b.FlowID, "flow_action": b.FlowAction,
		"navigate_screen": b.NavigateScreen,
	} {
		if !v.IsNull() && v.ValueString() != "" {
			c[key] = v.ValueString()
		}
	}
	if b.ZeroTapTermsAccepted.ValueBool() {
		c["zero_tap_terms_accepted"] = true
	}
	if ex := b.Example.ValueString(); ex != "" {
		if strings.EqualFold(b.Type.ValueString(), "COPY_CODE") {
			c["example"] = ex // Meta's copy code example is a string
		} else {
			c["example"] = []any{ex}
		}
	}
	return c
}

// objectsFromGraph turns Graph's components into the schema's objects, for
// an import or a template changed outside Terraform. What the schema does
// not model goes to extra_components_json. Texts Meta writes itself (an
// authentication template's body and footer) are left out, and a media
// header's file cannot be known.
func objectsFromGraph(components []map[string]any) (header, body, footer types.Object, buttons types.List, extra types.String, diags diag.Diagnostics) {
	header, body, footer = types.ObjectNull(templateHeaderType.AttrTypes), types.ObjectNull(templateBodyType.AttrTypes), types.ObjectNull(templateFooterType.AttrTypes)
	buttons, extra = types.ListNull(templateButtonType), types.StringNull()
	var rest []map[string]any
	for _, c := range components {
		var d diag.Diagnostics
		switch strings.ToUpper(jsonText(c["type"])) {
		case "HEADER":
			h := templateHeaderModel{Format: types.StringValue(strings.ToUpper(jsonText(c["format"]))), Text: nullIfEmpty(jsonText(c["text"])),
				Example: types.StringNull(), MediaFile: types.StringNull()}
			if ex := jsonFirstString(jsonMember(c["example"], "header_text")); ex != "" {
				h.Example = types.StringValue(ex)
			} else if params, ok := jsonMember(c["example"], "header_text_named_params").([]any); ok && len(params) > 0 {
				h.Example = nullIfEmpty(jsonText(jsonMember(params[0], "example")))
			}
			header, d = types.ObjectValueFrom(context.Background(), templateHeaderType.AttrTypes, h)
		case "BODY":
			b := templateBodyModel{Text: types.StringNull(), Examples: types.MapNull(types.StringType), AddSecurityRecommendation: types.BoolNull()}
			if v, ok := c["add_security_recommendation"].(bool); ok && v {
				b.AddSecurityRecommendation = types.BoolValue(true)
			} else {
				b.Text = nullIfEmpty(jsonText(c["text"]))
				b.Examples = bodyExamplesFromGraph(c["example"], jsonText(c["text"]))
			}
			body, d = types.ObjectValueFrom(context.Background(), templateBodyType.AttrTypes, b)
		case "FOOTER":
			f := templateFooterModel{Text: nullIfEmpty(jsonText(c["text"])), CodeExpirationMinutes: types.Int64Null()}
			if n, ok := jsonInt(c["code_expiration_minutes"]); ok {
				f.CodeExpirationMinutes, f.Text = types.Int64Value(n), types.StringNull()
			}
			footer, d = types.ObjectValueFrom(context.Background(), templateFooterType.AttrTypes, f)
		case "BUTTONS":
			list, _ := c["buttons"].([]any)
			models := make([]templateButtonModel, 0, len(list))
			for _, raw := range list {
				if m, ok := raw.(map[string]any); ok {
					models = append(models, buttonFromGraph(m))
				}
			}
			buttons, d = types.ListValueFrom(context.Background(), templateButtonType, models)
		default:
			rest = append(rest, c)
		}
		diags.Append(d...)
	}
	if len(rest) > 0 {
		data, err := json.Marshal(rest)
		if err != nil {
			diags.AddError("Unreadable template components", err.Error())
		}
		extra = types.StringValue(string(data))
	}
	return header, body, footer, buttons, extra, diags
}

// bodyExamplesFromGraph reads a body's examples into the schema's map:
// "1", "2"... for a positional template, the names for a named one.
func bodyExamplesFromGraph(example any, text string) types.Map {
	values := map[string]attr.Value{}
	if rows, ok := jsonMember(example, "body_text").([]any); ok && len(rows) > 0 {
		if row, ok := rows[0].([]any); ok {
			for i, v := range row {
				values[strconv.Itoa(i+1)] = types.StringValue(jsonText(v))
			}
		}
	}
	if params, ok := jsonMember(example, "body_text_named_params").([]any); ok {
		for _, p := range params {
			if name := jsonText(jsonMember(p, "param_name")); name != "" {
				values[name] = types.StringValue(jsonText(jsonMember(p, "example")))
			}
		}
	}
	if len(values) == 0 || len(variablesOf(text)) == 0 {
		return types.MapNull(types.StringType)
	}
	return types.MapValueMust(types.StringType, values)
}

// buttonFromGraph reads one button. Meta answers an authentication
// template's OTP button as a URL button whose url names the OTP type (seen
// in public client code): it is read back as the OTP button it was created
// as.
func buttonFromGraph(m map[string]any) templateButtonModel {
	s := func(key string) types.String { return nullIfEmpty(jsonText(m[key])) }
	b := templateButtonModel{Type: types.StringValue(strings.ToUpper(jsonText(m["type"]))), Text: s("text"), URL: s("url"),
		PhoneNumber: s("phone_number"), Example: types.StringNull(), OTPType: s("otp_type"), AutofillText: s("autofill_text"),
		PackageName: s("package_name"), SignatureHash: s("signature_hash"), ZeroTapTermsAccepted: types.BoolNull(),
		FlowID: s("flow_id"), FlowAction: s("flow_action"), NavigateScreen: s("navigate_screen")}
	if v, ok := m["zero_tap_terms_accepted"].(bool); ok && v {
		b.ZeroTapTermsAccepted = types.BoolValue(true)
	}
	if otp := otpTypeOfURL(jsonText(m["url"])); otp != "" {
		b.Type, b.OTPType, b.URL = types.StringValue("OTP"), types.StringValue(otp), types.StringNull()
	}
	if b.Type.ValueString() == "OTP" {
		// The app and label of a one-tap button, wherever Graph put them
		// (see canonicalOTP).
		chosen := canonicalOTP(m)
		for member, field := range map[string]*types.String{"package_name": &b.PackageName, "signature_hash": &b.SignatureHash, "autofill_text": &b.AutofillText} {
			if field.IsNull() {
				*field = nullIfEmpty(jsonText(chosen[member]))
			}
		}
	}
	switch ex := m["example"].(type) {
	case string:
		b.Example = nullIfEmpty(ex)
	case []any:
		if b.Type.ValueString() != "OTP" {
			b.Example = nullIfEmpty(jsonFirstString(ex))
		}
	}
	if b.Type.ValueString() == "OTP" {
		b.Text = types.StringNull() // Meta's default label when none was set; the comparison ignores it
	}
	return b
}

// otpTypeOfURL is the otp_type of the URL Meta answers for an OTP button
// (https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&...), or "".
func otpTypeOfURL(u string) string {
	if !strings.Contains(u, "/otp/code/") {
		return ""
	}
	_, after, found := strings.Cut(u, "otp_type=")
	if !found {
		return ""
	}
	otp, _, _ := strings.Cut(after, "&")
	return strings.ToUpper(otp)
}

func jsonText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case nil:
		return ""
	default:
		return fmt.Sprint(t)
	}
}

func jsonInt(v any) (int64, bool) {
	n, err := strconv.ParseInt(jsonText(v), 10, 64)
	return n, err == nil && jsonText(v) != ""
}

func jsonMember(v any, key string) any {
	m, _ := v.(map[string]any)
	return m[key]
}

func jsonFirstString(v any) string {
	if list, ok := v.([]any); ok && len(list) > 0 {
		return jsonText(list[0])
	}
	return ""
}
