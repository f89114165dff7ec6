package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

const subscribedAppsPage = `{
  "data": [
    {"whatsapp_business_api_data": {"id": "111111111", "link": "https://www.facebook.com/games/?app_id=111111111", "name": "Other App"}},
    {"whatsapp_business_api_data": {"id": 670843887433847, "link": "https://www.facebook.com/games/?app_id=670843887433847", "name": "Lucky Shrub"},
     "override_callback_uri": "https://my-waba-alternate-callback.com/webhook"}
  ]
}`

func TestListSubscribedApps(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, subscribedAppsPage) })
	c := newTestClient(t, f.URL())
	apps, err := c.ListSubscribedApps(context.Background(), testWABA)
	if err != nil {
		t.Fatal(err)
	}
	want := []SubscribedApp{
		{App: App{ID: "111111111", Name: "Other App", Link: "https://www.facebook.com/games/?app_id=111111111"}},
		{App: App{ID: ExampleAppID, Name: "Lucky Shrub", Link: "https://www.facebook.com/games/?app_id=" + ExampleAppID}, OverrideCallbackURI: "https://my-waba-alternate-callback.com/webhook"},
	}
	if !reflect.DeepEqual(apps, want) {
		t.Errorf("apps = %+v\nwant %+v", apps, want)
	}
	r := f.requests()[0]
	if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/subscribed_apps" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
}

func TestListSubscribedAppsEmpty(t *testing.T) {
	for _, body := range []string{`{"data":[]}`, `{"data":[],"paging":{}}`} {
		f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) })
		c := newTestClient(t, f.URL())
		apps, err := c.ListSubscribedApps(context.Background(), testWABA)
		if err != nil || len(apps) != 0 {
			t.Errorf("%s: apps = %+v, err = %v", body, apps, err)
		}
	}
}

func TestFindTokenAppSubscription(t *testing.T) {
	t.Run("found via GET /app", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/"+DefaultAPIVersion+"/app" {
				okGraph(w, r)
				return
			}
			writeJSON(w, 200, subscribedAppsPage)
		})
		c := newTestClient(t, f.URL())
		sub, err := c.FindTokenAppSubscription(context.Background(), testWABA)
		if err != nil {
			t.Fatal(err)
		}
		if sub == nil || sub.ID != ExampleAppID || sub.OverrideCallbackURI != "https://my-waba-alternate-callback.com/webhook" || sub.Name != "Lucky Shrub" {
			t.Errorf("sub = %+v", sub)
		}
		if f.countMatching("GET", "/app") != 1 || f.countMatching("GET", "/subscribed_apps") != 1 {
			t.Errorf("requests = %+v", f.requests())
		}
	})
	t.Run("found via configured app id, no override", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, subscribedAppsPage) })
		c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = "111111111" })
		sub, err := c.FindTokenAppSubscription(context.Background(), testWABA)
		if err != nil {
			t.Fatal(err)
		}
		if sub == nil || sub.ID != "111111111" || sub.OverrideCallbackURI != "" {
			t.Errorf("sub = %+v", sub)
		}
		if f.countMatching("GET", "/app") != 0 {
			t.Error("GET /app was made with an app id configured")
		}
	})
	t.Run("not subscribed", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, subscribedAppsPage) })
		c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = "222" })
		sub, err := c.FindTokenAppSubscription(context.Background(), testWABA)
		if err != nil || sub != nil {
			t.Errorf("sub = %+v, err = %v; want nil, nil", sub, err)
		}
	})
	t.Run("app lookup fails", func(t *testing.T) {
		f := newFakeGraph(t, respond(400, nil, graphErr(190, 0, "Invalid OAuth access token", false)))
		c := newTestClient(t, f.URL())
		if _, err := c.FindTokenAppSubscription(context.Background(), testWABA); !isAuth(err) {
			t.Errorf("err = %v, want an auth error", err)
		}
		if f.countMatching("GET", "/subscribed_apps") != 0 {
			t.Error("the list was read after the app lookup failed")
		}
	})
	t.Run("list fails", func(t *testing.T) {
		f := newFakeGraph(t, respond(400, nil, graphErr(803, 0, "Some of the aliases you requested do not exist", false)))
		c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = "1" })
		if _, err := c.FindTokenAppSubscription(context.Background(), testWABA); !IsMissingOrHidden(err) {
			t.Errorf("err = %v, want not found", err)
		}
	})
}

