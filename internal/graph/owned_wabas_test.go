package graph

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

func TestListOwnedWABAsPagesAndShares(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			writeJSON(w, 200, `{"data":[{"id":"102290129340398","name":"Acme Support","timezone_id":"1",
				"message_template_namespace":"ba30dd89_2ebd_41e4_b805_f2c05ae04cc9"}],
				"paging":{"cursors":{"before":"B","after":"A1"},"next":"https://graph.facebook.com/next"}}`)
			return
		}
		// Graph has sent numeric IDs on other edges, and timezone_id is a
		// numeric string: accept both bare. A field Graph leaves out stays empty.
		writeJSON(w, 200, `{"data":[{"id":102290129340399,"name":"Acme Sandbox","timezone_id":42}],"paging":{"cursors":{"before":"B","after":"A2"}}}`)
	})
	c := newTestClient(t, f.URL())
	wabas, err := c.ListOwnedWABAs(context.Background(), testBiz)
	if err != nil {
		t.Fatal(err)
	}
	want := []OwnedWABA{
		{ID: "102290129340398", Name: "Acme Support", TimezoneID: "1", MessageTemplateNamespace: "ba30dd89_2ebd_41e4_b805_f2c05ae04cc9"},
		{ID: "102290129340399", Name: "Acme Sandbox", TimezoneID: "42"},
	}
	if !reflect.DeepEqual(wabas, want) {
		t.Errorf("wabas = %#v\nwant %#v", wabas, want)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (one per page)", len(reqs))
	}
	r := reqs[0]
	if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testBiz+"/owned_whatsapp_business_accounts" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	if got, want := r.Query.Get("fields"), "id,name,timezone_id,message_template_namespace"; got != want {
		t.Errorf("fields = %q, want %s", got, want)
	}
	if got := reqs[1].Query.Get("after"); got != "A1" {
		t.Errorf("second page after = %q, want A1", got)
	}

	wabas[0].Name = "changed"
	again, err := c.ListOwnedWABAs(context.Background(), testBiz)
	if err != nil || again[0].Name != "Acme Support" {
		t.Errorf("a change to a returned list reached the cache: %+v, %v", again, err)
	}
	if f.count() != 2 {
		t.Errorf("%d requests after the second list, want 2: reads in one run share one fetch", f.count())
	}
}

func TestListOwnedWABAsErrors(t *testing.T) {
	f := newFakeGraph(t, respond(400, nil, graphErr(100, 33, "Unsupported get request.", false)))
	c := newTestClient(t, f.URL())
	_, err := c.ListOwnedWABAs(context.Background(), testBiz)
	if !IsMissingOrHidden(err) {
		t.Errorf("err = %v, want Graph's missing-or-hidden answer", err)
	}

	f2 := newFakeGraph(t, respond(403, nil, graphErr(200, 0, "Permissions error", false)))
	c2 := newTestClient(t, f2.URL())
	if _, err := c2.ListOwnedWABAs(context.Background(), testBiz); !isPermission(err) {
		t.Errorf("err = %v, want a permission error", err)
	}
}
