package graph

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestWABAOwnerBusinessID(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		// Graph has been seen to send IDs as bare numbers.
		writeJSON(w, 200, `{"id":`+strings.TrimPrefix(r.URL.Path, "/"+DefaultAPIVersion+"/")+`,"owner_business_info":{"id":500600700800900}}`)
	})
	c := newTestClient(t, f.URL(), withSecret)
	got, err := c.WABAOwnerBusinessID(context.Background(), testWABA)
	if err != nil {
		t.Fatal(err)
	}
	if got != testBiz {
		t.Errorf("owner = %q, want %q", got, testBiz)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	// Asked bare, owner_business_info leaves the id out: it is asked for
	// by name, and nothing else is.
	if r := reqs[0]; r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA || r.Query.Get("fields") != "owner_business_info{id}" {
		t.Errorf("request = %s %s?%s", r.Method, r.Path, r.Query.Encode())
	}

	// Concurrent and later lookups of the same WABA share that request;
	// another WABA has its own.
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.WABAOwnerBusinessID(context.Background(), testWABA); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if f.count() != 1 {
		t.Errorf("%d requests after repeated lookups, want 1", f.count())
	}
	if _, err := c.WABAOwnerBusinessID(context.Background(), "999"); err != nil {
		t.Fatal(err)
	}
	if f.count() != 2 {
		t.Errorf("%d requests after a second WABA, want 2", f.count())
	}
}

func TestWABAOwnerBusinessIDErrors(t *testing.T) {
	t.Run("missing or hidden", func(t *testing.T) {
		f := newFakeGraph(t, respond(400, nil, graphErr(100, 33, "Unsupported get request. Object with ID '1' does not exist", false)))
		c := newTestClient(t, f.URL())
		if _, err := c.WABAOwnerBusinessID(context.Background(), testWABA); !IsMissingOrHidden(err) {
			t.Errorf("err = %v, want IsMissingOrHidden", err)
		}
		// A failure is not kept: the next lookup asks again.
		if _, err := c.WABAOwnerBusinessID(context.Background(), testWABA); err == nil {
			t.Error("second lookup succeeded")
		}
		if f.count() != 2 {
			t.Errorf("%d requests, want 2 (failures are not cached)", f.count())
		}
	})
	for name, body := range map[string]string{
		"no owner":         `{"id":"102290129340398"}`,
		"owner without id": `{"id":"102290129340398","owner_business_info":{"name":"Acme"}}`,
		"not a node":       `{"success":false}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, body) })
			c := newTestClient(t, f.URL())
			owner, err := c.WABAOwnerBusinessID(context.Background(), testWABA)
			ge, ok := AsError(err)
			if !ok || ge.HTTPStatus != 200 || ge.Method != "GET" || owner != "" {
				t.Fatalf("owner %q, err %v; want a 200 reported as an *Error", owner, err)
			}
		})
	}
}
