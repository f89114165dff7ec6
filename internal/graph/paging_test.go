package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// nextLink is a paging.next the way Graph writes it: a full URL that embeds
// the access token. It points at a path the fake server treats as a trap.
func nextLink(r *http.Request, after string) string {
	return "http://" + r.Host + "/" + DefaultAPIVersion + "/trap/assigned_users?access_token=" + testToken + "&limit=100&after=" + url.QueryEscape(after)
}

func pageJSON(t *testing.T, r *http.Request, data []map[string]any, after string, withNext bool) string {
	t.Helper()
	p := map[string]any{"data": data}
	if after != "" {
		paging := map[string]any{"cursors": map[string]any{"before": "BEFORE", "after": after}}
		if withNext {
			paging["next"] = nextLink(r, after)
		}
		p["paging"] = paging
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func user(id string) map[string]any {
	return map[string]any{"id": id, "name": "user " + id, "tasks": []string{"MANAGE"}}
}

func userIDs(users []AssignedUser) string {
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	return strings.Join(ids, ",")
}

func TestListAllFollowsCursorsNeverNext(t *testing.T) {
	var trap atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/trap/") {
			trap.Add(1)
			writeJSON(w, 500, "")
			return
		}
		switch r.URL.Query().Get("after") {
		case "":
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("1"), user("2")}, "CUR1", true))
		case "CUR1":
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("3")}, "CUR2", true))
		case "CUR2":
			// The last page still has cursors, but no next.
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("4")}, "CUR3", false))
		default:
			writeJSON(w, 400, graphErr(100, 0, "unexpected cursor", false))
		}
	})
	c := newTestClient(t, f.URL(), withSecret)
	users, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	if got := userIDs(users); got != "1,2,3,4" {
		t.Errorf("users = %s, want 1,2,3,4", got)
	}
	if trap.Load() != 0 {
		t.Errorf("paging.next was requested %d times", trap.Load())
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("got %d requests, want 3", len(reqs))
	}
	for i, wantAfter := range []string{"", "CUR1", "CUR2"} {
		r := reqs[i]
		if r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/assigned_users" {
			t.Errorf("request %d path = %q", i, r.Path)
		}
		if got := r.Query.Get("after"); got != wantAfter {
			t.Errorf("request %d after = %q, want %q", i, got, wantAfter)
		}
		if got := r.Query.Get("limit"); got != "100" {
			t.Errorf("request %d limit = %q, want 100", i, got)
		}
		if got := r.Query.Get("business"); got != testBiz {
			t.Errorf("request %d business = %q", i, got)
		}
		if r.Query.Has("access_token") || strings.Contains(r.RequestURI, "access_token") {
			t.Errorf("request %d carries access_token: %s", i, r.RequestURI)
		}
		if r.Query.Get("appsecret_proof") == "" {
			t.Errorf("request %d lost appsecret_proof", i)
		}
	}
}

func TestListAllContinuesPastAnEmptyPage(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("after") {
		case "":
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{}, "E1", true))
		case "E1":
			writeJSON(w, 200, pageJSON(t, r, nil, "E2", true))
		default:
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("9")}, "", false))
		}
	})
	c := newTestClient(t, f.URL())
	users, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	if got := userIDs(users); got != "9" {
		t.Errorf("users = %q, want 9", got)
	}
	if f.count() != 3 {
		t.Errorf("got %d requests, want 3", f.count())
	}
}

func TestListAllRepeatedCursorErrors(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("1")}, "SAME", true))
	})
	c := newTestClient(t, f.URL())
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err == nil || !strings.Contains(err.Error(), "same paging cursor twice") {
		t.Fatalf("err = %v, want a repeated-cursor error", err)
	}
	if f.count() != 2 {
		t.Errorf("got %d requests, want 2", f.count())
	}
}

func TestListAllDropsARefusedLimitAndRemembersIt(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/assigned_users") && r.URL.Query().Has("limit") {
			writeJSON(w, 400, graphErr(100, 0, "(#100) Param limit must be a number less than or equal to 50", false))
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	users, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 {
		t.Errorf("users = %+v", users)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests, want 2", len(reqs))
	}
	if reqs[0].Query.Get("limit") != "100" || reqs[1].Query.Has("limit") {
		t.Errorf("limits = %q then %q, want 100 then none", reqs[0].Query.Get("limit"), reqs[1].Query.Get("limit"))
	}
	if reqs[1].Query.Get("business") != testBiz {
		t.Errorf("the retry without limit lost business=")
	}

	// Another WABA (not cached): the edge is remembered, so no limit at all.
	if _, err := c.ListAssignedUsers(context.Background(), "999", testBiz); err != nil {
		t.Fatal(err)
	}
	reqs = f.requests()
	if len(reqs) != 3 || reqs[2].Query.Has("limit") {
		t.Errorf("after the refusal the edge was asked with a limit again: %d requests, last %v", len(reqs), reqs[len(reqs)-1].Query)
	}

	// A different edge still gets the page size.
	if _, err := c.ListSubscribedApps(context.Background(), testWABA); err != nil {
		t.Fatal(err)
	}
	reqs = f.requests()
	if last := reqs[len(reqs)-1]; !strings.HasSuffix(last.Path, "/subscribed_apps") || last.Query.Get("limit") != "100" {
		t.Errorf("subscribed_apps request = %s %v, want limit=100", last.Path, last.Query)
	}
}

func TestListAllOtherParameterErrorsAreReturned(t *testing.T) {
	f := newFakeGraph(t, respond(400, nil, graphErr(100, 0, "(#100) The parameter business is required", false)))
	c := newTestClient(t, f.URL())
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	ge, ok := AsError(err)
	if !ok || ge.Code != 100 {
		t.Fatalf("err = %v", err)
	}
	if f.count() != 1 {
		t.Errorf("got %d requests, want 1", f.count())
	}
}

func TestListAllPageLimitSetting(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL(), func(c *Config) { c.PageLimit = 25 })
	if _, err := c.ListSubscribedApps(context.Background(), testWABA); err != nil {
		t.Fatal(err)
	}
	if got := f.requests()[0].Query.Get("limit"); got != "25" {
		t.Errorf("limit = %q, want 25", got)
	}
}

func TestListAllItemDecodeError(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[{"id":"1","tasks":"MANAGE"}]}`)
	})
	c := newTestClient(t, f.URL())
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err == nil || !strings.Contains(err.Error(), "decoding an item") {
		t.Fatalf("err = %v, want a decoding error", err)
	}
}

func TestListAllDoesNotModifyTheCallerQuery(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("1")}, "A", true))
			return
		}
		writeJSON(w, 200, `{"data":[]}`)
	})
	c := newTestClient(t, f.URL())
	q := url.Values{"business": {testBiz}}
	n := 0
	err := c.listAll(context.Background(), "assigned_users", "/"+testWABA+"/assigned_users", q, func(json.RawMessage) error { n++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("each was called %d times", n)
	}
	if len(q) != 1 || q.Get("business") != testBiz {
		t.Errorf("listAll changed the caller's query: %v", q)
	}
}
