package simulator

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

const qrPath = phonePath + "/message_qrdls"

func postQRCode(t *testing.T, s *Server, form url.Values) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: qrPath, token: tokenOK, form: form})
}

func TestQRCodeLifecycle(t *testing.T) {
	s := newTestServer(t)
	if got := dataOf(t, get(t, s, qrPath)); len(got) != 0 {
		t.Fatalf("default seed lists codes: %v", got)
	}
	res := postQRCode(t, s, url.Values{"prefilled_message": {"Hello"}, "generate_qr_image": {"SVG"}})
	wantStatus(t, res, http.StatusOK)
	code, _ := res.body["code"].(string)
	if !regexp.MustCompile(`^[A-Z2-7]{14}$`).MatchString(code) {
		t.Fatalf("code = %q", code)
	}
	if res.body["prefilled_message"] != "Hello" || res.body["deep_link_url"] != "https://wa.me/message/"+code ||
		!strings.HasSuffix(res.body["qr_image_url"].(string), ".svg") {
		t.Errorf("created = %s", res.raw)
	}

	// The list leaves the image URL out unless it is asked for.
	list := dataOf(t, get(t, s, qrPath))
	if len(list) != 1 || list[0]["code"] != code || list[0]["qr_image_url"] != nil {
		t.Errorf("list = %v", list)
	}
	// One code, in a format.
	one := get(t, s, qrPath+"/"+code+"?fields=code,qr_image_url.format(PNG)")
	wantStatus(t, one, http.StatusOK)
	if !strings.HasSuffix(one.body["qr_image_url"].(string), ".png") {
		t.Errorf("one = %s", one.raw)
	}

	// With code, the POST changes the message and keeps the code.
	res = postQRCode(t, s, url.Values{"code": {code}, "prefilled_message": {"Hi again"}, "generate_qr_image": {"PNG"}})
	wantStatus(t, res, http.StatusOK)
	if res.body["code"] != code || res.body["prefilled_message"] != "Hi again" {
		t.Errorf("updated = %s", res.raw)
	}
	if list := dataOf(t, get(t, s, qrPath)); len(list) != 1 || list[0]["prefilled_message"] != "Hi again" {
		t.Errorf("list after update = %v", list)
	}

	wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: qrPath + "/" + code, token: tokenOK}))
	if list := dataOf(t, get(t, s, qrPath)); len(list) != 0 {
		t.Errorf("list after delete = %v", list)
	}
}

func TestQRCodeValidation(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct {
		name    string
		form    url.Values
		message string
	}{
		{"no message", url.Values{"generate_qr_image": {"PNG"}}, "(#100) The parameter prefilled_message is required"},
		{"message over 140 characters", url.Values{"prefilled_message": {strings.Repeat("é", 141)}, "generate_qr_image": {"PNG"}},
			"(#100) Param prefilled_message must be at most 140 characters long"},
		{"bad format", url.Values{"prefilled_message": {"Hi"}, "generate_qr_image": {"JPG"}}, "(#100) Param generate_qr_image must be one of {PNG, SVG}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, postQRCode(t, s, tc.form), http.StatusBadRequest, 100, 0, tc.message)
		})
	}
	// 140 characters, not bytes, is the limit.
	wantStatus(t, postQRCode(t, s, url.Values{"prefilled_message": {strings.Repeat("é", 140)}, "generate_qr_image": {"PNG"}}), http.StatusOK)
	// Reads refuse a bad format and an unknown field.
	wantError(t, get(t, s, qrPath+"?fields=code,qr_image_url.format(GIF)"), http.StatusBadRequest, 100, 0, "")
	wantError(t, get(t, s, qrPath+"?fields=code,creator"), http.StatusBadRequest, 100, 0,
		"(#100) Tried accessing nonexisting field (creator) on node type (MessageQRDL)")
	if list := dataOf(t, get(t, s, qrPath)); len(list) != 1 {
		t.Errorf("refused POSTs changed the codes: %v", list)
	}
}

func TestQRCodeMissing(t *testing.T) {
	s := newTestServer(t)
	const missingCode = "AAAAAAAAAAAAA2"
	wantError(t, get(t, s, qrPath+"/"+missingCode), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodDelete, target: qrPath + "/" + missingCode, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
	wantError(t, postQRCode(t, s, url.Values{"code": {missingCode}, "prefilled_message": {"Hi"}, "generate_qr_image": {"PNG"}}),
		http.StatusBadRequest, 100, 33, "")
	const missingNumber = "/v25.0/106540352249999/message_qrdls"
	wantError(t, get(t, s, missingNumber), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: missingNumber, token: tokenOK,
		form: url.Values{"prefilled_message": {"Hi"}, "generate_qr_image": {"PNG"}}}), http.StatusBadRequest, 100, 33, "")
}

func TestQRCodeHiddenWABA(t *testing.T) {
	s := newTestServer(t)
	res := postQRCode(t, s, url.Values{"prefilled_message": {"Hi"}, "generate_qr_image": {"PNG"}})
	wantStatus(t, res, http.StatusOK)
	code := res.body["code"].(string)
	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	// The number's codes answer like missing ones to a token that cannot
	// see its WABA.
	wantError(t, get(t, s, qrPath), http.StatusBadRequest, 100, 33, "")
	wantError(t, get(t, s, qrPath+"/"+code), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodDelete, target: qrPath + "/" + code, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
	if err := s.Reveal(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	if list := dataOf(t, get(t, s, qrPath)); len(list) != 1 || list[0]["code"] != code {
		t.Errorf("after reveal = %v", list)
	}
}

// TestQRCodeWithoutImage: generate_qr_image is optional (Meta's OpenAPI
// description); without it the answer has no image URL, and a bad format
// is still refused.
func TestQRCodeWithoutImage(t *testing.T) {
	s := newTestServer(t)
	res := postQRCode(t, s, url.Values{"prefilled_message": {"Hello"}})
	wantStatus(t, res, http.StatusOK)
	if res.body["code"] == nil || res.body["deep_link_url"] == nil || res.body["qr_image_url"] != nil {
		t.Errorf("created without an image = %s", res.raw)
	}
	bad := postQRCode(t, s, url.Values{"prefilled_message": {"Hello"}, "generate_qr_image": {"GIF"}})
	wantStatus(t, bad, http.StatusBadRequest)
}
