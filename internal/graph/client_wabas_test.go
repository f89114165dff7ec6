package graph

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestListClientWABAsPagesAndShares(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			writeJSON(w, 200, `{"data":[{"id":"301000000000001","name":"Globex Support","timezone_id":"7",
				"message_template_namespace":"ns_globex","permitted_tasks":["MANAGE","DEVELOP"]}],
				"paging":{"cursors":{"before":"B","after":"A1"},"next":"https://graph.facebook.com/next"}}`)
			return
		}
		// A bare numeric timezone_id, and an account without permitted_tasks.
		writeJSON(w, 200, `{"data":[{"id":301000000000002,"name":"Initech","timezone_id":7}],"paging":{"cursors":{"before":"B","after":"A2"}}}`)
	})
	c := newTestClient(t, f.URL())
	wabas, err := c.ListClientWABAs(context.Background(), testBiz)
	if err != nil {
		t.Fatal(err)
	}
	want := []ClientWABA{
		{ID: "301000000000001", Name: "Globex Support", TimezoneID: "7", MessageTemplateNamespace: "ns_globex", PermittedTasks: []string{"MANAGE", "DEVELOP"}},
		{ID: "301000000000002", Name: "Initech", TimezoneID: "7"},
	}
	if !reflect.DeepEqual(wabas, want) {
		t.Errorf("wabas = %#v\nwant %#v", wabas, want)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (one per page)", len(reqs))
	}
	if r := reqs[0]; r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testBiz+"/client_whatsapp_business_accounts" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	for _, r := range reqs {
		if got, want := r.Query.Get("fields"), "id,name,timezone_id,message_template_namespace,permitted_tasks"; got != want {
			t.Errorf("fields = %q, want %s", got, want)
		}
	}

	wabas[0].PermittedTasks[0] = "changed"
	again, err := c.ListClientWABAs(context.Background(), testBiz)
	if err != nil || again[0].PermittedTasks[0] != "MANAGE" {
		t.Errorf("a change to a returned list reached the cache: %+v, %v", again, err)
	}
	if f.count() != 2 {
		t.Errorf("%d requests after the second list, want 2: reads in one run share one fetch", f.count())
	}
}

// TestBusinessWABAEdgesAreReadOnceEach reads both edges twice: each is
// fetched once, and neither answer stands in for the other.
func TestBusinessWABAEdgesAreReadOnceEach(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		id := "101"
		if strings.HasSuffix(r.URL.Path, "/client_whatsapp_business_accounts") {
			id = "202"
		}
		writeJSON(w, 200, `{"data":[{"id":"`+id+`","name":"x"}]}`)
	})
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	for range 2 {
		owned, err := c.ListOwnedWABAs(ctx, testBiz)
		if err != nil || len(owned) != 1 || owned[0].ID != "101" {
			t.Fatalf("owned = %+v, %v", owned, err)
		}
		client, err := c.ListClientWABAs(ctx, testBiz)
		if err != nil || len(client) != 1 || client[0].ID != "202" {
			t.Fatalf("client = %+v, %v", client, err)
		}
	}
	if n := f.countMatching("GET", "/owned_whatsapp_business_accounts"); n != 1 {
		t.Errorf("owned edge read %d times, want 1", n)
	}
	if n := f.countMatching("GET", "/client_whatsapp_business_accounts"); n != 1 {
		t.Errorf("client edge read %d times, want 1", n)
	}
}

func TestListClientWABAsErrors(t *testing.T) {
	f := newFakeGraph(t, respond(400, nil, graphErr(100, 33, "Unsupported get request.", false)))
	c := newTestClient(t, f.URL())
	if _, err := c.ListClientWABAs(context.Background(), testBiz); !IsMissingOrHidden(err) {
		t.Errorf("err = %v, want Graph's missing-or-hidden answer", err)
	}

	f2 := newFakeGraph(t, respond(403, nil, graphErr(200, 0, "Permissions error", false)))
	c2 := newTestClient(t, f2.URL())
	if _, err := c2.ListClientWABAs(context.Background(), testBiz); !isPermission(err) {
		t.Errorf("err = %v, want a permission error", err)
	}
}
