package graph

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// tooMuchData is Graph's answer to a read it finds too heavy.
const tooMuchData = `{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"error_subcode":99,
	"is_transient":false,"error_user_msg":"Please reduce the amount of data you're asking for, then retry your request","fbtrace_id":"AhEavy1"}}`

// heavyEdge serves two pages of assigned users and answers "reduce the
// amount of data" whenever a page is asked with more items than it can carry:
// 12 on the first page, 6 on the second. A request without limit gets the
// edge's default, taken to be 25. Other edges answer as okGraph.
func heavyEdge(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/assigned_users") {
			okGraph(w, r)
			return
		}
		limit := 25
		if r.URL.Query().Has("limit") {
			n, err := strconv.Atoi(r.URL.Query().Get("limit"))
			if err != nil {
				t.Errorf("limit = %q", r.URL.Query().Get("limit"))
			}
			limit = n
		}
		first := r.URL.Query().Get("after") == ""
		if (first && limit > 12) || (!first && limit > 6) {
			writeJSON(w, 500, tooMuchData)
			return
		}
		if first {
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("1")}, "C1", true))
			return
		}
		writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("2")}, "", false))
	}
}

// limitsAsked lists the limit and after of every request, "-" for none.
func limitsAsked(f *fakeGraph) string {
	var out []string
	for _, r := range f.requests() {
		l := "-"
		if r.Query.Has("limit") {
			l = r.Query.Get("limit")
		}
		if a := r.Query.Get("after"); a != "" {
			l += "@" + a
		}
		out = append(out, l)
	}
	return strings.Join(out, " ")
}

func TestTooMuchDataHalvesThePageAndRemembersIt(t *testing.T) {
	f := newFakeGraph(t, heavyEdge(t))
	c := newTestClient(t, f.URL(), withRetries(3))
	ctx := context.Background()
	users, err := c.ListAssignedUsers(ctx, testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	if got := userIDs(users); got != "1,2" {
		t.Errorf("users = %s, want 1,2", got)
	}
	// Each refused page is asked once (no retry of the same request), then
	// again with half the size, from the same cursor.
	if got, want := limitsAsked(f), "100 50 25 12 12@C1 6@C1"; got != want {
		t.Errorf("requests (limit@after) = %s, want %s", got, want)
	}
	if st := c.stats(); st.Retries != 0 {
		t.Errorf("Stats = %+v: a too-heavy read was retried unchanged", st)
	}

	// Another read of the edge (another WABA, not cached) starts at the
	// size that worked, for the rest of the client's life.
	if _, err := c.ListAssignedUsers(ctx, "999", testBiz); err != nil {
		t.Fatal(err)
	}
	if got, want := limitsAsked(f), "100 50 25 12 12@C1 6@C1 6 6@C1"; got != want {
		t.Errorf("requests (limit@after) = %s, want %s", got, want)
	}

	// Other edges keep the configured size.
	if _, err := c.ListSubscribedApps(ctx, testWABA); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if last := reqs[len(reqs)-1]; last.Query.Get("limit") != "100" {
		t.Errorf("subscribed_apps asked with limit %q, want 100", last.Query.Get("limit"))
	}
}

func TestTooMuchDataAtTheSmallestPageIsReturned(t *testing.T) {
	f := newFakeGraph(t, respond(500, nil, tooMuchData))
	c := newTestClient(t, f.URL(), withRetries(3), func(c *Config) { c.PageLimit = 4 })
	_, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	ge, ok := AsError(err)
	if !ok || ge.Code != 1 || ge.Subcode != 99 || ge.HTTPStatus != 500 {
		t.Fatalf("err = %v, want Graph's code 1 subcode 99", err)
	}
	if !strings.Contains(Hint(err), "too much data") {
		t.Errorf("Hint = %q", Hint(err))
	}
	if got, want := limitsAsked(f), "4 2 1"; got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
	// The next read starts at the floor and gives up after one request.
	if _, err := c.ListAssignedUsers(context.Background(), "999", testBiz); err == nil {
		t.Fatal("want the error again")
	}
	if got, want := limitsAsked(f), "4 2 1 1"; got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
}

func TestTooMuchDataOnAnEdgeThatRefusedTheLimit(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("limit") {
		case "100":
			writeJSON(w, 400, graphErr(100, 0, "(#100) Param limit must be a number less than or equal to 50", false))
		case "":
			writeJSON(w, 500, tooMuchData)
		default:
			okGraph(w, r)
		}
	})
	c := newTestClient(t, f.URL())
	users, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err != nil || len(users) != 1 {
		t.Fatalf("users = %+v, %v", users, err)
	}
	// The default page of an edge that refuses our limit counts as the
	// configured size: halving starts from there.
	if got, want := limitsAsked(f), "100 - 50"; got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
	if _, err := c.ListAssignedUsers(context.Background(), "999", testBiz); err != nil {
		t.Fatal(err)
	}
	if got, want := limitsAsked(f), "100 - 50 50"; got != want {
		t.Errorf("requests = %s, want %s: the accepted size comes before the refusal", got, want)
	}
}

func TestTooMuchDataIsNotRetriedOutsideLists(t *testing.T) {
	f := newFakeGraph(t, respond(500, nil, tooMuchData))
	c := newTestClient(t, f.URL(), withRetries(3))
	_, err := c.GetBusinessAccount(context.Background(), testWABA)
	if ge, ok := AsError(err); !ok || ge.Code != 1 || ge.Subcode != 99 {
		t.Fatalf("err = %v", err)
	}
	if f.count() != 1 {
		t.Errorf("%d attempts, want 1: asking again unchanged fails again", f.count())
	}
}

func TestReducePageLimitKeepsTheSmallest(t *testing.T) {
	c := newTestClient(t, "https://graph.example.com")
	var wg sync.WaitGroup
	for _, current := range []int{100, 40, 20, 100, 9} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := c.reducePageLimit("e", current); !ok {
				t.Errorf("reducePageLimit(%d) refused", current)
			}
		}()
	}
	wg.Wait()
	if size, ok := c.pageLimit("e"); !ok || size != 4 {
		t.Errorf("pageLimit = %d, %v; want the smallest, 4", size, ok)
	}
	if next, ok := c.reducePageLimit("e", 100); !ok || next != 4 {
		t.Errorf("reducePageLimit from 100 = %d, %v; want the smaller remembered 4", next, ok)
	}
	if _, ok := c.reducePageLimit("e", 1); ok {
		t.Error("reducePageLimit went below one item")
	}
	if size, ok := c.pageLimit("other"); !ok || size != DefaultPageLimit {
		t.Errorf("another edge's pageLimit = %d, %v", size, ok)
	}
}
