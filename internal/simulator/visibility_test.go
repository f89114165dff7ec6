package simulator

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"testing"
)

const otherToken = "sim-other-token"

// withOtherToken adds a second full-scope token of the same app.
func withOtherToken(seed *Seed) {
	seed.Tokens = append(seed.Tokens, Token{Value: otherToken, AppID: fixtureApp, Scopes: seed.Tokens[0].Scopes})
}

var traceField = regexp.MustCompile(`"fbtrace_id":"[^"]*"`)

// withoutTrace blanks the fbtrace_id, the one part of two answers to the
// same request that may differ.
func withoutTrace(raw string) string {
	return traceField.ReplaceAllString(raw, `"fbtrace_id":""`)
}

// wabaScopedRequests is every method on the WABA node and each edge,
// with the parameters a valid request would carry.
func wabaScopedRequests(waba, token string) []apiReq {
	base := "/v25.0/" + waba
	var out []apiReq
	for _, target := range []string{
		base + "?fields=id,name,on_behalf_of_business_info",
		base + "/subscribed_apps",
		base + "/assigned_users?business=" + fixtureBusiness + "&user=100000000000101",
		base + "/phone_numbers",
		base + "/message_templates",
	} {
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
			r := apiReq{method: method, target: target, token: token}
			if method == http.MethodPost {
				r.form = url.Values{"tasks": {`["MANAGE"]`}, "name": {"x"}}
			}
			out = append(out, r)
		}
	}
	return out
}

func TestHiddenWABAAnswersLikeAMissingOne(t *testing.T) {
	hidden := newTestServer(t)
	if err := hidden.Hide(fixtureWABA, ""); err != nil {
		t.Fatal(err)
	}
	// The same world where the WABA's ID does not exist: it is renamed, so
	// the number of WABAs (and with it X-App-Usage) stays the same.
	missing := newTestServer(t, func(seed *Seed) { seed.WABAs[0].ID = "102290129340397" })

	requests := append(wabaScopedRequests(fixtureWABA, tokenOK), wabaScopedRequests(fixtureWABA, fixtureReadonlyToken)...)
	for _, r := range requests {
		t.Run(r.token+" "+r.method+" "+r.target, func(t *testing.T) {
			got, want := send(t, hidden, r), send(t, missing, r)
			if r.token == tokenOK {
				wantError(t, got, http.StatusBadRequest, 100, 33, "")
			}
			if withoutTrace(got.raw) != withoutTrace(want.raw) {
				t.Errorf("hidden WABA answered\n%s\nmissing WABA answered\n%s", got.raw, want.raw)
			}
			for _, h := range []string{"Content-Type", "X-App-Usage", "X-Business-Use-Case-Usage", "Facebook-Api-Version"} {
				if got.header.Get(h) != want.header.Get(h) {
					t.Errorf("%s: hidden %q, missing %q", h, got.header.Get(h), want.header.Get(h))
				}
			}
		})
	}
}

func TestHiddenWABAKeepsItsData(t *testing.T) {
	s := newTestServer(t, withOtherToken)
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK,
		json: `{"override_callback_uri":"https://hooks.example.com/a","verify_token":"v"}`}))
	before := []string{get(t, s, wabaPath+"?fields=name,health_status").raw, get(t, s, subsPath).raw, get(t, s, usersListPath).raw}

	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	wantError(t, get(t, s, wabaPath), 400, 100, 33, "")
	other := send(t, s, apiReq{target: wabaPath + "?fields=name", token: otherToken})
	if wantStatus(t, other, http.StatusOK); other.body["name"] != "Acme Support" {
		t.Fatalf("another token must still see the WABA: %s", other.raw)
	}
	if res := get(t, s, "/v25.0/"+fixtureWABA2); res.status != http.StatusOK {
		t.Fatalf("hiding one WABA must leave the others: %s", res.raw)
	}

	if err := s.Reveal(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	after := []string{get(t, s, wabaPath+"?fields=name,health_status").raw, get(t, s, subsPath).raw, get(t, s, usersListPath).raw}
	if !slices.Equal(before, after) {
		t.Fatalf("revealed WABA changed:\n%v\n%v", before, after)
	}
}

func TestHideFromEveryToken(t *testing.T) {
	s := newTestServer(t, withOtherToken)
	status, body := admin(t, s, http.MethodPost, "/_sim/hide", `{"waba_id":"`+fixtureWABA+`"}`)
	if status != http.StatusOK || body != "{\"success\":true}\n" {
		t.Fatalf("hide: %d %s", status, body)
	}
	for _, tok := range []string{tokenOK, otherToken} {
		wantError(t, send(t, s, apiReq{target: subsPath, token: tok}), 400, 100, 33, "")
	}

	// Revealing to one token leaves the WABA hidden from the others.
	if status, body := admin(t, s, http.MethodPost, "/_sim/reveal", `{"waba_id":"`+fixtureWABA+`","token":"`+otherToken+`"}`); status != http.StatusOK {
		t.Fatalf("reveal: %d %s", status, body)
	}
	wantStatus(t, send(t, s, apiReq{target: subsPath, token: otherToken}), http.StatusOK)
	wantError(t, get(t, s, subsPath), 400, 100, 33, "")

	admin(t, s, http.MethodPost, "/_sim/reveal", `{"waba_id":"`+fixtureWABA+`"}`)
	wantStatus(t, get(t, s, subsPath), http.StatusOK)
	if c := s.Counts(); len(c) != 1 || c["GET /{waba-id}/subscribed_apps"] != 5 {
		t.Errorf("only the 5 API reads may be counted, counts %v", c)
	}
}

func TestHiddenWABAsFromTheSeed(t *testing.T) {
	s := newTestServer(t, withOtherToken, func(seed *Seed) { seed.Tokens[0].HiddenWABAs = []string{fixtureWABA2} })
	wantError(t, get(t, s, "/v25.0/"+fixtureWABA2+"/phone_numbers"), 400, 100, 33, "")
	wantStatus(t, send(t, s, apiReq{target: "/v25.0/" + fixtureWABA2, token: otherToken}), http.StatusOK)
	wantStatus(t, get(t, s, wabaPath), http.StatusOK)
	if err := s.Reveal(fixtureWABA2, tokenOK); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, get(t, s, "/v25.0/"+fixtureWABA2+"/phone_numbers"), http.StatusOK)
}

func TestHideAdminErrors(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name   string
		path   string
		body   string
		status int
	}{
		{name: "missing waba_id", path: "/_sim/hide", body: `{"token":"` + tokenOK + `"}`, status: http.StatusBadRequest},
		{name: "unknown key", path: "/_sim/hide", body: `{"waba":"` + fixtureWABA + `"}`, status: http.StatusBadRequest},
		{name: "not json", path: "/_sim/reveal", body: `waba_id=1`, status: http.StatusBadRequest},
		{name: "unknown waba", path: "/_sim/hide", body: `{"waba_id":"999"}`, status: http.StatusNotFound},
		{name: "unknown token", path: "/_sim/reveal", body: `{"waba_id":"` + fixtureWABA + `","token":"nope"}`, status: http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if status, body := admin(t, s, http.MethodPost, tt.path, tt.body); status != tt.status {
				t.Fatalf("status %d, want %d (%s)", status, tt.status, body)
			}
		})
	}
	wantStatus(t, get(t, s, wabaPath), http.StatusOK)
}
