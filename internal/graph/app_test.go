package graph

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
)

func TestTokenAppAsksOnceAndCaches(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	want := App{ID: ExampleAppID, Name: "Lucky Shrub", Link: "https://www.facebook.com/games/?app_id=" + ExampleAppID}
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			app, err := c.TokenApp(context.Background())
			if err != nil || app != want {
				t.Errorf("TokenApp = %+v, %v", app, err)
			}
		}()
	}
	wg.Wait()
	if app, err := c.TokenApp(context.Background()); err != nil || app != want {
		t.Errorf("TokenApp = %+v, %v", app, err)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/app" {
		t.Errorf("request = %s %s, want GET /%s/app", r.Method, r.Path, DefaultAPIVersion)
	}
	if got := r.Query.Get("fields"); got != "id,name,link" {
		t.Errorf("fields = %q", got)
	}
}

func TestTokenAppWithConfiguredAppID(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = "123456789" })
	app, err := c.TokenApp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if app != (App{ID: "123456789"}) {
		t.Errorf("app = %+v", app)
	}
	if f.count() != 0 {
		t.Errorf("%d requests, want none", f.count())
	}
}

func TestTokenAppFailuresAreNotCached(t *testing.T) {
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			writeJSON(w, 400, graphErr(190, 463, "Error validating access token", false))
		case 2:
			writeJSON(w, 200, `{"name":"no id"}`)
		default:
			okGraph(w, r)
		}
	})
	c := newTestClient(t, f.URL())
	_, err := c.TokenApp(context.Background())
	if !isAuth(err) {
		t.Fatalf("first call err = %v, want an auth error", err)
	}
	_, err = c.TokenApp(context.Background())
	ge, ok := AsError(err)
	if !ok || ge.Path != "/app" || ge.HTTPStatus != 200 {
		t.Fatalf("second call err = %v, want a missing-id error", err)
	}
	for range 2 {
		app, err := c.TokenApp(context.Background())
		if err != nil || app.ID != ExampleAppID {
			t.Fatalf("TokenApp = %+v, %v", app, err)
		}
	}
	if f.count() != 3 {
		t.Errorf("%d requests, want 3 (two failures, one success, then the cache)", f.count())
	}
}
