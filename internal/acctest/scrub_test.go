package acctest

import (
	"net/http"
	"strings"
	"testing"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

func TestScrubberHook(t *testing.T) {
	reqHeaders := http.Header{
		"Authorization": {"Bearer tok-123456"},
		"User-Agent":    {"terraform-provider-whatsapp/test"},
		"Content-Type":  {"application/x-www-form-urlencoded"},
		"Cookie":        {"c=1"},
	}
	respHeaders := http.Header{
		"Content-Type":              {"application/json"},
		"X-Business-Use-Case-Usage": {"{}"},
		"Set-Cookie":                {"s=tok-123456"},
		"X-Fb-Trace-Id":             {"Abc"},
	}
	i := &cassette.Interaction{
		Request: cassette.Request{
			Method:     "POST",
			URL:        "http://127.0.0.1:5555/v26.0/999999999999999/assigned_users?access_token=tok-123456&appsecret_proof=ff&appsecret_time=17&fields=id",
			Host:       "127.0.0.1:5555",
			RemoteAddr: "127.0.0.1:1",
			Headers:    reqHeaders,
			Body:       "user=999999999999999&verify_token=vt&access_token=tok-123456&tasks=%5B%22MANAGE%22%5D",
		},
		Response: cassette.Response{
			Code:    200,
			Headers: respHeaders,
			Body:    `{"id":"999999999999999","verify_token":"vt","next":"http:\/\/127.0.0.1:5555\/v26.0\/x?access_token=tok-123456&limit=1"}`,
		},
	}
	s := &scrubber{
		secrets: []string{"tok-123456"},
		ids:     map[string]string{"999999999999999": "102290129340398"},
		bases:   []string{"http://127.0.0.1:5555"},
	}
	if err := s.hook(i); err != nil {
		t.Fatal(err)
	}

	if got, want := i.Request.URL, "https://graph.facebook.com/v26.0/102290129340398/assigned_users?fields=id"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := i.Request.Body, "user=102290129340398&verify_token=REDACTED&tasks=%5B%22MANAGE%22%5D"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if i.Request.ContentLength != int64(len(i.Request.Body)) || i.Request.Host != "graph.facebook.com" || i.Request.RemoteAddr != "" {
		t.Errorf("request framing not updated: %+v", i.Request)
	}
	if got := i.Request.Form; got.Get("access_token") != "" || got.Get("verify_token") != Redacted || got.Get("fields") != "id" || got.Get("user") != "102290129340398" {
		t.Errorf("form = %v", got)
	}
	if len(i.Request.Headers) != 2 || i.Request.Headers.Get("User-Agent") == "" || i.Request.Headers.Get("Content-Type") == "" {
		t.Errorf("request headers = %v, want only Content-Type and User-Agent", i.Request.Headers)
	}
	if _, ok := i.Response.Headers["Set-Cookie"]; ok || i.Response.Headers.Get("X-Fb-Trace-Id") != "Abc" || len(i.Response.Headers) != 3 {
		t.Errorf("response headers = %v", i.Response.Headers)
	}
	if got, want := i.Response.Body, `{"id":"102290129340398","verify_token":"REDACTED","next":"https:\/\/graph.facebook.com\/v26.0\/x?access_token=REDACTED&limit=1"}`; got != want {
		t.Errorf("response body = %s\nwant %s", got, want)
	}
	// The maps the live request and response used are untouched.
	if reqHeaders.Get("Authorization") == "" || respHeaders.Get("Set-Cookie") == "" {
		t.Error("the hook mutated the live header maps")
	}
}

func TestRedactSecrets(t *testing.T) {
	got := redactSecrets("a tok+en/123 b tok%2Ben%2F123 c abc", []string{"tok+en/123", "abc", ""})
	if got != "a REDACTED b REDACTED c abc" {
		t.Errorf("redactSecrets = %q (escaped forms redacted, secrets under %d characters ignored)", got, minSecretLen)
	}
	if strings.Contains(redactSecrets("xxxxxx", nil), Redacted) {
		t.Error("nothing to redact")
	}
}

func TestRedactCredentials(t *testing.T) {
	got := redactCredentials(`{"override_callback_uri":"https://h/x","verify_token":"verify-1"} user=1&access_token=abc`)
	for _, secret := range []string{"verify-1", "abc"} {
		if strings.Contains(got, secret) {
			t.Errorf("%q still holds %q", got, secret)
		}
	}
	if !strings.Contains(got, `"override_callback_uri":"https://h/x"`) || !strings.Contains(got, "user=1") {
		t.Errorf("%q lost what is not a credential", got)
	}
}
