package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph/internal/pacing"
)

// Everything Graph (or a proxy in front of it) sends is untrusted input: these
// targets check that no response, error body or usage header makes the client
// panic, loop, overflow a duration, leak the token or produce a message that
// is not valid UTF-8 (Terraform's protocol refuses such diagnostics).

// maxRegain is the largest wait a usage header can ask for once clamped.
const maxRegain = time.Duration(1e6) * time.Minute

func FuzzParseError(f *testing.F) {
	f.Add(400, "application/json", `{"error":{"message":"(#80008) limit","type":"OAuthException","code":80008,"error_subcode":2446079,"is_transient":true,"fbtrace_id":"AbC"}}`, "", "")
	f.Add(400, "application/json", `{"error":{"message":"m","code":100,"error_data":"{\"details\":\"tasks is invalid\"}"}}`, "", `{"1":[{"type":"x","call_count":100,"estimated_time_to_regain_access":30}]}`)
	f.Add(502, "text/html; charset=utf-8", "<html><body><h1>502 Bad Gateway</h1></body></html>", "", "")
	f.Add(503, "", "", "120", "")
	f.Add(500, "text/plain", strings.Repeat("é", 150), "Wed, 21 Oct 2015 07:28:00 GMT", "")
	f.Fuzz(func(t *testing.T, status int, contentType, body, retryAfter, buc string) {
		if status < 100 || status > 599 {
			status = 400
		}
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		resp.Header.Set("Content-Type", contentType)
		resp.Header.Set("Retry-After", retryAfter)
		resp.Header.Set("X-Business-Use-Case-Usage", buc)
		e := parseError(resp, []byte(body))
		if e == nil || e.HTTPStatus != status {
			t.Fatalf("parseError = %+v, want an error with status %d", e, status)
		}
		msg := e.Error()
		if !strings.HasPrefix(msg, "Graph API ") || !utf8.ValidString(msg) {
			t.Errorf("message %q is not a valid Graph API error message", msg)
		}
		if e.RetryAfter < 0 || e.RetryAfter > max(maxRegain, 24*time.Hour) {
			t.Errorf("RetryAfter = %v, outside [0, %v]", e.RetryAfter, maxRegain)
		}
		if hint := Hint(e); !utf8.ValidString(hint) {
			t.Errorf("hint %q is not valid UTF-8", hint)
		}
		var env graphErrorBody
		if json.Unmarshal([]byte(body), &env) == nil && env.Error != nil && e.Code != env.Error.Code {
			t.Errorf("code %d, but the body says %d", e.Code, env.Error.Code)
		}
	})
}

func FuzzDecodeBusinessAccount(f *testing.F) {
	f.Add([]byte(businessAccountQuirks))
	f.Add([]byte(`{"id":"1","timezone_id":null,"creation_time":"1700000000","health_status":{"entities":[{"errors":[{"error_code":"141000"}]}]}}`))
	f.Add([]byte(`{"id":1e3,"creation_time":1e300}`))
	f.Add([]byte(`{"success":false}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ba, err := decodeBusinessAccount(data)
		if err != nil {
			return
		}
		if !json.Valid(data) {
			t.Errorf("accepted a body that is not JSON: %q", data)
		}
		again, err := decodeBusinessAccount(data)
		if err != nil || !reflect.DeepEqual(ba, again) {
			t.Errorf("decoding is not deterministic: %+v then %+v (%v)", ba, again, err)
		}
		// A number that is not finite, or does not fit, must be refused
		// rather than decoded to whatever the conversion gives.
		var raw struct {
			CreationTime json.RawMessage `json:"creation_time"`
		}
		_ = json.Unmarshal(data, &raw)
		if ba.CreationTime != nil {
			f, err := strconv.ParseFloat(strings.Trim(string(raw.CreationTime), `"`), 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1<<63 {
				t.Errorf("creation_time %s decoded to %d", raw.CreationTime, *ba.CreationTime)
			}
		}
	})
}

