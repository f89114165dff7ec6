package graph

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestExistenceChecksShareOneRead models fifty assignments created at once:
// each checks that its user is not assigned yet, then assigns it. The checks
// share one read of the edge, however the writes interleave with them.
func TestExistenceChecksShareOneRead(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			// Slow enough for writes to start while the read is in flight.
			time.Sleep(20 * time.Millisecond)
			writeJSON(w, 200, `{"data":[{"id":"u0","name":"already there","tasks":["MANAGE"]},{"id":"u1","name":"also there","tasks":["DEVELOP"]}]}`)
			return
		}
		time.Sleep(5 * time.Millisecond)
		writeJSON(w, 200, `{"success":true}`)
	})
	c := newTestClient(t, f.URL())
	ctx := context.Background()

	const n = 50
	var wg sync.WaitGroup
	found := make([]*AssignedUser, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Staggered: later checks start while earlier creates write.
			time.Sleep(time.Duration(i) * time.Millisecond)
			userID := fmt.Sprintf("u%d", i)
			found[i], errs[i] = c.ExistingAssignedUser(ctx, testWABA, testBiz, userID)
			if errs[i] == nil && found[i] == nil {
				errs[i] = c.AssignUser(ctx, testWABA, userID, []string{"MANAGE"})
			}
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("user %d: %v", i, errs[i])
		}
		if exists := i < 2; (found[i] != nil) != exists {
			t.Errorf("user %d: ExistingAssignedUser = %+v, want existing %v", i, found[i], exists)
		}
	}
	if got := f.countMatching("GET", "/assigned_users"); got != 1 {
		t.Errorf("%d GETs of the edge for %d existence checks, want 1", got, n)
	}
	if got := f.countMatching("POST", "/assigned_users"); got != n-2 {
		t.Errorf("%d POSTs, want %d", got, n-2)
	}
	if want := (&AssignedUser{ID: "u1", Name: "also there", Tasks: []string{"DEVELOP"}}); !reflect.DeepEqual(found[1], want) {
		t.Errorf("ExistingAssignedUser(u1) = %+v, want %+v", found[1], want)
	}

	// A returned value is the caller's own.
	if found[0] == nil {
		t.Fatal("ExistingAssignedUser(u0) = nil")
	}
	found[0].Tasks[0] = "CHANGED"
	again, err := c.ExistingAssignedUser(ctx, testWABA, testBiz, "u0")
	if err != nil || again == nil || again.Tasks[0] != "MANAGE" {
		t.Errorf("after changing a returned value: %+v, %v", again, err)
	}

	// The regular read still sees this client's writes: it refetches.
	if _, err := c.FindAssignedUser(ctx, testWABA, testBiz, "u7"); err != nil {
		t.Fatal(err)
	}
	if got := f.countMatching("GET", "/assigned_users"); got != 2 {
		t.Errorf("FindAssignedUser after the writes made %d GETs in all, want 2", got)
	}
	if err := c.AssignUser(ctx, testWABA, "u99", []string{"MANAGE"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FindAssignedUser(ctx, testWABA, testBiz, "u7"); err != nil {
		t.Fatal(err)
	}
	if got := f.countMatching("GET", "/assigned_users"); got != 3 {
		t.Errorf("FindAssignedUser after another write made %d GETs in all, want 3", got)
	}
	// Existence checks keep sharing what was read.
	if _, err := c.ExistingAssignedUser(ctx, testWABA, testBiz, "u100"); err != nil {
		t.Fatal(err)
	}
	if got := f.countMatching("GET", "/assigned_users"); got != 3 {
		t.Errorf("an existence check after the writes made a GET (%d in all)", got)
	}
	// Another business's view of the WABA is another read.
	if _, err := c.ExistingAssignedUser(ctx, testWABA, "other-business", "u0"); err != nil {
		t.Fatal(err)
	}
	if got := f.countMatching("GET", "/assigned_users"); got != 4 {
		t.Errorf("%d GETs, want 4: a different business is a different read", got)
	}
}

func TestExistenceCheckFailuresAreNotRemembered(t *testing.T) {
	fail := true
	var mu sync.Mutex
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if fail {
			writeJSON(w, 403, graphErr(200, 0, "Permissions error", false))
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	if _, err := c.ExistingAssignedUser(context.Background(), testWABA, testBiz, "1"); !isPermission(err) {
		t.Fatalf("err = %v, want the permission error", err)
	}
	mu.Lock()
	fail = false
	mu.Unlock()
	u, err := c.ExistingAssignedUser(context.Background(), testWABA, testBiz, ExampleUserID)
	if err != nil || u == nil {
		t.Errorf("after the failure: %+v, %v; want a fresh read", u, err)
	}
}

func TestExistingTokenAppSubscription(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Path == "/"+DefaultAPIVersion+"/"+testWABA+"/subscribed_apps" {
			writeJSON(w, 200, `{"data":[{"name":"Lucky Shrub","id":"670843887433847","override_callback_uri":"https://hooks.example.com/waba"}]}`)
			return
		}
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/subscribed_apps") {
			writeJSON(w, 200, `{"data":[]}`)
			return
		}
		okGraph(w, r)
	})
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	sub, err := c.ExistingTokenAppSubscription(ctx, testWABA)
	if err != nil {
		t.Fatal(err)
	}
	want := &SubscribedApp{App: App{ID: ExampleAppID, Name: "Lucky Shrub"}, OverrideCallbackURI: "https://hooks.example.com/waba"}
	if !reflect.DeepEqual(sub, want) {
		t.Fatalf("subscription = %+v, want %+v", sub, want)
	}
	sub.OverrideCallbackURI = "changed"
	if err := c.SubscribeApp(ctx, testWABA, nil); err != nil {
		t.Fatal(err)
	}
	again, err := c.ExistingTokenAppSubscription(ctx, testWABA)
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("second check = %+v, %v; want the remembered read, unchanged", again, err)
	}
	if got := f.countMatching("GET", "/subscribed_apps"); got != 1 {
		t.Errorf("%d GETs of subscribed_apps, want 1", got)
	}
	if got := f.countMatching("GET", "/app"); got != 1 {
		t.Errorf("%d GETs of /app, want 1", got)
	}
	absent, err := c.ExistingTokenAppSubscription(ctx, "999")
	if err != nil || absent != nil {
		t.Errorf("other WABA: %+v, %v; want nil, nil", absent, err)
	}
}

