package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Limits of Meta's template pages, checked at plan so that a template Meta
// would refuse never reaches review.
const (
	maxHeaderText      = 60
	maxBodyText        = 1024
	maxFooterText      = 60
	maxButtons         = 10
	maxURLButtons      = 2
	maxPhoneButtons    = 1
	maxButtonText      = 25
	maxButtonURL       = 2000
	maxButtonPhone     = 20
	maxCopyCodeExample = 15
	maxCodeExpiration  = 90
)

var (
	headerFormats  = []string{"TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"}
	buttonTypes    = []string{"QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW", "CATALOG", "MPM"}
	otpTypes       = []string{"COPY_CODE", "ONE_TAP", "ZERO_TAP"}
	namedVariable  = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
	positionalVar  = regexp.MustCompile(`^[1-9][0-9]*$`)
	mediaFormats   = []string{"IMAGE", "VIDEO", "DOCUMENT"}
	labelledButton = []string{"QUICK_REPLY", "URL", "PHONE_NUMBER", "FLOW", "CATALOG", "MPM"}
)

// templateConfigValidator checks the components against Meta's rules. It
// skips what is unknown at plan.
type templateConfigValidator struct{}

func (templateConfigValidator) Description(context.Context) string {
	return "the template's components must follow Meta's template rules"
}

