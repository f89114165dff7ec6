package graph

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestListSubscribedAppsWithFields(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method != "GET":
			writeJSON(w, 200, `{"success":true}`)
		case r.URL.Query().Get("after") == "":
			writeJSON(w, 200, `{"data":[{"whatsapp_business_api_data":{"id":"1","name":"One","link":"https://l/1"}}],
				"paging":{"cursors":{"after":"A1"},"next":"https://graph.facebook.com/n"}}`)
		default:
			writeJSON(w, 200, `{"data":[{"whatsapp_business_api_data":{"id":2,"name":"Two"},"override_callback_uri":"https://hooks.example.com/two"}]}`)
		}
	})
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	apps, err := c.ListSubscribedAppsWithFields(ctx, testWABA)
	if err != nil {
		t.Fatal(err)
	}
	want := []SubscribedApp{
		{App: App{ID: "1", Name: "One", Link: "https://l/1"}},
		{App: App{ID: "2", Name: "Two"}, OverrideCallbackURI: "https://hooks.example.com/two"},
	}
	if !reflect.DeepEqual(apps, want) {
		t.Errorf("apps = %+v\nwant %+v", apps, want)
	}
	for _, r := range f.requests() {
		if got := r.Query.Get("fields"); got != strings.Join(SubscribedAppsFields, ",") {
			t.Errorf("fields = %q", got)
		}
	}

	// A subscribe through the same client invalidates this list too.
	if err := c.SubscribeApp(ctx, testWABA, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListSubscribedAppsWithFields(ctx, testWABA); err != nil {
		t.Fatal(err)
	}
	if got := f.countMatching("GET", "/subscribed_apps"); got != 4 {
		t.Errorf("%d GETs, want 4: two pages before the subscribe and two after", got)
	}
}
