package simulator

import (
	"net/http"
	"testing"
)

func TestAuthentication(t *testing.T) {
	s := newTestServer(t)
	appToken := fixtureApp + "|" + fixtureAppSecret
	tests := []struct {
		name    string
		req     apiReq
		status  int
		code    int
		subcode int
		message string
	}{
		{name: "bearer token", req: apiReq{target: "/v25.0/app", token: tokenOK}, status: 200},
		{name: "oauth scheme", req: apiReq{target: "/v25.0/app", header: map[string]string{"Authorization": "OAuth " + tokenOK}}, status: 200},
		{name: "query token", req: apiReq{target: "/v25.0/app?access_token=" + tokenOK}, status: 200},
		{name: "form token", req: apiReq{method: http.MethodPost, target: subsPath, form: map[string][]string{"access_token": {tokenOK}}}, status: 200},
		{name: "app token on app", req: apiReq{target: "/v25.0/app", token: appToken}, status: 200},
		{
			name: "missing token", req: apiReq{target: "/v25.0/app"}, status: 400, code: 2500,
			message: "An active access token must be used to query information about the current user.",
		},
		{
			name: "unknown token", req: apiReq{target: "/v25.0/app", token: "nope"}, status: 401, code: 190,
			message: "Invalid OAuth access token - Cannot parse access token",
		},
		{
			name: "wrong app secret", req: apiReq{target: "/v25.0/app", token: fixtureApp + "|wrong"}, status: 401, code: 190,
		},
		{
			name: "expired token", req: apiReq{target: "/v25.0/app", token: fixtureExpiredToken}, status: 401, code: 190, subcode: 463,
			message: "Error validating access token: Session has expired",
		},
		{
			name: "missing scope", req: apiReq{target: wabaPath, token: fixtureReadonlyToken}, status: 403, code: 200,
			message: "(#200) Permissions error",
		},
		{
			name: "app token on WABA", req: apiReq{target: wabaPath, token: appToken}, status: 403, code: 200,
		},
		{name: "readonly token may read app", req: apiReq{target: "/v25.0/app", token: fixtureReadonlyToken}, status: 200},
		{
			name: "missing version", req: apiReq{target: "/app", token: tokenOK}, status: 400, code: 2500,
			message: "Unknown path components: /app",
		},
		{
			name: "malformed version", req: apiReq{target: "/25.0/app", token: tokenOK}, status: 400, code: 2500,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := send(t, s, tt.req)
			if tt.code == 0 {
				wantStatus(t, res, tt.status)
				return
			}
			wantError(t, res, tt.status, tt.code, tt.subcode, tt.message)
			if errorOf(t, res)["type"] != typeOAuth {
				t.Errorf("type = %v, want %s", errorOf(t, res)["type"], typeOAuth)
			}
		})
	}
}

func TestWriteScopeForAssignedUsers(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) {
		seed.Tokens = append(seed.Tokens, Token{Value: "waba-only", AppID: fixtureApp, Scopes: []string{scopeWABAManagement}})
	})
	read := send(t, s, apiReq{target: usersListPath, token: "waba-only"})
	wantStatus(t, read, 200)
	write := send(t, s, apiReq{method: http.MethodPost, target: usersPath, token: "waba-only",
		form: map[string][]string{"user": {"100000000000101"}, "tasks": {`["DEVELOP"]`}}})
	wantError(t, write, 403, 200, 0, "(#200) Permissions error")
}