// FuzzListPage serves the fuzzed body as every page of an assigned_users list
// and checks that listing ends, and fails cleanly when it fails.
func FuzzListPage(f *testing.F) {
	f.Add([]byte(`{"data":[{"id":"1","name":"a","tasks":["MANAGE"]}]}`), 200)
	f.Add([]byte(`{"data":[{"id":2}],"paging":{"cursors":{"after":"QQ"},"next":"https://graph.facebook.com/v26.0/1/assigned_users?access_token=fuzz-token-value&after=QQ"}}`), 200)
	f.Add([]byte(`{"data":null}`), 200)
	f.Add([]byte(`{"success":false}`), 200)
	f.Add([]byte(`{"data":[{"id":"1","na`), 200)
	f.Add([]byte(`{"error":{"message":"fuzz-token-value is bad","code":190}}`), 401)
	const token = "fuzz-token-value"
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		if status < 200 || status > 599 {
			status = 200
		}
		var served int
		rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
			served++
			h := http.Header{"Content-Type": {"application/json"}, "X-Fb-Trace-Id": {"AFuzz"}}
			return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(bytes.NewReader(body)), Request: r}, nil
		})
		c, err := New(Config{BaseURL: "https://graph.example", AccessToken: token, MaxRetries: 0, Transport: rt})
		if err != nil {
			t.Fatal(err)
		}
		users, err := c.ListAssignedUsers(context.Background(), ExampleWABAID, ExampleBusinessID)
		if served > 2 {
			t.Errorf("%d requests for one repeated page; the repeated cursor must stop the listing", served)
		}
		if err == nil {
			if status >= 300 || !json.Valid(body) {
				t.Errorf("listing succeeded on HTTP %d with %q", status, body)
			}
			for _, u := range users {
				if !utf8.ValidString(u.ID + u.Name) {
					t.Errorf("user %+v is not valid UTF-8", u)
				}
			}
			return
		}
		if msg := err.Error(); strings.Contains(msg, token) || !utf8.ValidString(msg) {
			t.Errorf("error leaks the token or is not UTF-8: %q", msg)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// The usage headers are parsed in package pacing; their fuzz targets stay
// here with the client's other untrusted input, where make fuzz runs them.

func FuzzParseBusinessUseCaseUsage(f *testing.F) {
	f.Add(`{"102290129340398":[{"type":"whatsapp_business_management","call_count":95,"total_cputime":1,"total_time":2,"estimated_time_to_regain_access":12}]}`)
	f.Add(`{"1":[{"type":"x","call_count":"100","estimated_time_to_regain_access":1e308}],"2":[]}`)
	f.Add(`{"1":[{"call_count":-5,"total_time":1.5}]}`)
	f.Add(`not json`)
	f.Fuzz(func(t *testing.T, header string) {
		for _, u := range pacing.ParseBusinessUseCaseUsage(header) {
			checkUsage(t, u)
		}
		h := http.Header{}
		h.Set("X-Business-Use-Case-Usage", header)
		if d := pacing.RetryAfter(h); d < 0 || d > maxRegain {
			t.Errorf("wait %v outside [0, %v]", d, maxRegain)
		}
	})
}

func FuzzParseAppUsage(f *testing.F) {
	f.Add(`{"call_count":80,"total_cputime":10,"total_time":5}`)
	f.Add(`{"call_count":"12.5"}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, header string) {
		u, ok := pacing.ParseAppUsage(header)
		if !ok {
			return
		}
		if u.Type != "app" || u.ObjectID != "" {
			t.Errorf("app usage %+v is not typed app", u)
		}
		checkUsage(t, u)
	})
}

func checkUsage(t *testing.T, u Usage) {
	t.Helper()
	for _, n := range []int{u.CallCount, u.TotalCPUTime, u.TotalTime, u.Percent()} {
		if n < 0 || n > 1e6 {
			t.Errorf("counter %d outside [0, 1e6] in %+v", n, u)
		}
	}
	if u.RegainAccess < 0 || u.RegainAccess > maxRegain {
		t.Errorf("regain %v outside [0, %v]", u.RegainAccess, maxRegain)
	}
}

// FuzzDecodeProfileNumber reads a phone number with its business profile in
// any shape: decoding must not panic, must refuse what is not JSON, and must
// be deterministic.
func FuzzDecodeProfileNumber(f *testing.F) {
	f.Add([]byte(`{"id":"1","whatsapp_business_profile":{"data":[{"about":"Hi","websites":["https://a.example"],"vertical":"RETAIL"}]}}`))
	f.Add([]byte(`{"id":"1","whatsapp_business_profile":{"data":[{"business_profile":{"about":"Hi"}}]}}`))
	f.Add([]byte(`{"id":1,"whatsapp_business_profile":{"about":"Hi","websites":"https://a.example"}}`))
	f.Add([]byte(`{"id":"1","whatsapp_business_profile":{"data":null}}`))
	f.Add([]byte(`{"id":"1","whatsapp_business_profile":[1,2]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := decodeProfileNumber(data)
		if err != nil {
			return
		}
		if !json.Valid(data) {
			t.Errorf("accepted a body that is not JSON: %q", data)
		}
		again, err := decodeProfileNumber(data)
		if err != nil || !reflect.DeepEqual(n, again) {
			t.Errorf("decoding is not deterministic: %+v then %+v (%v)", n, again, err)
		}
	})
}
