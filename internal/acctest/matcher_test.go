package acctest

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

func recorded(method, rawURL, contentType, body string) cassette.Request {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return cassette.Request{Method: method, URL: rawURL, Headers: h, Body: body}
}

func incoming(t *testing.T, method, rawURL, contentType, body string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(method, rawURL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	return r
}

func TestMatcher(t *testing.T) {
	const (
		jsonCT = "application/json"
		formCT = "application/x-www-form-urlencoded"
		base   = "https://graph.facebook.com/v26.0/102290129340398"
	)
	m := matcher{secrets: []string{"replay-access-token"}}
	tests := []struct {
		name     string
		rec      cassette.Request
		req      *http.Request
		want     bool
		wantDiff string
	}{
		{"host and port ignored",
			recorded("GET", base+"?fields=id", "", ""),
			incoming(t, "GET", "http://127.0.0.1:41234/v26.0/102290129340398?fields=id", "", ""), true, ""},
		{"query order and secret keys ignored",
			recorded("GET", base+"/assigned_users?business=1&fields=id%2Ctasks", "", ""),
			incoming(t, "GET", "http://x/v26.0/102290129340398/assigned_users?appsecret_proof=abc&fields=id,tasks&appsecret_time=9&business=1&access_token=zzz", "", ""), true, ""},
		{"method differs",
			recorded("GET", base, "", ""), incoming(t, "DELETE", "http://x/v26.0/102290129340398", "", ""), false, "method"},
		{"path differs",
			recorded("GET", base, "", ""), incoming(t, "GET", "http://x/v26.0/102290129340399", "", ""), false, "path"},
		{"query value differs",
			recorded("GET", base+"?fields=id", "", ""), incoming(t, "GET", "http://x/v26.0/102290129340398?fields=name", "", ""), false, "query"},
		{"json key order ignored",
			recorded("POST", base+"/subscribed_apps", jsonCT, `{"override_callback_uri":"https://e.example/h","verify_token":"abc"}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398/subscribed_apps", jsonCT, `{"verify_token":"abc", "override_callback_uri":"https://e.example/h"}`), true, ""},
		{"recorded REDACTED verify_token matches any value (json, nested)",
			recorded("POST", base, jsonCT, `{"webhook_configuration":{"override_callback_uri":"https://e.example/h","verify_token":"REDACTED"}}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398", jsonCT, `{"webhook_configuration":{"verify_token":"s3cret-value","override_callback_uri":"https://e.example/h"}}`), true, ""},
		{"recorded plain verify_token must match exactly",
			recorded("POST", base, jsonCT, `{"verify_token":"abc"}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398", jsonCT, `{"verify_token":"abd"}`), false, "body"},
		{"REDACTED only covers redacted keys",
			recorded("POST", base, jsonCT, `{"name":"REDACTED"}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398", jsonCT, `{"name":"anything"}`), false, "body"},
		{"recorded REDACTED verify_token matches any value (form)",
			recorded("POST", base+"/subscribed_apps", formCT, "override_callback_uri=https%3A%2F%2Fe.example%2Fh&verify_token=REDACTED"),
			incoming(t, "POST", "http://x/v26.0/102290129340398/subscribed_apps", formCT, "verify_token=other&override_callback_uri=https%3A%2F%2Fe.example%2Fh"), true, ""},
		{"recorded REDACTED verify_token matches any value (query)",
			recorded("GET", base+"?hub.verify_token=REDACTED", "", ""),
			incoming(t, "GET", "http://x/v26.0/102290129340398?hub.verify_token=xyz", "", ""), true, ""},
		{"form order and secret keys ignored",
			recorded("POST", base+"/assigned_users", formCT, "tasks=%5B%22MANAGE%22%5D&user=100000000000101"),
			incoming(t, "POST", "http://x/v26.0/102290129340398/assigned_users", formCT, "access_token=t&user=100000000000101&tasks=%5B%22MANAGE%22%5D"), true, ""},
		{"form is not json",
			recorded("POST", base+"/assigned_users", formCT, "user=100000000000101"),
			incoming(t, "POST", "http://x/v26.0/102290129340398/assigned_users", jsonCT, `{"user":"100000000000101"}`), false, "body"},
		{"recording without content type uses the request's",
			recorded("POST", base, "", `{"a":1,"b":2}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398", jsonCT, `{"b":2,"a":1}`), true, ""},
		{"one byte changed in a json body",
			recorded("POST", base, jsonCT, `{"name":"Acme"}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398", jsonCT, `{"name":"Acmf"}`), false, "body"},
		{"the current token in a body compares as REDACTED",
			recorded("POST", base, jsonCT, `{"input_token":"REDACTED"}`),
			incoming(t, "POST", "http://x/v26.0/102290129340398", jsonCT, `{"input_token":"replay-access-token"}`), true, ""},
		{"headers are not matched",
			recorded("GET", base, "", ""),
			func() *http.Request {
				r := incoming(t, "GET", "http://x/v26.0/102290129340398", "", "")
				r.Header.Set("Authorization", "Bearer whatever")
				r.Header.Set("User-Agent", "other")
				return r
			}(), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.match(tt.req, tt.rec); got != tt.want {
				t.Fatalf("match = %v, want %v", got, tt.want)
			}
			body := readAll(t, tt.req)
			rec, err := shapeOfRecorded(tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			diffs := compareShapes(shapeOfRequest(tt.req, body, m.secrets), rec)
			if tt.want && len(diffs) > 0 {
				t.Fatalf("matching request reports differences: %v", diffs)
			}
			if !tt.want && (len(diffs) != 1 || diffs[0].Field != tt.wantDiff) {
				t.Fatalf("differences = %v, want exactly one in %s", diffs, tt.wantDiff)
			}
		})
	}
}

// readAll reads a request body the matcher already consumed and restored.
func readAll(t *testing.T, r *http.Request) []byte {
	t.Helper()
	if r.Body == nil {
		return nil
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 && r.ContentLength > 0 {
		t.Fatalf("the matcher did not restore the request body")
	}
	return b
}

func TestShapeOfRecordedRejectsBadURL(t *testing.T) {
	if _, err := shapeOfRecorded(cassette.Request{Method: "GET", URL: "http://x/%zz"}); err == nil {
		t.Fatal("want an error for an unparsable recorded URL")
	}
	if (matcher{}).match(incoming(t, "GET", "http://x/", "", ""), cassette.Request{Method: "GET", URL: "http://x/%zz"}) {
		t.Fatal("an unparsable recorded URL must not match")
	}
}