func TestAppSecretProof(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.AppSecret = fixtureAppSecret })
	good := AppSecretProof(fixtureAppSecret, tokenOK)
	tests := []struct {
		name    string
		target  string
		token   string
		form    map[string][]string
		status  int
		message string
	}{
		{name: "missing proof", target: "/v25.0/app", token: tokenOK, status: 400,
			message: "(#100) API calls from the server require an appsecret_proof argument"},
		{name: "wrong proof", target: "/v25.0/app?appsecret_proof=" + AppSecretProof("other", tokenOK), token: tokenOK, status: 400,
			message: "(#100) Invalid appsecret_proof provided in the API argument"},
		{name: "right proof in query", target: "/v25.0/app?appsecret_proof=" + good, token: tokenOK, status: 200},
		{name: "right proof in form", target: subsPath, token: tokenOK, form: map[string][]string{"appsecret_proof": {good}}, status: 200},
		{name: "app token needs no proof", target: "/v25.0/" + fixtureApp + "/subscriptions", token: fixtureApp + "|" + fixtureAppSecret, status: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := apiReq{target: tt.target, token: tt.token, form: tt.form}
			if tt.form != nil {
				req.method = http.MethodPost
			}
			res := send(t, s, req)
			if tt.message == "" {
				wantStatus(t, res, tt.status)
				return
			}
			wantError(t, res, tt.status, 100, 0, tt.message)
		})
	}
}

func TestAppSecretProofValue(t *testing.T) {
	// HMAC-SHA256 of "sim-access-token" keyed with "sim-app-secret", computed independently.
	const want = "d31e7648db0fefbc98a03f93c23b3aaa3ac5274b0b6b86d7040089f564f67c14"
	if got := AppSecretProof(fixtureAppSecret, tokenOK); got != want {
		t.Fatalf("AppSecretProof = %q, want %q", got, want)
	}
}

func TestGetApp(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, "/v25.0/app")
	wantStatus(t, res, 200)
	want := map[string]any{"id": fixtureApp, "name": "Acme Platform", "link": "https://www.facebook.com/games/?app_id=" + fixtureApp}
	for k, v := range want {
		if res.body[k] != v {
			t.Errorf("%s = %v, want %v", k, res.body[k], v)
		}
	}
}

func TestCommonHeaders(t *testing.T) {
	s := newTestServer(t)
	ok := get(t, s, "/v23.0/app")
	bad := send(t, s, apiReq{target: "/v23.0/app", token: "nope"})
	for _, res := range []result{ok, bad} {
		if got := res.header.Get("Content-Type"); got != "application/json" {
			t.Errorf("Content-Type = %q", got)
		}
		if got := res.header.Get("facebook-api-version"); got != "v23.0" {
			t.Errorf("facebook-api-version = %q, want v23.0", got)
		}
		if id := res.header.Get("x-fb-trace-id"); len(id) != 11 || id[0] != 'A' {
			t.Errorf("x-fb-trace-id = %q, want 11 characters starting with A", id)
		}
	}
	if ok.header.Get("x-fb-trace-id") == bad.header.Get("x-fb-trace-id") {
		t.Error("trace ids must differ between responses")
	}
	if got := errorOf(t, bad)["fbtrace_id"]; got != bad.header.Get("x-fb-trace-id") {
		t.Errorf("fbtrace_id %v does not match the x-fb-trace-id header %q", got, bad.header.Get("x-fb-trace-id"))
	}
	if _, ok := errorOf(t, bad)["error_subcode"]; ok {
		t.Error("error_subcode must be omitted when zero")
	}
	if v, ok := errorOf(t, bad)["is_transient"]; !ok || v != false {
		t.Errorf("is_transient = %v, want false", v)
	}
}

func TestTraceIDsAreDeterministic(t *testing.T) {
	a, b := newTestServer(t), newTestServer(t)
	for range 5 {
		ra, rb := get(t, a, "/v25.0/app"), get(t, b, "/v25.0/app")
		if ra.header.Get("x-fb-trace-id") != rb.header.Get("x-fb-trace-id") {
			t.Fatalf("trace ids differ: %q vs %q", ra.header.Get("x-fb-trace-id"), rb.header.Get("x-fb-trace-id"))
		}
	}
	seen := map[string]bool{}
	for i := range uint64(1000) {
		id := traceID(i + 1)
		if seen[id] {
			t.Fatalf("trace id %q repeats", id)
		}
		seen[id] = true
	}
}
