package simulator

import (
	"net/http"
	"strings"
	"testing"
)

// TestCreateTemplateValidation sends a create that breaks one rule at a
// time: each is refused with code 100, a message naming the field, and
// nothing stored.
func TestCreateTemplateValidation(t *testing.T) {
	s := newTestServer(t)
	image := upload(t, s, "image/jpeg", []byte("\xff\xd8\xff a jpeg"))
	pdf := upload(t, s, "application/pdf", []byte("%PDF-1.7"))
	body := func(components string) string { return templateJSON("valid_name", "en_US", "MARKETING", components) }
	auth := func(components string) string {
		return templateJSON("login_code", "en_US", "AUTHENTICATION", components)
	}
	const otp = `{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}`
	withBody := func(parts ...string) string {
		return "[" + strings.Join(append(parts, `{"type":"BODY","text":"Hi"}`), ",") + "]"
	}
	withButtons := func(buttons ...string) string {
		return withBody(`{"type":"BUTTONS","buttons":[` + strings.Join(buttons, ",") + `]}`)
	}
	tests := []struct {
		name, body, says string
	}{
		{"unknown parameter", `{"name":"x","language":"en","category":"UTILITY","components":[],"colour":"red"}`, "Param colour is not a valid parameter"},
		{"no name", `{"language":"en_US","category":"UTILITY","components":` + simpleBody + `}`, "parameter name is required"},
		{"name in capitals", templateJSON("Hello", "en_US", "UTILITY", simpleBody), "Param name must be"},
		{"name too long", templateJSON(strings.Repeat("a", 513), "en_US", "UTILITY", simpleBody), "Param name must be"},
		{"no language", `{"name":"x","category":"UTILITY","components":` + simpleBody + `}`, "parameter language is required"},
		{"language not a code", templateJSON("x", "english", "UTILITY", simpleBody), "Param language must be a language code"},
		{"unknown category", templateJSON("x", "en_US", "PROMOTIONAL", simpleBody), "Param category must be one of"},
		{"unknown parameter_format", `{"name":"x","language":"en","category":"UTILITY","parameter_format":"MIXED","components":` + simpleBody + `}`, "Param parameter_format"},
		{"ttl out of the category's range", `{"name":"x","language":"en","category":"UTILITY","message_send_ttl_seconds":86400,"components":` + simpleBody + `}`, "message_send_ttl_seconds must be between 30 and 43200 for UTILITY"},
		{"ttl not a number", `{"name":"x","language":"en","category":"MARKETING","message_send_ttl_seconds":"soon","components":` + simpleBody + `}`, "message_send_ttl_seconds must be an integer"},
		{"no components", `{"name":"x","language":"en","category":"UTILITY"}`, "parameter components is required"},
		{"components not a list", body(`{"type":"BODY"}`), "Param components must be a non-empty JSON array"},
		{"no component", body(`[]`), "Param components must be a non-empty JSON array"},
		{"unknown component", body(`[{"type":"SIDEBAR"},{"type":"BODY","text":"Hi"}]`), "components[0].type must be one of"},
		{"two bodies", body(`[{"type":"BODY","text":"a"},{"type":"body","text":"b"}]`), "at most one BODY component"},
		{"no body", body(`[{"type":"FOOTER","text":"a"}]`), "needs a BODY component"},
		{"body without text", body(`[{"type":"BODY"}]`), "BODY text is required"},
		{"body too long", body(`[{"type":"BODY","text":"` + strings.Repeat("x", 1025) + `"}]`), "BODY text must be at most 1024 characters"},
		{"body variables with a gap", body(`[{"type":"BODY","text":"{{1}} {{3}}","example":{"body_text":[["a","b"]]}}]`), "{{2}} is missing"},
		{"body variable without example", body(`[{"type":"BODY","text":"Hi {{1}}"}]`), "example.body_text must be [[...]] with 1"},
		{"body examples short", body(`[{"type":"BODY","text":"{{1}} {{2}}","example":{"body_text":[["a"]]}}]`), "example.body_text must be [[...]] with 2"},
		{"body example not nested", body(`[{"type":"BODY","text":"{{1}}","example":{"body_text":["a"]}}]`), "example.body_text must be [[...]]"},
		{"named variable in a positional template", body(`[{"type":"BODY","text":"Hi {{name}}"}]`), "with parameter_format POSITIONAL"},
		{"positional variable in a named template", `{"name":"x","language":"en","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hi {{1}}"}]}`, "with parameter_format NAMED"},
		{"named examples that do not match", `{"name":"x","language":"en","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hi {{first_name}}","example":{"body_text_named_params":[{"param_name":"last_name","example":"Li"}]}}]}`, "{{first_name}}, so example.body_text_named_params"},
		{"named example twice", `{"name":"x","language":"en","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hi {{a}}","example":{"body_text_named_params":[{"param_name":"a","example":"1"},{"param_name":"a","example":"2"}]}}]}`, "example.body_text_named_params"},
		{"header without format", body(withBody(`{"type":"HEADER","text":"Hi"}`)), "HEADER format must be one of"},
		{"header text too long", body(withBody(`{"type":"HEADER","format":"TEXT","text":"` + strings.Repeat("x", 61) + `"}`)), "HEADER text must be at most 60 characters"},
		{"header with two variables", body(withBody(`{"type":"HEADER","format":"TEXT","text":"{{1}} {{2}}","example":{"header_text":["a","b"]}}`)), "at most one variable"},
		{"header variable without example", body(withBody(`{"type":"HEADER","format":"TEXT","text":"Hi {{1}}"}`)), "example.header_text must be [...]"},
		{"named header without example", `{"name":"x","language":"en","category":"UTILITY","parameter_format":"NAMED","components":` + withBody(`{"type":"HEADER","format":"TEXT","text":"Hi {{who}}","example":{"header_text":["Ann"]}}`) + `}`, "example.header_text_named_params"},
		{"media header without handle", body(withBody(`{"type":"HEADER","format":"IMAGE"}`)), "needs example.header_handle"},
		{"media header with an unknown handle", body(withBody(`{"type":"HEADER","format":"IMAGE","example":{"header_handle":["4:bm9wZQ==:x"]}}`)), "Invalid header_handle"},
		{"image header with a pdf handle", body(withBody(`{"type":"HEADER","format":"IMAGE","example":{"header_handle":["` + pdf + `"]}}`)), "Invalid header_handle"},
		{"two headers", body(withBody(`{"type":"HEADER","format":"LOCATION"}`, `{"type":"HEADER","format":"IMAGE","example":{"header_handle":["`+image+`"]}}`)), "at most one HEADER"},
		{"footer too long", body(withBody(`{"type":"FOOTER","text":"` + strings.Repeat("x", 61) + `"}`)), "FOOTER text must be at most 60"},
		{"footer with a variable", body(withBody(`{"type":"FOOTER","text":"Bye {{1}}"}`)), "FOOTER text cannot have variables"},
		{"no buttons", body(withBody(`{"type":"BUTTONS","buttons":[]}`)), "non-empty buttons list"},
		{"eleven buttons", body(withButtons(strings.Repeat(`{"type":"QUICK_REPLY","text":"ok"},`, 10) + `{"type":"QUICK_REPLY","text":"ok"}`)), "at most 10 buttons"},
		{"unknown button", body(withButtons(`{"type":"SPIN"}`)), "buttons[0].type must be one of"},
		{"quick reply label too long", body(withButtons(`{"type":"QUICK_REPLY","text":"` + strings.Repeat("x", 26) + `"}`)), "buttons[0] (QUICK_REPLY) text must be at most 25"},
		{"quick reply without label", body(withButtons(`{"type":"quick_reply"}`)), "buttons[0] (QUICK_REPLY) text is required"},
		{"url not http", body(withButtons(`{"type":"URL","text":"Go","url":"ftp://x.example"}`)), "url is required and must start with http"},
		{"url too long", body(withButtons(`{"type":"URL","text":"Go","url":"https://x.example/` + strings.Repeat("a", 2000) + `"}`)), "url must be at most 2000"},
		{"three url buttons", body(withButtons(`{"type":"URL","text":"a","url":"https://a.example"}`, `{"type":"URL","text":"b","url":"https://b.example"}`, `{"type":"URL","text":"c","url":"https://c.example"}`)), "at most 2 URL button(s)"},
		{"url variable inside", body(withButtons(`{"type":"URL","text":"Go","url":"https://x.example/{{1}}/end","example":["https://x.example/a/end"]}`)), "{{1}}, at its end"},
		{"url variable without example", body(withButtons(`{"type":"URL","text":"Go","url":"https://x.example/{{1}}"}`)), "example must be a list with one full URL"},
		{"phone number too long", body(withButtons(`{"type":"PHONE_NUMBER","text":"Call","phone_number":"+1234567890123456789012"}`)), "phone_number must be at most 20"},
		{"two phone numbers", body(withButtons(`{"type":"PHONE_NUMBER","text":"a","phone_number":"+15550100"}`, `{"type":"PHONE_NUMBER","text":"b","phone_number":"+15550101"}`)), "at most 1 PHONE_NUMBER"},
		{"copy code too long", body(withButtons(`{"type":"COPY_CODE","example":"ABCDEFGHIJKLMNOP"}`)), "at most 15 characters"},
		{"otp outside authentication", body(withButtons(`{"type":"OTP","otp_type":"COPY_CODE"}`)), "OTP buttons are for AUTHENTICATION"},
		{"flow named twice", body(withButtons(`{"type":"FLOW","text":"Book","flow_id":"123","flow_name":"booking"}`)), "exactly one of flow_id, flow_name or flow_json"},
		{"flow with an unknown action", body(withButtons(`{"type":"FLOW","text":"Book","flow_id":"123","flow_action":"jump"}`)), "flow_action must be one of"},
		{"authentication body text", auth(`[{"type":"BODY","text":"Your code is {{1}}"},` + otp + `]`), "AUTHENTICATION BODY takes only add_security_recommendation"},
		{"authentication header", auth(`[{"type":"HEADER","format":"TEXT","text":"Code"},{"type":"BODY"},` + otp + `]`), "takes no HEADER"},
		{"authentication without buttons", auth(`[{"type":"BODY"}]`), "needs a BUTTONS component"},
		{"authentication quick reply", auth(`[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"ok"}]}]`), "OTP buttons are for AUTHENTICATION templates, which take no other"},
		{"authentication two buttons", auth(`[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"},{"type":"OTP","otp_type":"COPY_CODE"}]}]`), "exactly one button"},
		{"unknown otp type", auth(`[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"TWO_TAP"}]}]`), "otp_type must be one of"},
		{"one tap without app", auth(`[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","package_name":"com.acme"}]}]`), "needs package_name and signature_hash"},
		{"zero tap app without hash", auth(`[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ZERO_TAP","supported_apps":[{"package_name":"com.acme"}]}]}]`), "needs package_name and signature_hash"},
		{"code expiration zero", auth(`[{"type":"BODY"},{"type":"FOOTER","code_expiration_minutes":0},` + otp + `]`), "code_expiration_minutes must be a whole number of minutes from 1 to 90"},
		{"code expiration too long", auth(`[{"type":"BODY"},{"type":"FOOTER","code_expiration_minutes":91},` + otp + `]`), "from 1 to 90"},
		{"authentication footer text", auth(`[{"type":"BODY"},{"type":"FOOTER","text":"Bye"},` + otp + `]`), "takes only code_expiration_minutes"},
		{"security recommendation not a boolean", auth(`[{"type":"BODY","add_security_recommendation":"yes"},` + otp + `]`), "must be true or false"},
		{"carousel in authentication", auth(`[{"type":"BODY"},{"type":"CAROUSEL","cards":[]},` + otp + `]`), "takes only BODY, FOOTER and BUTTONS"},
		{"authentication ttl too long", `{"name":"x","language":"en","category":"AUTHENTICATION","message_send_ttl_seconds":901,"components":[{"type":"BODY"},` + otp + `]}`, "between 30 and 900 for AUTHENTICATION"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantRefused(t, s, postTemplate(t, s, tt.body), tt.says, 3)
		})
	}
	// The same handles and shapes are accepted where they fit.
	createTemplate(t, s, body(withBody(`{"type":"HEADER","format":"IMAGE","example":{"header_handle":["`+image+`"]}}`)))
	createTemplate(t, s, templateJSON("with_document", "en_US", "UTILITY", withBody(`{"type":"HEADER","format":"DOCUMENT","example":{"header_handle":["`+pdf+`"]}}`)))
}

// TestCreateTemplateHandleOfAnotherApp refuses a handle the upload API gave
// another app.
func TestCreateTemplateHandleOfAnotherApp(t *testing.T) {
	s := newTestServer(t)
	image := upload(t, s, "image/png", []byte("\x89PNG"))
	s.mu.Lock()
	file := s.uploads.files[image]
	file.appID = fixtureOtherApp
	s.uploads.files[image] = file
	s.mu.Unlock()
	res := postTemplate(t, s, templateJSON("x", "en_US", "MARKETING",
		`[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["`+image+`"]}},{"type":"BODY","text":"Hi"}]`))
	wantRefused(t, s, res, "Invalid header_handle", 3)
	if res.status != http.StatusBadRequest {
		t.Errorf("status %d", res.status)
	}
}
