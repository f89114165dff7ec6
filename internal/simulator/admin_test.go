package simulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func admin(t *testing.T, s *Server, method, target, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestAdminRequestsAndCounts(t *testing.T) {
	s := newTestServer(t)
	get(t, s, usersListPath+"&access_token=leak&appsecret_proof=leak&limit=5")
	get(t, s, wabaPath+"?fields=name")
	get(t, s, wabaPath)
	send(t, s, apiReq{method: http.MethodPost, target: subsPath, token: tokenOK})

	status, body := admin(t, s, http.MethodGet, "/_sim/requests", "")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	var reqs []Request
	if err := json.Unmarshal([]byte(body), &reqs); err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 4 {
		t.Fatalf("logged %d requests, want 4 (admin requests excluded)", len(reqs))
	}
	first := reqs[0]
	if first.Template != tmplAssignedUsers || first.Path != usersPath || first.Status != 200 || first.At.IsZero() {
		t.Errorf("first request = %+v", first)
	}
	if first.Query.Get("limit") != "5" || first.Query.Has("access_token") || first.Query.Has("appsecret_proof") {
		t.Errorf("query must keep parameters and drop secrets: %v", first.Query)
	}
	if strings.Contains(body, "leak") {
		t.Error("secrets leaked into the request log")
	}

	status, body = admin(t, s, http.MethodGet, "/_sim/counts", "")
	var counts map[string]int
	if err := json.Unmarshal([]byte(body), &counts); err != nil || status != 200 {
		t.Fatalf("counts: %d %v", status, err)
	}
	want := map[string]int{"GET /{waba-id}/assigned_users": 1, "GET /{waba-id}": 2, "POST /{waba-id}/subscribed_apps": 1}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("counts[%q] = %d, want %d", k, counts[k], v)
		}
	}
	if len(counts) != len(want) {
		t.Errorf("counts = %v", counts)
	}

	if status, _ := admin(t, s, http.MethodPost, "/_sim/reset", ""); status != 200 {
		t.Fatalf("reset status %d", status)
	}
	if len(s.Requests()) != 0 || len(s.Counts()) != 0 {
		t.Fatal("reset must clear the log and the counts")
	}
}

func TestAdminFaults(t *testing.T) {
	s := newTestServer(t)
	status, body := admin(t, s, http.MethodPost, "/_sim/faults", `{"kind":"graph_error","path":"/assigned_users$","code":80008,"is_transient":true,"regain_minutes":3,"times":1}`)
	if status != 200 {
		t.Fatalf("add fault: %d %s", status, body)
	}
	wantError(t, get(t, s, usersListPath), 400, 80008, 0, throttleMessage)
	wantStatus(t, get(t, s, usersListPath), 200)

	for _, bad := range []string{`{"kind":"nope"}`, `{"kind":"empty","path":"("}`, `{"kind":"empty","unknown":1}`, `not json`} {
		if status, _ := admin(t, s, http.MethodPost, "/_sim/faults", bad); status != http.StatusBadRequest {
			t.Errorf("fault %s: status %d, want 400", bad, status)
		}
	}

	admin(t, s, http.MethodPost, "/_sim/faults", `{"kind":"slow","delay":"1ms"}`)
	admin(t, s, http.MethodPost, "/_sim/faults", `{"kind":"empty"}`)
	if status, _ := admin(t, s, http.MethodDelete, "/_sim/faults", ""); status != 200 {
		t.Fatal("clear faults failed")
	}
	wantStatus(t, get(t, s, "/v25.0/app"), 200)
}

func TestAdminStateAndDrift(t *testing.T) {
	s := newTestServer(t)
	status, body := admin(t, s, http.MethodGet, "/_sim/state", "")
	if status != 200 {
		t.Fatalf("state status %d", status)
	}
	for _, secret := range []string{fixtureToken, fixtureAppSecret} {
		if strings.Contains(body, secret) {
			t.Errorf("state must not expose %q", secret)
		}
	}
	var view struct {
		WABAs []WABA `json:"wabas"`
		Users []User `json:"users"`
	}
	if err := json.Unmarshal([]byte(body), &view); err != nil {
		t.Fatal(err)
	}
	if len(view.WABAs) != 2 || view.WABAs[0].ID != fixtureWABA || len(view.WABAs[0].Subscriptions) != 1 || len(view.Users) != 606 {
		t.Fatalf("state = %d wabas, %d users", len(view.WABAs), len(view.Users))
	}

	_, body = admin(t, s, http.MethodPost, "/_sim/unsubscribe?waba="+fixtureWABA+"&app="+fixtureOtherApp, "")
	if !strings.Contains(body, `"removed":true`) {
		t.Fatalf("unsubscribe: %s", body)
	}
	if len(subscribedApps(t, s)) != 0 {
		t.Fatal("unsubscribe did not change the state")
	}
	if _, body = admin(t, s, http.MethodPost, "/_sim/unsubscribe?waba="+fixtureWABA+"&app="+fixtureOtherApp, ""); !strings.Contains(body, `"removed":false`) {
		t.Fatalf("second unsubscribe: %s", body)
	}

	_, body = admin(t, s, http.MethodPost, "/_sim/unassign?waba="+fixtureWABA+"&user="+fixtureSystemUser, "")
	if !strings.Contains(body, `"removed":true`) || len(assignedTasks(t, s)) != 0 {
		t.Fatalf("unassign: %s", body)
	}
	if status, _ := admin(t, s, http.MethodPost, "/_sim/unassign?waba="+fixtureWABA, ""); status != http.StatusBadRequest {
		t.Errorf("missing user: status %d, want 400", status)
	}
	if status, _ := admin(t, s, http.MethodGet, "/_sim/nothing", ""); status != http.StatusNotFound {
		t.Errorf("unknown admin endpoint: status %d, want 404", status)
	}
	if c := s.Counts(); len(c) != 2 || c["GET /{waba-id}/subscribed_apps"] != 1 || c["GET /{waba-id}/assigned_users"] != 1 {
		t.Errorf("only the two API reads may be counted, got %v", c)
	}
}

func TestDriftMethods(t *testing.T) {
	s := newTestServer(t)
	if s.Unsubscribe("999", fixtureOtherApp) || s.Unassign("999", fixtureSystemUser) {
		t.Error("unknown WABA must report false")
	}
	if !s.Unassign(fixtureWABA, fixtureSystemUser) || s.Unassign(fixtureWABA, fixtureSystemUser) {
		t.Error("Unassign must report true once")
	}
	if !s.Unsubscribe(fixtureWABA, fixtureOtherApp) || s.Unsubscribe(fixtureWABA, fixtureOtherApp) {
		t.Error("Unsubscribe must report true once")
	}
}