func (v templateConfigValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (templateConfigValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m messageTemplateModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	parts, d := m.parts(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	format := m.ParameterFormat.ValueString()
	if m.ParameterFormat.IsNull() {
		format = "POSITIONAL"
	}
	c := templateChecks{diags: &resp.Diagnostics, named: format == "NAMED", knownFormat: !m.ParameterFormat.IsUnknown(),
		auth: m.Category.ValueString() == "AUTHENTICATION", knownCategory: !m.Category.IsUnknown()}
	c.header(parts.header)
	c.body(parts.body, m.Body.IsNull())
	c.footer(parts.footer)
	c.buttons(parts.buttons)
	c.extra(parts.extra)
}

type templateChecks struct {
	diags               *diag.Diagnostics
	named, knownFormat  bool
	auth, knownCategory bool
}

func (c templateChecks) fail(p path.Path, summary, detail string) {
	c.diags.AddAttributeError(p, summary, detail)
}

// variables checks the placeholders of text: numbered from 1 without gaps
// in a positional template, lower-case names in a named one.
func (c templateChecks) variables(p path.Path, text string) []string {
	vars := variablesOf(text)
	if !c.knownFormat {
		return vars
	}
	for _, v := range vars {
		if c.named && !namedVariable.MatchString(v) {
			c.fail(p, "Invalid template variable", fmt.Sprintf("{{%s}} is not a named variable: with parameter_format = \"NAMED\" a variable is lower-case letters, digits and underscores, such as {{first_name}}.", v))
		}
		if !c.named && !positionalVar.MatchString(v) {
			c.fail(p, "Invalid template variable", fmt.Sprintf("{{%s}} is not a positional variable: they are numbers, {{1}}, {{2}} and so on; for names such as {{first_name}} set parameter_format = \"NAMED\".", v))
		}
	}
	if !c.named {
		for i := 1; i <= len(vars); i++ {
			if !slices.Contains(vars, strconv.Itoa(i)) {
				c.fail(p, "Template variables out of sequence", fmt.Sprintf("Positional variables are numbered from {{1}} without gaps; this text has %s but no {{%d}}.", braces(vars), i))
				break
			}
		}
	}
	return vars
}

func (c templateChecks) header(h *templateHeaderModel) {
	if h == nil {
		return
	}
	p := path.Root("header")
	if c.knownCategory && c.auth {
		c.fail(p, "Header in an authentication template", "Authentication templates have no header: Meta writes their content. Remove header.")
		return
	}
	format := h.Format.ValueString()
	if h.Format.IsUnknown() {
		return
	}
	if !slices.Contains(headerFormats, format) {
		c.fail(p.AtName("format"), "Invalid header format", fmt.Sprintf("header.format %q is not one of %s.", format, strings.Join(headerFormats, ", ")))
		return
	}
	text, unknownText := h.Text.ValueString(), h.Text.IsUnknown()
	switch {
	case format == "TEXT" && h.Text.IsNull():
		c.fail(p.AtName("text"), "Missing header text", "A TEXT header needs text, at most 60 characters.")
	case format != "TEXT" && !h.Text.IsNull():
		c.fail(p.AtName("text"), "Text in a media header", fmt.Sprintf("A %s header has no text; text is for format = \"TEXT\".", format))
	case format == "TEXT" && !unknownText:
		if n := utf8.RuneCountInString(text); n > maxHeaderText {
			c.fail(p.AtName("text"), "Header text too long", fmt.Sprintf("The header text has %d characters; Meta allows %d.", n, maxHeaderText))
		}
		vars := c.variables(p.AtName("text"), text)
		if len(vars) > 1 {
			c.fail(p.AtName("text"), "Too many header variables", fmt.Sprintf("A header may hold one variable; this one has %s.", braces(vars)))
		}
		if len(vars) == 1 && h.Example.IsNull() {
			c.fail(p.AtName("example"), "Missing header example", fmt.Sprintf("The header's variable %s needs an example value for Meta's review: set header.example.", braces(vars)))
		}
		if len(vars) == 0 && !h.Example.IsNull() && !h.Example.IsUnknown() {
			c.fail(p.AtName("example"), "Example without a variable", "header.example is the value of the header's variable, and the header text has none.")
		}
	}
	isMedia := slices.Contains(mediaFormats, format)
	if isMedia && h.MediaFile.IsNull() {
		c.fail(p.AtName("media_file"), "Missing header media", fmt.Sprintf("A %s header needs a sample file for Meta's review: set header.media_file to a local file; the provider uploads it.", format))
	}
	if !isMedia && !h.MediaFile.IsNull() {
		c.fail(p.AtName("media_file"), "Media file without a media header", "header.media_file is for IMAGE, VIDEO and DOCUMENT headers.")
	}
}

func (c templateChecks) body(b *templateBodyModel, missing bool) {
	p := path.Root("body")
	if missing {
		if c.knownCategory && !c.auth {
			c.fail(p, "Missing body", "Every template but an authentication one has a body: set body.text.")
		}
		return
	}
	if b == nil || b.Text.IsUnknown() {
		return
	}
	if c.knownCategory && c.auth {
		if !b.Text.IsNull() {
			c.fail(p.AtName("text"), "Text in an authentication template", "Meta writes the body of an authentication template (\"{{1}} is your verification code.\"); leave body.text out and set add_security_recommendation if you want its warning.")
		}
		return
	}
	if b.Text.IsNull() {
		c.fail(p.AtName("text"), "Missing body text", "The body needs text, at most 1024 characters.")
		return
	}
	if !b.AddSecurityRecommendation.IsNull() && c.knownCategory {
		c.fail(p.AtName("add_security_recommendation"), "Security recommendation outside an authentication template", "add_security_recommendation is for AUTHENTICATION templates.")
	}
	text := b.Text.ValueString()
	if n := utf8.RuneCountInString(text); n > maxBodyText {
		c.fail(p.AtName("text"), "Body text too long", fmt.Sprintf("The body text has %d characters; Meta allows %d.", n, maxBodyText))
	}
	vars := c.variables(p.AtName("text"), text)
	if b.Examples.IsUnknown() {
		return
	}
	examples := b.Examples.Elements()
	var missingExamples, extra []string
	for _, v := range vars {
		if _, ok := examples[v]; !ok {
			missingExamples = append(missingExamples, v)
		}
	}
	for k := range examples {
		if !slices.Contains(vars, k) {
			extra = append(extra, k)
		}
	}
	if len(missingExamples) > 0 {
		c.fail(p.AtName("examples"), "Missing body examples", fmt.Sprintf("Meta's review needs an example for every variable: body.examples has none for %s. "+
			"Key them by number in a positional template ({ \"1\" = \"Jim\" }) and by name in a named one ({ first_name = \"Jim\" }).", braces(missingExamples)))
	}
	if len(extra) > 0 {
		c.fail(p.AtName("examples"), "Examples without a variable", fmt.Sprintf("body.examples has %s, which the body text does not use.", strings.Join(quoteAll(extra), ", ")))
	}
}

func (c templateChecks) footer(f *templateFooterModel) {
	if f == nil {
		return
	}
	p := path.Root("footer")
	if !c.knownCategory {
		return
	}
	if c.auth {
		if !f.Text.IsNull() {
			c.fail(p.AtName("text"), "Text in an authentication template", "Meta writes an authentication template's footer from code_expiration_minutes; leave footer.text out.")
		}
		if v := f.CodeExpirationMinutes; !v.IsNull() && !v.IsUnknown() && (v.ValueInt64() < 1 || v.ValueInt64() > maxCodeExpiration) {
			c.fail(p.AtName("code_expiration_minutes"), "Invalid code expiration", fmt.Sprintf("code_expiration_minutes must be between 1 and %d; got %d.", maxCodeExpiration, v.ValueInt64()))
		}
		return
	}
	if !f.CodeExpirationMinutes.IsNull() {
		c.fail(p.AtName("code_expiration_minutes"), "Code expiration outside an authentication template", "code_expiration_minutes is for AUTHENTICATION templates.")
	}
	if f.Text.IsNull() {
		c.fail(p.AtName("text"), "Missing footer text", "The footer needs text, at most 60 characters.")
		return
	}
	if n := utf8.RuneCountInString(f.Text.ValueString()); !f.Text.IsUnknown() && n > maxFooterText {
		c.fail(p.AtName("text"), "Footer text too long", fmt.Sprintf("The footer text has %d characters; Meta allows %d.", n, maxFooterText))
	}
	if vars := variablesOf(f.Text.ValueString()); len(vars) > 0 {
		c.fail(p.AtName("text"), "Variable in the footer", "A footer cannot hold variables.")
	}
}

func (c templateChecks) buttons(buttons []templateButtonModel) {
	p := path.Root("buttons")
	if len(buttons) > maxButtons {
		c.fail(p, "Too many buttons", fmt.Sprintf("A template has at most %d buttons; this one has %d.", maxButtons, len(buttons)))
	}
	count := map[string]int{}
	for i, b := range buttons {
		bp := p.AtListIndex(i)
		if b.Type.IsUnknown() {
			continue
		}
		typ := b.Type.ValueString()
		count[typ]++
		if !slices.Contains(buttonTypes, typ) {
			c.fail(bp.AtName("type"), "Invalid button type", fmt.Sprintf("Button type %q is not one of %s.", typ, strings.Join(buttonTypes, ", ")))
			continue
		}
		if c.knownCategory && c.auth != (typ == "OTP") {
			if c.auth {
				c.fail(bp.AtName("type"), "Invalid button in an authentication template", "An authentication template has one button, of type OTP.")
			} else {
				c.fail(bp.AtName("type"), "OTP button outside an authentication template", "OTP buttons are for AUTHENTICATION templates.")
			}
		}
		c.button(bp, typ, b)
	}
	if count["URL"] > maxURLButtons {
		c.fail(p, "Too many URL buttons", fmt.Sprintf("A template has at most %d URL buttons; this one has %d.", maxURLButtons, count["URL"]))
	}
	if count["PHONE_NUMBER"] > maxPhoneButtons {
		c.fail(p, "Too many phone number buttons", fmt.Sprintf("A template has at most %d phone number button; this one has %d.", maxPhoneButtons, count["PHONE_NUMBER"]))
	}
	if c.knownCategory && c.auth && len(buttons) != 1 {
		c.fail(p, "Authentication template buttons", fmt.Sprintf("An authentication template has exactly one OTP button; this one has %d buttons.", len(buttons)))
	}
}

func (c templateChecks) button(p path.Path, typ string, b templateButtonModel) {
	requireAttr := func(name string, v types.String, why string) {
		if v.IsNull() {
			c.fail(p.AtName(name), "Missing button "+name, fmt.Sprintf("A %s button needs %s: %s.", typ, name, why))
		}
	}
	maxLen := func(name string, v types.String, limit int) {
		if n := utf8.RuneCountInString(v.ValueString()); !v.IsUnknown() && n > limit {
			c.fail(p.AtName(name), "Button "+name+" too long", fmt.Sprintf("The button's %s has %d characters; Meta allows %d.", name, n, limit))
		}
	}
	if slices.Contains(labelledButton, typ) {
		requireAttr("text", b.Text, "the label shown on the button")
	}
	maxLen("text", b.Text, maxButtonText)
	switch typ {
	case "URL":
		requireAttr("url", b.URL, "where the button leads")
		maxLen("url", b.URL, maxButtonURL)
		if u := b.URL.ValueString(); !b.URL.IsUnknown() && !b.URL.IsNull() {
			if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				c.fail(p.AtName("url"), "Invalid button URL", fmt.Sprintf("The button's url %q must start with https:// or http://.", u))
			}
			vars := variablesOf(u)
			if len(vars) > 1 || (len(vars) == 1 && !strings.HasSuffix(u, "}}")) {
				c.fail(p.AtName("url"), "Invalid button URL variable", "A URL button may hold one variable, at the end of the url, such as https://example.com/track/{{1}}.")
			}
			if len(vars) == 1 && b.Example.IsNull() {
				c.fail(p.AtName("example"), "Missing button example", "A URL with a variable needs an example: the full URL with a sample value, such as https://example.com/track/ABC123.")
			}
		}
	case "PHONE_NUMBER":
		requireAttr("phone_number", b.PhoneNumber, "the number the button calls, with its country code")
		maxLen("phone_number", b.PhoneNumber, maxButtonPhone)
	case "COPY_CODE":
		requireAttr("example", b.Example, "a sample code for Meta's review")
		maxLen("example", b.Example, maxCopyCodeExample)
	case "OTP":
		requireAttr("otp_type", b.OTPType, "COPY_CODE, ONE_TAP or ZERO_TAP")
		if t := b.OTPType.ValueString(); !b.OTPType.IsNull() && !b.OTPType.IsUnknown() && !slices.Contains(otpTypes, t) {
			c.fail(p.AtName("otp_type"), "Invalid OTP type", fmt.Sprintf("otp_type %q is not one of %s.", t, strings.Join(otpTypes, ", ")))
		}
		if t := b.OTPType.ValueString(); t == "ONE_TAP" || t == "ZERO_TAP" {
			requireAttr("package_name", b.PackageName, "the Android app that receives the code")
			requireAttr("signature_hash", b.SignatureHash, "the app's signing key hash")
		}
	case "FLOW":
		requireAttr("flow_id", b.FlowID, "the Flow the button opens")
	}
}

func (c templateChecks) extra(extra []map[string]any) {
	for i, comp := range extra {
		typ := strings.ToUpper(jsonText(comp["type"]))
		if typ == "" {
			c.fail(path.Root("extra_components_json"), "Component without a type", fmt.Sprintf("Component %d of extra_components_json has no \"type\".", i))
			continue
		}
		if _, modelled := map[string]bool{"HEADER": true, "BODY": true, "FOOTER": true, "BUTTONS": true}[typ]; modelled {
			c.fail(path.Root("extra_components_json"), "Modelled component in extra_components_json",
				fmt.Sprintf("extra_components_json holds a %s component: set it with the %s attribute instead, which the plan checks.", typ, strings.ToLower(typ)))
		}
	}
}

func braces(vars []string) string {
	out := make([]string, len(vars))
	for i, v := range vars {
		out[i] = "{{" + v + "}}"
	}
	return strings.Join(out, ", ")
}

func quoteAll(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strconv.Quote(v)
	}
	return out
}