func TestExistingAppSubscription(t *testing.T) {
	f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			writeJSON(w, 200, `{"data":[{"object":"page","callback_url":"https://hooks.example.com/page","fields":["feed"]}]}`)
			return
		}
		writeJSON(w, 200, `{"success":true}`)
	})
	c := newTestClient(t, f.URL(), withAppCredentials)
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			object := fmt.Sprintf("object_%d", i)
			sub, err := c.ExistingAppSubscription(ctx, object)
			if err != nil || sub != nil {
				t.Errorf("%s: %+v, %v; want nil, nil", object, sub, err)
				return
			}
			if err := c.SetAppSubscription(ctx, AppSubscriptionSettings{Object: object, CallbackURL: "https://hooks.example.com/x", VerifyToken: "vt", Fields: []string{"messages"}}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	page, err := c.ExistingAppSubscription(ctx, "page")
	if err != nil || page == nil || !reflect.DeepEqual(page.Fields, []string{"feed"}) {
		t.Fatalf("page subscription = %+v, %v", page, err)
	}
	page.Fields[0] = "changed"
	if again, _ := c.ExistingAppSubscription(ctx, "page"); again == nil || again.Fields[0] != "feed" {
		t.Errorf("a change to a returned subscription reached the remembered read: %+v", again)
	}
	if got := f.countMatching("GET", "/subscriptions"); got != 1 {
		t.Errorf("%d GETs of the subscriptions, want 1", got)
	}
	// FindAppSubscription still reads after the writes.
	if _, err := c.FindAppSubscription(ctx, "page"); err != nil {
		t.Fatal(err)
	}
	if got := f.countMatching("GET", "/subscriptions"); got != 2 {
		t.Errorf("%d GETs after FindAppSubscription, want 2", got)
	}

	nc := newTestClient(t, f.URL())
	if _, err := nc.ExistingAppSubscription(ctx, "page"); err != errNoAppCredentials {
		t.Errorf("without app credentials: %v", err)
	}
}

// TestExistenceCheckAfterRemoval models a replacement in a run whose other
// creates already read the edge: user u0 is removed and assigned again. The
// check before the new assignment must not trust the read from before the
// removal, which still lists u0.
func TestExistenceCheckAfterRemoval(t *testing.T) {
	var mu sync.Mutex
	assigned := map[string]bool{"u0": true}
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Method {
		case http.MethodGet:
			var items []string
			for id := range assigned {
				items = append(items, fmt.Sprintf(`{"id":%q,"name":"n","tasks":["MANAGE"]}`, id))
			}
			writeJSON(w, 200, `{"data":[`+strings.Join(items, ",")+`]}`)
		case http.MethodDelete:
			delete(assigned, r.URL.Query().Get("user"))
			writeJSON(w, 200, `{"success":true}`)
		default:
			writeJSON(w, 200, `{"success":true}`)
		}
	})
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	// Another create's check reads the edge while u0 is still assigned.
	if got, err := c.ExistingAssignedUser(ctx, testWABA, testBiz, "u9"); err != nil || got != nil {
		t.Fatalf("ExistingAssignedUser(u9) = %+v, %v", got, err)
	}
	if err := c.RemoveAssignedUser(ctx, testWABA, "u0"); err != nil {
		t.Fatal(err)
	}
	got, err := c.ExistingAssignedUser(ctx, testWABA, testBiz, "u0")
	if err != nil {
		t.Fatal(err)
	}
	if got != nil {
		t.Errorf("after removing u0 the check still finds it: %+v", got)
	}
	if n := f.countMatching("GET", "/assigned_users"); n != 2 {
		t.Errorf("%d reads of the edge, want 2: the check after the removal reads again", n)
	}
}
