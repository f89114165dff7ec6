package simulator

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestParseList(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{in: []string{`["A","B"]`}, want: []string{"A", "B"}},
		{in: []string{`['A', 'B']`}, want: []string{"A", "B"}},
		{in: []string{"A, B ,,C"}, want: []string{"A", "B", "C"}},
		{in: []string{"A", "B"}, want: []string{"A", "B"}},
		{in: []string{`[A,B]`}, want: []string{"A", "B"}},
		{in: []string{""}, want: nil},
		{in: nil, want: nil},
	}
	for _, tt := range tests {
		if got := parseList(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("parseList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRequestBodies(t *testing.T) {
	s := newTestServer(t)

	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	_ = mw.WriteField("user", "100000000000104")
	_ = mw.WriteField("tasks", `["MESSAGING"]`)
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, usersPath, &mp)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+tokenOK)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 || !slices.Equal(assignedTasks(t, s)["100000000000104"], []string{"MESSAGING"}) {
		t.Fatalf("multipart POST: %d %s", rec.Code, rec.Body)
	}

	big := strings.Repeat("x", maxBodyBytes+1)
	res := send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK, json: `{"override_callback_uri":"` + big + `"}`})
	wantError(t, res, 400, 100, 0, "(#100) Request body exceeds 1048576 bytes")

	res = send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK, json: `["not","an","object"]`})
	wantError(t, res, 400, 100, 0, "(#100) The request body must be a JSON object")

	// Body parameters win over the query string.
	res = send(t, s, apiReq{method: http.MethodPost, target: usersPath + "?user=100000000000105&tasks=MANAGE", token: tokenOK,
		json: `{"tasks":["VIEW_COST"]}`})
	wantSuccess(t, res)
	if got := assignedTasks(t, s)["100000000000105"]; !slices.Equal(got, []string{"VIEW_COST"}) {
		t.Fatalf("tasks = %v, want the body's", got)
	}
}
