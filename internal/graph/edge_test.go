package graph

import (
	"context"
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// assignedUsersGraph serves two pages of assigned users and answers writes.
func assignedUsersGraph(t *testing.T, gets *atomic.Int64, hold <-chan struct{}, arrived chan<- struct{}) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			writeJSON(w, 200, `{"success":true}`)
			return
		}
		if r.URL.Query().Get("after") == "" {
			gets.Add(1)
			if arrived != nil {
				select {
				case arrived <- struct{}{}:
				default:
				}
			}
			if hold != nil {
				<-hold
			}
			writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("1")}, "P2", true))
			return
		}
		writeJSON(w, 200, pageJSON(t, r, []map[string]any{user("2")}, "", false))
	}
}

func TestConcurrentListsShareOneFetch(t *testing.T) {
	var fetches atomic.Int64
	hold := make(chan struct{})
	arrived := make(chan struct{}, 1)
	f := newFakeGraph(t, assignedUsersGraph(t, &fetches, hold, arrived))
	c := newTestClient(t, f.URL())

	const n = 20
	var ready, done sync.WaitGroup
	ready.Add(n)
	done.Add(n)
	results := make([][]AssignedUser, n)
	errs := make([]error, n)
	for i := range n {
		go func() {
			defer done.Done()
			ready.Done()
			results[i], errs[i] = c.ListAssignedUsers(context.Background(), testWABA, testBiz)
		}()
	}
	ready.Wait()
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		close(hold)
		t.Fatal("no request reached the server")
	}
	close(hold)
	done.Wait()

	for i := range n {
		if errs[i] != nil {
			t.Fatalf("call %d: %v", i, errs[i])
		}
		if got := userIDs(results[i]); got != "1,2" {
			t.Errorf("call %d got users %q, want 1,2", i, got)
		}
	}
	if fetches.Load() != 1 || f.count() != 2 {
		t.Errorf("%d fetches and %d requests, want one paged fetch of 2 requests", fetches.Load(), f.count())
	}

	// After completion the list comes from the cache.
	users, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	if userIDs(users) != "1,2" || f.count() != 2 {
		t.Errorf("a later read made requests: %d in all", f.count())
	}
}

func TestWritesInvalidateTheList(t *testing.T) {
	var fetches atomic.Int64
	f := newFakeGraph(t, assignedUsersGraph(t, &fetches, nil, nil))
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	list := func() {
		t.Helper()
		if _, err := c.ListAssignedUsers(ctx, testWABA, testBiz); err != nil {
			t.Fatal(err)
		}
	}
	list()
	list()
	if fetches.Load() != 1 {
		t.Fatalf("two reads made %d fetches, want 1", fetches.Load())
	}
	if err := c.AssignUser(ctx, testWABA, "42", []string{"MANAGE"}); err != nil {
		t.Fatal(err)
	}
	list()
	if fetches.Load() != 2 {
		t.Errorf("the read after AssignUser made %d fetches in all, want 2", fetches.Load())
	}
	list()
	if err := c.RemoveAssignedUser(ctx, testWABA, "42"); err != nil {
		t.Fatal(err)
	}
	list()
	if fetches.Load() != 3 {
		t.Errorf("the read after RemoveAssignedUser made %d fetches in all, want 3", fetches.Load())
	}

	// A failed write invalidates as well: the change may have been applied.
	f2 := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			writeJSON(w, 400, graphErr(100, 0, "Invalid parameter", false))
			return
		}
		okGraph(w, r)
	})
	c2 := newTestClient(t, f2.URL())
	if _, err := c2.ListAssignedUsers(ctx, testWABA, testBiz); err != nil {
		t.Fatal(err)
	}
	if err := c2.AssignUser(ctx, testWABA, "42", []string{"MANAGE"}); err == nil {
		t.Fatal("want the write to fail")
	}
	if _, err := c2.ListAssignedUsers(ctx, testWABA, testBiz); err != nil {
		t.Fatal(err)
	}
	if n := f2.countMatching("GET", "/assigned_users"); n != 2 {
		t.Errorf("reads around a failed write made %d GETs, want 2", n)
	}
}

