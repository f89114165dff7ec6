package provider

import (
	"fmt"
	"strings"
	"testing"
)

// templateWith declares a template of the fixture WABA with body as its
// arguments after waba_id.
func templateWith(body string) string {
	return "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n  app_id = \"670843887433847\"\n}\n" +
		"resource \"whatsapp_message_template\" \"x\" {\n  waba_id = \"102290129340398\"\n" + body + "\n}\n"
}

// utilityWith is a utility template named order_update with extra
// arguments.
func utilityWith(extra string) string {
	return templateWith(`  name     = "order_update"
  language = "en_US"
  category = "UTILITY"
` + extra)
}

// TestMessageTemplateResource_validation feeds templates Meta would refuse
// through terraform plan: each is refused before any Graph request.
func TestMessageTemplateResource_validation(t *testing.T) {
	body := func(text string) string { return fmt.Sprintf("  body = { text = %q }", text) }
	button := func(b string) string { return `  body = { text = "Hi" }` + "\n  buttons = [" + b + "]" }
	cases := []struct{ name, config, want string }{
		{"upper-case name", strings.Replace(utilityWith(body("Hi")), `"order_update"`, `"Order_Update"`, 1), `(?s)name.*lower-case letters, digits and underscores`},
		{"bad language", strings.Replace(utilityWith(body("Hi")), `"en_US"`, `"english"`, 1), `(?s)language.*language code`},
		{"unknown category", strings.Replace(utilityWith(body("Hi")), `"UTILITY"`, `"TRANSACTIONAL"`, 1), `(?s)"TRANSACTIONAL" is not a template category`},
		{"no body", utilityWith(""), `(?s)Missing body.*set body.text`},
		{"body too long", utilityWith(body(strings.Repeat("a", 1025))), `(?s)The body text has 1025 characters; Meta allows 1024`},
		{"variable without example", utilityWith(body("Hi {{1}}")), `(?s)Missing body examples.*none for \{\{1\}\}`},
		{"variables out of sequence", utilityWith(`  body = { text = "Hi {{1}} and {{3}}", examples = { "1" = "a", "3" = "c" } }`), `(?s)numbered from \{\{1\}\} without gaps.*no \{\{2\}\}`},
		{"named variable in a positional template", utilityWith(`  body = { text = "Hi {{name}}", examples = { name = "Jim" } }`), `(?s)\{\{name\}\} is not a positional variable.*parameter_format = "NAMED"`},
		{"positional variable in a named template", utilityWith(`  parameter_format = "NAMED"
  body = { text = "Hi {{1}}", examples = { "1" = "Jim" } }`), `(?s)\{\{1\}\} is not a named variable`},
		{"example without a variable", utilityWith(`  body = { text = "Hi", examples = { "1" = "Jim" } }`), `(?s)Examples without a variable.*"1"`},
		{"header text too long", utilityWith(body("Hi") + fmt.Sprintf("\n  header = { format = \"TEXT\", text = %q }", strings.Repeat("h", 61))), `(?s)header text has 61 characters; Meta allows 60`},
		{"two header variables", utilityWith(body("Hi") + `
  header = { format = "TEXT", text = "{{1}} {{2}}", example = "x" }`), `(?s)A header may hold one variable`},
		{"image header without a file", utilityWith(body("Hi") + `
  header = { format = "IMAGE" }`), `(?s)A IMAGE header needs a sample file`},
		{"image header with a PDF", utilityWith(body("Hi") + `
  header = { format = "IMAGE", media_file = "testdata/profile/not-an-image.png" }`), `(?s)Unusable header media file.*not a JPEG or PNG image`},
		{"text in a media header", utilityWith(body("Hi") + `
  header = { format = "LOCATION", text = "Here" }`), `(?s)A LOCATION header has no text`},
		{"footer too long", utilityWith(body("Hi") + fmt.Sprintf("\n  footer = { text = %q }", strings.Repeat("f", 61))), `(?s)footer text has 61 characters; Meta allows 60`},
		{"eleven buttons", utilityWith(button(strings.Repeat(`{ type = "QUICK_REPLY", text = "a" },`, 11))), `(?s)A template has at most 10 buttons; this one has 11`},
		{"three URL buttons", utilityWith(button(strings.Repeat(`{ type = "URL", text = "a", url = "https://a.example" },`, 3))), `(?s)at most 2 URL buttons; this one has 3`},
		{"two phone buttons", utilityWith(button(strings.Repeat(`{ type = "PHONE_NUMBER", text = "a", phone_number = "+15550100" },`, 2))), `(?s)at most 1 phone number button`},
		{"button label too long", utilityWith(button(fmt.Sprintf(`{ type = "QUICK_REPLY", text = %q }`, strings.Repeat("b", 26)))), `(?s)The button's text has 26 characters; Meta allows 25`},
		{"URL variable without example", utilityWith(button(`{ type = "URL", text = "Track", url = "https://a.example/{{1}}" }`)), `(?s)A URL with a variable needs an example`},
		{"URL variable in the middle", utilityWith(button(`{ type = "URL", text = "Track", url = "https://a.example/{{1}}/x", example = "https://a.example/1/x" }`)), `(?s)one variable, at the end of the url`},
		{"unknown button type", utilityWith(button(`{ type = "CALL", text = "a" }`)), `(?s)"CALL" is not a button type`},
		{"OTP outside authentication", utilityWith(button(`{ type = "OTP", otp_type = "COPY_CODE" }`)), `(?s)OTP buttons are for AUTHENTICATION templates`},
		{"authentication with body text", templateWith(`  name = "code"
  language = "en_US"
  category = "AUTHENTICATION"
  body = { text = "Your code is {{1}}", examples = { "1" = "123" } }
  buttons = [{ type = "OTP", otp_type = "COPY_CODE" }]`), `(?s)Meta writes the body of an authentication template`},
		{"authentication without OTP", templateWith(`  name = "code"
  language = "en_US"
  category = "AUTHENTICATION"
  body = { add_security_recommendation = true }`), `(?s)An authentication template has exactly one OTP button; this one has 0`},
		{"one-tap without package", templateWith(`  name = "code"
  language = "en_US"
  category = "AUTHENTICATION"
  buttons = [{ type = "OTP", otp_type = "ONE_TAP" }]`), `(?s)A OTP button needs package_name`},
		{"expiry too long", templateWith(`  name = "code"
  language = "en_US"
  category = "AUTHENTICATION"
  footer = { code_expiration_minutes = 91 }
  buttons = [{ type = "OTP", otp_type = "COPY_CODE" }]`), `(?s)code_expiration_minutes must be between 1 and 90; got 91`},
		{"extra JSON not an array", utilityWith(body("Hi") + "\n  extra_components_json = \"{\\\"type\\\":\\\"CAROUSEL\\\"}\""), `(?s)extra_components_json must be a JSON array`},
		{"modelled component in extra JSON", utilityWith(body("Hi") + "\n  extra_components_json = jsonencode([{ type = \"FOOTER\", text = \"x\" }])"), `(?s)holds a FOOTER component: set it with the footer attribute`},
		{"TTL too short", utilityWith(body("Hi") + "\n  message_send_ttl_seconds = 10"), `(?s)message_send_ttl_seconds.*between 30 and 2592000`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestMessageTemplateResource_importIDValidation refuses import IDs of
// neither form, before any Graph request.
func TestMessageTemplateResource_importIDValidation(t *testing.T) {
	for _, id := range []string{"1192339204654487", "102290129340398/Order/en_US", "102290129340398/order_update", "102290129340398/order_update/english/x"} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), utilityWith(`  body = { text = "Hi" }`), "whatsapp_message_template.x", id,
				`(?s)imported by <waba_id>/<template_id>.*or by\s+<waba_id>/<name>/<language>`)
		})
	}
}