func TestSubscribeAppBodies(t *testing.T) {
	t.Run("with override", func(t *testing.T) {
		f := newFakeGraph(t, okGraph)
		c := newTestClient(t, f.URL())
		err := c.SubscribeApp(context.Background(), testWABA, &CallbackOverride{URI: "https://hooks.example.com/wa?x=1&y=<2>", VerifyToken: "vt-abc-123"})
		if err != nil {
			t.Fatal(err)
		}
		reqs := f.requests()
		if len(reqs) != 1 {
			t.Fatalf("%d requests", len(reqs))
		}
		r := reqs[0]
		if r.Method != "POST" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/subscribed_apps" {
			t.Errorf("request = %s %s", r.Method, r.Path)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type = %q", ct)
		}
		var body map[string]any
		if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
			t.Fatalf("body %q is not JSON: %v", r.Body, err)
		}
		want := map[string]any{"override_callback_uri": "https://hooks.example.com/wa?x=1&y=<2>", "verify_token": "vt-abc-123"}
		if !reflect.DeepEqual(body, want) {
			t.Errorf("body = %v, want %v", body, want)
		}
		if len(r.Query) != 0 {
			t.Errorf("the override also went in the query: %v", r.Query)
		}
	})
	t.Run("without override", func(t *testing.T) {
		f := newFakeGraph(t, okGraph)
		c := newTestClient(t, f.URL())
		if err := c.SubscribeApp(context.Background(), testWABA, nil); err != nil {
			t.Fatal(err)
		}
		r := f.requests()[0]
		if r.Method != "POST" || r.Body != "" {
			t.Errorf("request = %s with body %q, want a POST without a body", r.Method, r.Body)
		}
		if ct := r.Header.Get("Content-Type"); ct != "" {
			t.Errorf("Content-Type = %q on a request without a body", ct)
		}
		if cl := r.Header.Get("Content-Length"); cl != "" && cl != "0" {
			t.Errorf("Content-Length = %q", cl)
		}
		if len(r.Query) != 0 {
			t.Errorf("query = %v, want none", r.Query)
		}
	})
}

func TestUnsubscribeApp(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	if err := c.UnsubscribeApp(context.Background(), testWABA); err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.Method != "DELETE" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/subscribed_apps" || r.Body != "" {
		t.Errorf("request = %s %s body %q", r.Method, r.Path, r.Body)
	}
}

func TestSubscribeAppErrors(t *testing.T) {
	f := newFakeGraph(t, respond(400, nil, `{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
		"error_data":"{\"messaging_product\":\"whatsapp\",\"details\":\"Invalid callback URI format\"}","fbtrace_id":"Az1"}}`))
	c := newTestClient(t, f.URL())
	err := c.SubscribeApp(context.Background(), testWABA, &CallbackOverride{URI: "nope", VerifyToken: "vt-1234"})
	ge, ok := AsError(err)
	if !ok || ge.Code != 100 || ge.Details != "Invalid callback URI format" || ge.Method != "POST" {
		t.Fatalf("err = %#v", err)
	}
	if f.count() != 1 {
		t.Errorf("%d requests", f.count())
	}
}

func TestListSubscribedAppsItemDecodeError(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[{"whatsapp_business_api_data":"not an object"}]}`)
	})
	c := newTestClient(t, f.URL())
	if _, err := c.ListSubscribedApps(context.Background(), testWABA); err == nil {
		t.Fatal("want a decoding error")
	}
}

func TestSubscribedAppItemsFlatOrNested(t *testing.T) {
	cases := []struct {
		name string
		item string
		want SubscribedApp
	}{
		{
			name: "flat, as v25.0 answers",
			item: `{"name":"Lucky Shrub","id":"915887718209044"}`,
			want: SubscribedApp{App: App{ID: "915887718209044", Name: "Lucky Shrub"}},
		},
		{
			name: "flat with a numeric id and an override",
			item: `{"name":"Lucky Shrub","id":915887718209044,"link":"https://www.facebook.com/games/?app_id=915887718209044","override_callback_uri":"https://hooks.example.com/waba"}`,
			want: SubscribedApp{App: App{ID: "915887718209044", Name: "Lucky Shrub", Link: "https://www.facebook.com/games/?app_id=915887718209044"}, OverrideCallbackURI: "https://hooks.example.com/waba"},
		},
		{
			name: "nested, as the reference shows",
			item: `{"whatsapp_business_api_data":{"id":"670843887433847","name":"Lucky Shrub","link":"https://www.facebook.com/games/?app_id=670843887433847"},"override_callback_uri":"https://hooks.example.com/waba"}`,
			want: SubscribedApp{App: App{ID: ExampleAppID, Name: "Lucky Shrub", Link: "https://www.facebook.com/games/?app_id=" + ExampleAppID}, OverrideCallbackURI: "https://hooks.example.com/waba"},
		},
		{
			name: "both: the nested fields win, the top level fills gaps",
			item: `{"id":"1","name":"Top","link":"https://top.example","whatsapp_business_api_data":{"id":"670843887433847","name":"Nested"}}`,
			want: SubscribedApp{App: App{ID: ExampleAppID, Name: "Nested", Link: "https://top.example"}},
		},
		{
			name: "nested null",
			item: `{"id":"2","name":"Flat","whatsapp_business_api_data":null}`,
			want: SubscribedApp{App: App{ID: "2", Name: "Flat"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeSubscribedApp([]byte(tc.item))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("decoded %+v\nwant %+v", got, tc.want)
			}
		})
	}

	// Through the client: the token's app is found in a flat list.
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[{"name":"Other","id":"111"},{"name":"Lucky Shrub","id":"915887718209044","override_callback_uri":"https://hooks.example.com/waba"}]}`)
	})
	c := newTestClient(t, f.URL(), func(c *Config) { c.AppID = "915887718209044" })
	sub, err := c.FindTokenAppSubscription(context.Background(), testWABA)
	if err != nil {
		t.Fatal(err)
	}
	if sub == nil || sub.Name != "Lucky Shrub" || sub.OverrideCallbackURI != "https://hooks.example.com/waba" {
		t.Errorf("subscription = %+v, want the token's app found in the flat list", sub)
	}
}
