package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func errorResponse(status int, header http.Header, method, rawURL string) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		panic(err)
	}
	return &http.Response{StatusCode: status, Header: header, Request: &http.Request{Method: method, URL: u}}
}

func TestParseErrorDecodesEveryField(t *testing.T) {
	body := `{"error":{"message":"Message describing the error","type":"OAuthException","code":190,
		"error_subcode":460,"error_user_title":"A title","error_user_msg":"A message",
		"fbtrace_id":"EJplcsCHuLu","is_transient":true,
		"error_data":{"messaging_product":"whatsapp","details":"the details"}}}`
	resp := errorResponse(400, http.Header{"X-Fb-Trace-Id": {"from-header"}}, "GET", "https://graph.facebook.com/v26.0/123?fields=id")
	got := parseError(resp, []byte(body))
	want := Error{
		HTTPStatus: 400, Method: "GET", Path: "/v26.0/123", Message: "Message describing the error",
		Type: "OAuthException", Code: 190, Subcode: 460, UserTitle: "A title", UserMessage: "A message",
		FBTraceID: "EJplcsCHuLu", IsTransient: true, Details: "the details",
	}
	if *got != want {
		t.Errorf("parseError =\n%+v\nwant\n%+v", *got, want)
	}
}

func TestParseErrorData(t *testing.T) {
	cases := []struct {
		name      string
		errorData string
		want      string
	}{
		{"object", `{"messaging_product":"whatsapp","details":"Invalid callback URI"}`, "Invalid callback URI"},
		{"JSON string holding an object", `"{\"messaging_product\":\"whatsapp\",\"details\":\"Invalid callback URI\"}"`, "Invalid callback URI"},
		{"plain string", `"just words"`, ""},
		{"number", `42`, ""},
		{"null", `null`, ""},
		{"object without details", `{"messaging_product":"whatsapp"}`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body := `{"error":{"message":"m","code":100,"error_data":` + tc.errorData + `}}`
			got := parseError(errorResponse(400, nil, "POST", "https://x/v26.0/1"), []byte(body))
			if got.Details != tc.want {
				t.Errorf("Details = %q, want %q", got.Details, tc.want)
			}
			if got.Code != 100 || got.Message != "m" {
				t.Errorf("the rest of the error was lost: %+v", got)
			}
		})
	}
	if got := parseError(errorResponse(400, nil, "GET", "https://x/v26.0/1"), []byte(`{"error":{"message":"m","code":1}}`)); got.Details != "" {
		t.Errorf("Details without error_data = %q", got.Details)
	}
}

func TestParseErrorNonGraphBodies(t *testing.T) {
	longHTML := "<html><body>" + strings.Repeat("Bad gateway from the proxy. ", 30) + "</body></html>"
	cases := []struct {
		name        string
		status      int
		contentType string
		body        string
		want        []string
		notWant     []string
	}{
		{
			name: "HTML 502 page", status: 502, contentType: "text/html; charset=utf-8",
			body: "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
			want: []string{"HTTP 502", "text/html", "perhaps a proxy", "502 Bad Gateway Bad Gateway"}, notWant: []string{"<h1>"},
		},
		{name: "empty body", status: 503, body: "", want: []string{"HTTP 503", "empty body"}},
		{name: "empty body with JSON type", status: 500, contentType: "application/json", body: "", want: []string{"HTTP 500", "empty body"}},
		{name: "JSON that is not an error object", status: 400, contentType: "application/json", body: `{"foo":1}`, want: []string{"HTTP 400", "not a Graph error object", `{"foo":1}`}},
		{name: "cut JSON", status: 500, body: `{"error":{"mess`, want: []string{"HTTP 500", "not a Graph error object"}},
		{name: "long HTML is shortened", status: 502, contentType: "text/html", body: longHTML, want: []string{"HTTP 502", "..."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.contentType != "" {
				h.Set("Content-Type", tc.contentType)
			}
			got := parseError(errorResponse(tc.status, h, "GET", "https://x/v26.0/1"), []byte(tc.body))
			if got.HTTPStatus != tc.status || got.Code != 0 {
				t.Errorf("status/code = %d/%d", got.HTTPStatus, got.Code)
			}
			for _, w := range tc.want {
				if !strings.Contains(got.Message, w) {
					t.Errorf("Message %q does not contain %q", got.Message, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got.Message, w) {
					t.Errorf("Message %q contains %q", got.Message, w)
				}
			}
			if len(got.Message) > 400 {
				t.Errorf("Message is %d bytes long", len(got.Message))
			}
			if s := got.Error(); !strings.Contains(s, fmt.Sprintf("HTTP %d", tc.status)) {
				t.Errorf("Error() = %q does not name the status", s)
			}
		})
	}
}

func TestParseErrorHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("X-Fb-Trace-Id", "TRACE-H")
	h.Set("Retry-After", "7")
	got := parseError(errorResponse(429, h, "GET", "https://x/v26.0/1"), []byte(`{"error":{"message":"slow down","code":4}}`))
	if got.FBTraceID != "TRACE-H" {
		t.Errorf("FBTraceID = %q, want the header's", got.FBTraceID)
	}
	if got.RetryAfter != 7*time.Second {
		t.Errorf("RetryAfter = %v, want 7s", got.RetryAfter)
	}
	noReq := &http.Response{StatusCode: 500, Header: http.Header{}}
	if e := parseError(noReq, nil); e.Method != "" || e.HTTPStatus != 500 {
		t.Errorf("parseError without a request = %+v", e)
	}
}