func TestCacheKeys(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	mustList := func(waba, biz string) {
		t.Helper()
		if _, err := c.ListAssignedUsers(ctx, waba, biz); err != nil {
			t.Fatal(err)
		}
	}
	mustList("111", testBiz)
	mustList("222", testBiz)
	if n := f.count(); n != 2 {
		t.Fatalf("two WABAs made %d requests, want 2", n)
	}
	if f.countMatching("GET", "/111/assigned_users") != 1 || f.countMatching("GET", "/222/assigned_users") != 1 {
		t.Errorf("requests = %+v", f.requests())
	}
	mustList("111", "other-business")
	if n := f.count(); n != 3 {
		t.Errorf("a different business shared a cached list: %d requests", n)
	}
	mustList("111", testBiz)
	mustList("222", testBiz)
	if n := f.count(); n != 3 {
		t.Errorf("cached reads made requests: %d", n)
	}
	// A write to one WABA leaves the other's list cached.
	if err := c.AssignUser(ctx, "222", "42", []string{"MANAGE"}); err != nil {
		t.Fatal(err)
	}
	mustList("111", testBiz)
	if n := f.countMatching("GET", "/111/assigned_users"); n != 2 {
		t.Errorf("a write to WABA 222 refetched WABA 111's list (%d GETs for 111)", n)
	}
	mustList("222", testBiz)
	if n := f.countMatching("GET", "/222/assigned_users"); n != 2 {
		t.Errorf("WABA 222 was not refetched after its write (%d GETs)", n)
	}
	// subscribed_apps and assigned_users of one WABA are separate.
	if err := c.SubscribeApp(ctx, "111", nil); err != nil {
		t.Fatal(err)
	}
	mustList("111", testBiz)
	if n := f.countMatching("GET", "/111/assigned_users"); n != 2 {
		t.Errorf("a subscribed_apps write invalidated assigned_users (%d GETs)", n)
	}
}

func TestSubscribedAppsCacheInvalidation(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = ExampleAppID })
	ctx := context.Background()
	for range 3 {
		if _, err := c.FindTokenAppSubscription(ctx, testWABA); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.countMatching("GET", "/subscribed_apps"); n != 1 {
		t.Fatalf("three reads made %d GETs, want 1", n)
	}
	if err := c.SubscribeApp(ctx, testWABA, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListSubscribedApps(ctx, testWABA); err != nil {
		t.Fatal(err)
	}
	if err := c.UnsubscribeApp(ctx, testWABA); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListSubscribedApps(ctx, testWABA); err != nil {
		t.Fatal(err)
	}
	if n := f.countMatching("GET", "/subscribed_apps"); n != 3 {
		t.Errorf("reads after two writes made %d GETs in all, want 3", n)
	}
	if posts, deletes := f.countMatching("POST", "/subscribed_apps"), f.countMatching("DELETE", "/subscribed_apps"); posts != 1 || deletes != 1 {
		t.Errorf("the writes made %d POSTs and %d DELETEs, want 1 of each", posts, deletes)
	}
}

func TestCachedListsAreCopies(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = ExampleAppID })
	ctx := context.Background()
	users, err := c.ListAssignedUsers(ctx, testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	want := []AssignedUser{{ID: ExampleUserID, Name: "sys", Tasks: []string{"MANAGE"}}}
	if !reflect.DeepEqual(users, want) {
		t.Fatalf("users = %+v", users)
	}
	users[0].Name = "changed"
	users[0].Tasks[0] = "CHANGED"
	again, err := c.ListAssignedUsers(ctx, testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, want) {
		t.Errorf("a caller's change reached the cache: %+v", again)
	}

	apps, err := c.ListSubscribedApps(ctx, testWABA)
	if err != nil {
		t.Fatal(err)
	}
	apps[0].Name = "changed"
	apps2, _ := c.ListSubscribedApps(ctx, testWABA)
	if apps2[0].Name != "Lucky Shrub" {
		t.Errorf("a caller's change reached the cache: %+v", apps2)
	}
	if apps2[0].ID != ExampleAppID {
		t.Errorf("apps = %+v", apps2)
	}
}

func TestReadDuringAWriteWaitsForIt(t *testing.T) {
	postArrived := make(chan struct{})
	releasePost := make(chan struct{})
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			close(postArrived)
			<-releasePost
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	writeDone := make(chan error, 1)
	go func() { writeDone <- c.AssignUser(ctx, testWABA, "42", []string{"MANAGE"}) }()
	<-postArrived
	// A read that starts while the write is in flight waits for it, so it
	// cannot see the list from before the write.
	readDone := make(chan error, 1)
	go func() {
		_, err := c.ListAssignedUsers(ctx, testWABA, testBiz)
		readDone <- err
	}()
	select {
	case err := <-readDone:
		t.Fatalf("the read finished while the write was in flight (err %v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	if n := f.countMatching("GET", "/assigned_users"); n != 0 {
		t.Errorf("%d GETs were sent during the write, want 0", n)
	}
	close(releasePost)
	if err := <-writeDone; err != nil {
		t.Fatal(err)
	}
	if err := <-readDone; err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListAssignedUsers(ctx, testWABA, testBiz); err != nil {
		t.Fatal(err)
	}
	if n := f.countMatching("GET", "/assigned_users"); n != 1 {
		t.Errorf("%d GETs, want 1: the read after the write, then the cache", n)
	}
}
