package simulator

import (
	"encoding/json"
	"testing"
)

// TestTemplateReadBackNormalised creates a template sent the way a careless
// client might and reads back what Graph would answer: each rule of
// template_normalise.go.
func TestTemplateReadBackNormalised(t *testing.T) {
	s := newTestServer(t)
	image := upload(t, s, "image/jpeg", []byte("\xff\xd8\xff a jpeg"))
	id := createTemplate(t, s, templateJSON("summer_sale", "en_US", "marketing", `[
		{"type":"header","format":"image","example":{"header_handle":["`+image+`"]}},
		{"type":"body","text":"Hi {{1}}, {{2}} off!","example":{"body_text":[["Ann","20%"]]}},
		{"type":"footer","text":"Reply STOP to opt out","example":{}},
		{"type":"limited_time_offer","limited_time_offer":{"text":"Ends soon","has_expiration":true},"note":""},
		{"type":"buttons","buttons":[
			{"type":"url","text":"Shop","url":"https://acme.example/sale","example":["https://acme.example/sale"]},
			{"type":"url","text":"Track","url":"https://acme.example/t/{{1}}","example":["https://acme.example/t/A1"]},
			{"type":"phone_number","text":"Call us","phone_number":"15550100"},
			{"type":"quick_reply","text":"Not now","example":[]},
			{"type":"copy_code","example":"SUMMER20"},
			{"type":"flow","text":"Book","flow_id":"1234","flow_action":"navigate","navigate_screen":"WELCOME"}
		]}]`))
	var got []map[string]any
	if err := json.Unmarshal([]byte(componentsJSON(t, s, id)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("components = %v", got)
	}
	header := got[0]
	handles, _ := header["example"].(map[string]any)["header_handle"].([]any)
	if header["type"] != "HEADER" || header["format"] != "IMAGE" || len(handles) != 1 || !cdnPattern.MatchString(handles[0].(string)) {
		t.Errorf("media header = %v: want HEADER, IMAGE and the CDN address instead of the handle", header)
	}
	// The address stays the same from read to read.
	if again := componentsJSON(t, s, id); again != componentsJSON(t, s, id) {
		t.Error("the CDN address changed between reads")
	}
	want := map[int]string{
		1: `{"example":{"body_text":[["Ann","20%"]]},"text":"Hi {{1}}, {{2}} off!","type":"BODY"}`,
		2: `{"text":"Reply STOP to opt out","type":"FOOTER"}`,
		3: `{"limited_time_offer":{"has_expiration":true,"text":"Ends soon"},"note":"","type":"LIMITED_TIME_OFFER"}`,
		4: `{"buttons":[` +
			`{"text":"Shop","type":"URL","url":"https://acme.example/sale"},` +
			`{"example":["https://acme.example/t/A1"],"text":"Track","type":"URL","url":"https://acme.example/t/{{1}}"},` +
			`{"phone_number":"+15550100","text":"Call us","type":"PHONE_NUMBER"},` +
			`{"text":"Not now","type":"QUICK_REPLY"},` +
			`{"example":"SUMMER20","type":"COPY_CODE"},` +
			`{"flow_action":"navigate","flow_id":"1234","navigate_screen":"WELCOME","text":"Book","type":"FLOW"}],"type":"BUTTONS"}`,
	}
	for i, w := range want {
		data := encodeJSON(got[i])
		if string(data) != w {
			t.Errorf("component %d reads\n%s\nwant\n%s", i, data, w)
		}
	}
}

func TestAuthenticationTemplateReadBack(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name, components, want string
	}{
		{
			name:       "copy code with security recommendation and expiry",
			components: `[{"type":"body","add_security_recommendation":true},{"type":"footer","code_expiration_minutes":10},{"type":"buttons","buttons":[{"type":"otp","otp_type":"copy_code"}]}]`,
			want: `[{"add_security_recommendation":true,"example":{"body_text":[["123456"]]},"text":"*{{1}}* is your verification code. For your security, do not share this code.","type":"BODY"},` +
				`{"code_expiration_minutes":10,"text":"This code expires in 10 minutes.","type":"FOOTER"},` +
				`{"buttons":[{"example":["https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456"],"text":"Copy code","type":"URL","url":"https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}"}],"type":"BUTTONS"}]`,
		},
		{
			name:       "one tap without recommendation",
			components: `[{"type":"BODY","add_security_recommendation":false},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"one_tap","text":"Copy","autofill_text":"Autofill","package_name":"com.acme.app","signature_hash":"K8a/AINcGX7"}]}]`,
			want: `[{"add_security_recommendation":false,"example":{"body_text":[["123456"]]},"text":"*{{1}}* is your verification code.","type":"BODY"},` +
				`{"buttons":[{"autofill_text":"Autofill","example":["https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&code=otp123456"],"package_name":"com.acme.app","signature_hash":"K8a/AINcGX7","text":"Copy","type":"URL","url":"https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&code=otp{{1}}"}],"type":"BUTTONS"}]`,
		},
		{
			name:       "zero tap with supported apps",
			components: `[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ZERO_TAP","zero_tap_terms_accepted":true,"supported_apps":[{"package_name":"com.acme.app","signature_hash":"K8a/AINcGX7"}]}]}]`,
			want: `[{"example":{"body_text":[["123456"]]},"text":"*{{1}}* is your verification code.","type":"BODY"},` +
				`{"buttons":[{"example":["https://www.whatsapp.com/otp/code/?otp_type=ZERO_TAP&code=otp123456"],"supported_apps":[{"package_name":"com.acme.app","signature_hash":"K8a/AINcGX7"}],"text":"Copy code","type":"URL","url":"https://www.whatsapp.com/otp/code/?otp_type=ZERO_TAP&code=otp{{1}}","zero_tap_terms_accepted":true}],"type":"BUTTONS"}]`,
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := createTemplate(t, s, templateJSON("login_code_"+string(rune('a'+i)), "en_US", "authentication", tt.components))
			if got := componentsJSON(t, s, id); got != tt.want {
				t.Errorf("components read\n%s\nwant\n%s", got, tt.want)
			}
			if c := readTemplate(t, s, id, "category")["category"]; c != "AUTHENTICATION" {
				t.Errorf("category = %v", c)
			}
		})
	}
}
