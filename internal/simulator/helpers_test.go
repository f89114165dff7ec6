package simulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

const (
	tokenOK       = fixtureToken
	wabaPath      = "/v25.0/" + fixtureWABA
	subsPath      = wabaPath + "/subscribed_apps"
	usersPath     = wabaPath + "/assigned_users"
	usersListPath = usersPath + "?business=" + fixtureBusiness
)

// apiReq describes a request to the simulator's handler.
type apiReq struct {
	method string
	target string
	token  string // sent as a Bearer token unless empty
	form   url.Values
	json   string
	header map[string]string
}

// result is a served response with its decoded JSON body.
type result struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

func newTestServer(t *testing.T, mutate ...func(*Seed)) *Server {
	t.Helper()
	seed := DefaultSeed()
	for _, m := range mutate {
		m(&seed)
	}
	return New(seed)
}

// send serves one request through the handler without a network.
func send(t *testing.T, h http.Handler, r apiReq) result {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodGet
	}
	var body io.Reader
	ctype := ""
	switch {
	case r.form != nil:
		body, ctype = strings.NewReader(r.form.Encode()), "application/x-www-form-urlencoded"
	case r.json != "":
		body, ctype = strings.NewReader(r.json), "application/json"
	}
	req := httptest.NewRequest(r.method, r.target, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := result{status: rec.Code, header: rec.Header(), raw: rec.Body.String()}
	if strings.HasPrefix(res.header.Get("Content-Type"), "application/json") && res.raw != "" {
		_ = json.Unmarshal(rec.Body.Bytes(), &res.body)
	}
	return res
}

// get sends an authenticated GET.
func get(t *testing.T, h http.Handler, target string) result {
	t.Helper()
	return send(t, h, apiReq{target: target, token: tokenOK})
}

// errorOf returns the error object of a Graph error body, failing the test
// when there is none.
func errorOf(t *testing.T, res result) map[string]any {
	t.Helper()
	e, ok := res.body["error"].(map[string]any)
	if !ok {
		t.Fatalf("want a Graph error body, got status %d body %s", res.status, res.raw)
	}
	return e
}

// wantError checks status, code, subcode and (when not empty) message.
func wantError(t *testing.T, res result, status, code, subcode int, message string) {
	t.Helper()
	if res.status != status {
		t.Errorf("status = %d, want %d (body %s)", res.status, status, res.raw)
	}
	e := errorOf(t, res)
	if got := int(e["code"].(float64)); got != code {
		t.Errorf("code = %d, want %d (body %s)", got, code, res.raw)
	}
	gotSub := 0
	if v, ok := e["error_subcode"].(float64); ok {
		gotSub = int(v)
	}
	if gotSub != subcode {
		t.Errorf("error_subcode = %d, want %d", gotSub, subcode)
	}
	if message != "" && e["message"] != message {
		t.Errorf("message = %q, want %q", e["message"], message)
	}
}

func wantStatus(t *testing.T, res result, status int) {
	t.Helper()
	if res.status != status {
		t.Fatalf("status = %d, want %d (body %s)", res.status, status, res.raw)
	}
}

// dataOf returns the data array of a list response.
func dataOf(t *testing.T, res result) []map[string]any {
	t.Helper()
	raw, ok := res.body["data"].([]any)
	if !ok {
		t.Fatalf("no data array in %s", res.raw)
	}
	out := make([]map[string]any, len(raw))
	for i, v := range raw {
		out[i] = v.(map[string]any)
	}
	return out
}

func wantSuccess(t *testing.T, res result) {
	t.Helper()
	wantStatus(t, res, http.StatusOK)
	if res.body["success"] != true {
		t.Fatalf("want success true, got %s", res.raw)
	}
}