func TestNonGraphErrorsThroughTheClient(t *testing.T) {
	cases := []struct {
		name   string
		status int
		ct     string
		body   string
	}{
		{"HTML 502", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"},
		{"empty 503", 503, "", ""},
		{"empty 404", 404, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
				if tc.ct != "" {
					w.Header().Set("Content-Type", tc.ct)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			c := newTestClient(t, f.URL(), withRetries(1))
			_, err := c.GetBusinessAccount(context.Background(), testWABA)
			ge, ok := AsError(err)
			if !ok {
				t.Fatalf("err = %v (%T), want a *Error", err, err)
			}
			if ge.HTTPStatus != tc.status {
				t.Errorf("HTTPStatus = %d, want %d", ge.HTTPStatus, tc.status)
			}
			if ge.Method != "GET" || ge.Path != "/"+testWABA {
				t.Errorf("Method/Path = %q %q", ge.Method, ge.Path)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("HTTP %d", tc.status)) {
				t.Errorf("Error() = %q does not name the HTTP status", err)
			}
			if strings.Contains(strings.ToLower(err.Error()), "invalid character") || strings.Contains(err.Error(), "unexpected end of JSON") {
				t.Errorf("Error() = %q is a JSON parse failure", err)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	cases := []struct {
		name    string
		err     Error
		want    []string
		notWant []string
	}{
		{
			name: "full graph error",
			err:  Error{HTTPStatus: 400, Method: "GET", Path: "/1", Message: "Invalid OAuth access token", Type: "OAuthException", Code: 190, Subcode: 463, FBTraceID: "AbC123", Details: "expired"},
			want: []string{"Graph API error 190", "(subcode 463)", "OAuthException", "on GET /1", ": Invalid OAuth access token", "(expired)", "[fbtrace_id AbC123]"},
		},
		{
			name:    "details already in message",
			err:     Error{Code: 100, Message: "bad uri: Invalid callback URI", Details: "Invalid callback URI"},
			want:    []string{"Graph API error 100", "bad uri: Invalid callback URI"},
			notWant: []string{"(Invalid callback URI)", "subcode", "fbtrace_id", " on "},
		},
		{
			name: "no code",
			err:  Error{HTTPStatus: 502, Method: "POST", Path: "/1/subscribed_apps", Message: "unexpected HTTP 502 response"},
			want: []string{"Graph API HTTP 502 on POST /1/subscribed_apps: unexpected HTTP 502 response"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.err.Error()
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("Error() = %q does not contain %q", s, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(s, w) {
					t.Errorf("Error() = %q contains %q", s, w)
				}
			}
		})
	}
}

func TestClassifiers(t *testing.T) {
	wrap := func(e *Error) error { return fmt.Errorf("reading: %w", e) }
	cases := []struct {
		name                            string
		err                             error
		notFound, throttled, auth, perm bool
	}{
		{name: "HTTP 404", err: &Error{HTTPStatus: 404}, notFound: true},
		{name: "code 803", err: &Error{HTTPStatus: 400, Code: 803}, notFound: true},
		{name: "code 100 subcode 33", err: &Error{HTTPStatus: 400, Code: 100, Subcode: 33}, notFound: true},
		{name: "wrapped 100/33", err: wrap(&Error{HTTPStatus: 400, Code: 100, Subcode: 33}), notFound: true},
		{name: "plain code 100", err: &Error{HTTPStatus: 400, Code: 100}},
		{name: "code 100 other subcode", err: &Error{HTTPStatus: 400, Code: 100, Subcode: 2018001}},
		{name: "code 4", err: &Error{HTTPStatus: 400, Code: 4}, throttled: true},
		{name: "code 17", err: &Error{HTTPStatus: 400, Code: 17}, throttled: true},
		{name: "code 32", err: &Error{HTTPStatus: 400, Code: 32}, throttled: true},
		{name: "code 613", err: &Error{HTTPStatus: 400, Code: 613}, throttled: true},
		{name: "code 80000", err: &Error{HTTPStatus: 400, Code: 80000}, throttled: true},
		{name: "code 80007", err: &Error{HTTPStatus: 400, Code: 80007}, throttled: true},
		{name: "code 80008", err: wrap(&Error{HTTPStatus: 400, Code: 80008}), throttled: true},
		{name: "code 80014", err: &Error{HTTPStatus: 400, Code: 80014}, throttled: true},
		{name: "code 80015", err: &Error{HTTPStatus: 400, Code: 80015}},
		{name: "code 130429", err: &Error{HTTPStatus: 400, Code: 130429}, throttled: true},
		{name: "code 131056", err: &Error{HTTPStatus: 400, Code: 131056}, throttled: true},
		{name: "HTTP 429 without code", err: &Error{HTTPStatus: 429}, throttled: true},
		{name: "code 190", err: &Error{HTTPStatus: 400, Code: 190, Type: "OAuthException"}, auth: true},
		{name: "code 102", err: &Error{HTTPStatus: 400, Code: 102}, auth: true},
		{name: "code 2500 OAuth", err: &Error{HTTPStatus: 400, Code: 2500, Type: "OAuthException"}, auth: true},
		{name: "code 2500 other type", err: &Error{HTTPStatus: 400, Code: 2500, Type: "GraphMethodException"}},
		{name: "code 10", err: &Error{HTTPStatus: 403, Code: 10}, perm: true},
		{name: "code 3", err: &Error{HTTPStatus: 400, Code: 3}, perm: true},
		{name: "code 200", err: &Error{HTTPStatus: 403, Code: 200}, perm: true},
		{name: "code 299", err: &Error{HTTPStatus: 403, Code: 299}, perm: true},
		{name: "code 300", err: &Error{HTTPStatus: 403, Code: 300}},
		{name: "plain error", err: errors.New("404 not found")},
		{name: "nil", err: nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsMissingOrHidden(tc.err); got != tc.notFound {
				t.Errorf("IsMissingOrHidden = %v, want %v", got, tc.notFound)
			}
			if got := IsMissingOrHidden(tc.err); got != tc.notFound {
				t.Errorf("IsMissingOrHidden = %v, want %v", got, tc.notFound)
			}
			if got := isThrottled(tc.err); got != tc.throttled {
				t.Errorf("isThrottled = %v, want %v", got, tc.throttled)
			}
			if got := isAuth(tc.err); got != tc.auth {
				t.Errorf("isAuth = %v, want %v", got, tc.auth)
			}
			if got := isPermission(tc.err); got != tc.perm {
				t.Errorf("isPermission = %v, want %v", got, tc.perm)
			}
		})
	}
}

func TestHint(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want []string
	}{
		{"expired token", &Error{Code: 190, Subcode: 463}, []string{"access token is invalid or has expired", "WHATSAPP_ACCESS_TOKEN"}},
		{"permission", &Error{Code: 200, Subcode: 1349174}, []string{"lacks a permission", "whatsapp_business_management"}},
		{"permission 10", &Error{Code: 10}, []string{"lacks a permission"}},
		{"throttled", &Error{Code: 80008}, []string{"throttled", "Business Use Case", "Wait, then run again"}},
		{"throttled with wait", fmt.Errorf("x: %w", &Error{Code: 80008, RetryAfter: 30 * time.Minute}), []string{"throttled", "about 30m0s"}},
		{"missing proof", &Error{Code: 100, Message: "API calls from the server require an appsecret_proof argument"}, []string{"requires appsecret_proof", "app_secret"}},
		{"not found", &Error{Code: 803}, []string{"Check that the ID is right"}},
		{"missing or hidden", &Error{HTTPStatus: 400, Code: 100, Subcode: 33}, []string{
			"Check that the ID is right", "deleted", "can no longer see", "may still exist",
			"Meta Business Settings > Users > System users > the user > Assigned assets",
		}},
		{"too much data", &Error{HTTPStatus: 500, Code: 1, Subcode: 99}, []string{"too much data", "smaller pages", "fbtrace_id"}},
		{"bad parameter", &Error{Code: 100, Message: "Invalid parameter"}, []string{"rejected a parameter"}},
		{"proxy failure", &Error{HTTPStatus: 502}, []string{"proxy"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := Hint(tc.err)
			for _, w := range tc.want {
				if !strings.Contains(h, w) {
					t.Errorf("Hint = %q does not contain %q", h, w)
				}
			}
		})
	}
	if h := Hint(&Error{Code: 80008}); strings.Contains(h, "about") {
		t.Errorf("Hint without RetryAfter promises a wait: %q", h)
	}
	for _, err := range []error{nil, errors.New("plain"), &Error{Code: 368}, &Error{HTTPStatus: 400}} {
		if h := Hint(err); h != "" {
			t.Errorf("Hint(%v) = %q, want empty", err, h)
		}
	}
}

func TestAsError(t *testing.T) {
	inner := &Error{Code: 1}
	if ge, ok := AsError(fmt.Errorf("a: %w", fmt.Errorf("b: %w", inner))); !ok || ge != inner {
		t.Errorf("AsError did not unwrap twice-wrapped *Error")
	}
	if ge, ok := AsError(errors.New("x")); ok || ge != nil {
		t.Errorf("AsError of a plain error = %v, %v", ge, ok)
	}
}
