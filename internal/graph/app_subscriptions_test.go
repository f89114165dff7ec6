package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

const testApp = ExampleAppID

var testAppToken = testApp + "|" + testSecret

// newAppFakeGraph is a fake Graph that expects the app access token in the
// Authorization header (and nowhere in the URL) on every request.
func newAppFakeGraph(t *testing.T, serve http.HandlerFunc) *fakeGraph {
	t.Helper()
	f := newFakeGraph(t, serve)
	f.mu.Lock()
	f.token = testAppToken
	f.mu.Unlock()
	return f
}

func withAppCredentials(c *Config) {
	c.AppID = testApp
	c.AppSecret = testSecret
}

func TestSubscriptionFieldsDecoding(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{`["messages","account_update"]`, []string{"account_update", "messages"}},
		{`[{"name":"messages","version":"v26.0"},{"name":"calls","version":"v25.0"}]`, []string{"calls", "messages"}},
		{`["messages",{"name":"history","version":"v26.0"},"messages"," "]`, []string{"history", "messages"}},
		{`[]`, []string{}},
		{`null`, nil},
	}
	for _, tc := range cases {
		var got subscriptionFields
		if err := json.Unmarshal([]byte(tc.in), &got); err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual([]string(got), tc.want) {
			t.Errorf("%s: fields = %#v, want %#v", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{`"messages"`, `[42]`, `{"name":"messages"}`} {
		var got subscriptionFields
		if err := json.Unmarshal([]byte(bad), &got); err == nil {
			t.Errorf("%s: decoded as %v, want an error", bad, got)
		}
	}
}

func TestListAppSubscriptions(t *testing.T) {
	f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			writeJSON(w, 200, `{"data":[{"object":"page","callback_url":"https://hooks.example.com/page","active":true,"fields":["feed"]}],
				"paging":{"cursors":{"after":"P1"},"next":"https://graph.facebook.com/v26.0/`+testApp+`/subscriptions?access_token=leak&after=P1"}}`)
			return
		}
		writeJSON(w, 200, `{"data":[{"object":"whatsapp_business_account","callback_url":"https://hooks.example.com/wa","active":"false",
			"fields":[{"name":"messages","version":"v26.0"},{"name":"account_update","version":"v26.0"}]}]}`)
	})
	c := newTestClient(t, f.URL(), withAppCredentials)
	subs, err := c.listAppSubscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []AppSubscription{
		{Object: "page", CallbackURL: "https://hooks.example.com/page", Active: true, Fields: []string{"feed"}},
		{Object: WABAWebhookObject, CallbackURL: "https://hooks.example.com/wa", Active: false, Fields: []string{"account_update", "messages"}},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("subscriptions = %+v\nwant %+v", subs, want)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (one per page)", len(reqs))
	}
	for _, r := range reqs {
		if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testApp+"/subscriptions" {
			t.Errorf("request = %s %s", r.Method, r.Path)
		}
		if got, want := r.Query.Get("appsecret_proof"), appSecretProof(testAppToken, testSecret); got != want {
			t.Errorf("appsecret_proof = %q, want the proof of the app token %q", got, want)
		}
	}
	if got := reqs[1].Query.Get("after"); got != "P1" {
		t.Errorf("second page after = %q, want P1 (rebuilt from the cursor)", got)
	}

	// A second read is served from the cache.
	if _, err := c.listAppSubscriptions(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.count() != 2 {
		t.Errorf("%d requests after a second read, want 2", f.count())
	}
}

func TestFindAppSubscription(t *testing.T) {
	f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[{"object":"whatsapp_business_account","callback_url":"https://hooks.example.com/wa","fields":["messages"]}]}`)
	})
	c := newTestClient(t, f.URL(), withAppCredentials)
	sub, err := c.FindAppSubscription(context.Background(), WABAWebhookObject)
	if err != nil {
		t.Fatal(err)
	}
	if sub == nil || sub.CallbackURL != "https://hooks.example.com/wa" || !sub.Active || !reflect.DeepEqual(sub.Fields, []string{"messages"}) {
		t.Fatalf("subscription = %+v; want the WABA one, active when Graph does not say", sub)
	}
	sub.Fields[0] = "changed"
	again, err := c.FindAppSubscription(context.Background(), WABAWebhookObject)
	if err != nil || again.Fields[0] != "messages" {
		t.Errorf("a change to a returned subscription reached the cache: %+v, %v", again, err)
	}
	missing, err := c.FindAppSubscription(context.Background(), "page")
	if err != nil || missing != nil {
		t.Errorf("page subscription = %+v, %v; want nil, nil", missing, err)
	}
}

func TestSetAppSubscriptionFormBody(t *testing.T) {
	for _, include := range []bool{true, false} {
		t.Run(fmt.Sprint("include_values=", include), func(t *testing.T) {
			f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Method == "GET" {
					writeJSON(w, 200, `{"data":[]}`)
					return
				}
				writeJSON(w, 200, `{"success":"true"}`)
			})
			c := newTestClient(t, f.URL(), withAppCredentials)
			ctx := context.Background()
			if _, err := c.listAppSubscriptions(ctx); err != nil {
				t.Fatal(err)
			}
			err := c.SetAppSubscription(ctx, AppSubscriptionSettings{
				Object: WABAWebhookObject, CallbackURL: "https://hooks.example.com/wa?x=1&y=2", VerifyToken: "vt secret&1",
				Fields: []string{"messages", "account_update", "messages"}, IncludeValues: include,
			})
			if err != nil {
				t.Fatal(err)
			}
			var post seenRequest
			for _, r := range f.requests() {
				if r.Method == "POST" {
					post = r
				}
			}
			if post.Path != "/"+DefaultAPIVersion+"/"+testApp+"/subscriptions" {
				t.Fatalf("POST path = %q", post.Path)
			}
			if ct := post.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type = %q", ct)
			}
			form, err := url.ParseQuery(post.Body)
			if err != nil {
				t.Fatal(err)
			}
			want := url.Values{
				"object":         {"whatsapp_business_account"},
				"callback_url":   {"https://hooks.example.com/wa?x=1&y=2"},
				"verify_token":   {"vt secret&1"},
				"fields":         {"account_update,messages"},
				"include_values": {fmt.Sprint(include)},
			}
			if !reflect.DeepEqual(form, want) {
				t.Errorf("form = %v\nwant %v", form, want)
			}
			if post.Query.Has("callback_url") || post.Query.Has("verify_token") {
				t.Errorf("POST parameters leaked into the URL: %v", post.Query)
			}
			// The write invalidated the cached list.
			if _, err := c.listAppSubscriptions(ctx); err != nil {
				t.Fatal(err)
			}
			if got := f.countMatching("GET", "/subscriptions"); got != 2 {
				t.Errorf("%d GETs, want 2: the list read before the POST must not be reused after it", got)
			}
		})
	}
}

func TestSetAppSubscriptionUnconfirmed(t *testing.T) {
	f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"success":false}`) })
	c := newTestClient(t, f.URL(), withAppCredentials)
	err := c.SetAppSubscription(context.Background(), AppSubscriptionSettings{Object: WABAWebhookObject, CallbackURL: "https://x.example/wa", VerifyToken: "v", Fields: []string{"messages"}})
	if err == nil || !strings.Contains(err.Error(), "without confirming") {
		t.Errorf("err = %v, want an unconfirmed-change error", err)
	}
}

func TestDeleteAppSubscriptionQuery(t *testing.T) {
	cases := []struct {
		body    string
		wantErr bool
	}{
		{`{"success":true}`, false},
		{`{"success":"true"}`, false},
		{`{}`, false},
		{`{"success":false}`, true},
	}
	for _, tc := range cases {
		f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, tc.body) })
		c := newTestClient(t, f.URL(), withAppCredentials)
		err := c.DeleteAppSubscription(context.Background(), WABAWebhookObject)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v, want error %v", tc.body, err, tc.wantErr)
		}
		r := f.requests()[0]
		if r.Method != "DELETE" || r.Path != "/"+DefaultAPIVersion+"/"+testApp+"/subscriptions" {
			t.Errorf("request = %s %s", r.Method, r.Path)
		}
		if got := r.Query.Get("object"); got != WABAWebhookObject || r.Body != "" {
			t.Errorf("object = %q, body = %q; want the object in the query and no body", got, r.Body)
		}
	}
}

func TestAppSubscriptionsNeedAppCredentials(t *testing.T) {
	for name, opt := range map[string]func(*Config){
		"no app id":     withSecret,
		"no app secret": func(c *Config) { c.AppID = testApp },
		"neither":       func(*Config) {},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFakeGraph(t, okGraph)
			c := newTestClient(t, f.URL(), opt)
			if c.HasAppCredentials() {
				t.Error("HasAppCredentials = true")
			}
			ctx := context.Background()
			_, listErr := c.listAppSubscriptions(ctx)
			setErr := c.SetAppSubscription(ctx, AppSubscriptionSettings{Object: WABAWebhookObject})
			delErr := c.DeleteAppSubscription(ctx, WABAWebhookObject)
			for _, err := range []error{listErr, setErr, delErr} {
				if !errors.Is(err, errNoAppCredentials) {
					t.Errorf("err = %v, want errNoAppCredentials", err)
				}
			}
			if f.count() != 0 {
				t.Errorf("%d requests were sent without app credentials", f.count())
			}
		})
	}
	c := newTestClient(t, "https://graph.facebook.com", withAppCredentials)
	if !c.HasAppCredentials() || c.AppID() != testApp {
		t.Errorf("HasAppCredentials = %v, AppID = %q", c.HasAppCredentials(), c.AppID())
	}
}

// TestAppTokenIsMasked checks that the app access token, its secret and its
// proof show in no log line and no error, from either client.
func TestAppTokenIsMasked(t *testing.T) {
	appProof := appSecretProof(testAppToken, testSecret)
	echo := "token " + testAppToken + " escaped " + url.QueryEscape(testAppToken) + " proof " + appProof
	f := newAppFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Echo-Authorization", r.Header.Get("Authorization"))
		if r.Method == "POST" {
			w.Header().Set("X-Fb-Trace-Id", "HANDSHAKE1")
			writeJSON(w, 400, `{"error":{"message":"(#2200) callback verification failed: `+echo+`","type":"OAuthException","code":2200,"fbtrace_id":"AbC2200"}}`)
			return
		}
		writeJSON(w, 200, `{"data":[]}`)
	})
	rec := &recordingLogger{}
	c := newTestClient(t, f.URL(), withAppCredentials, func(c *Config) { c.Logger = rec })
	ctx := context.Background()
	if _, err := c.listAppSubscriptions(ctx); err != nil {
		t.Fatal(err)
	}
	err := c.SetAppSubscription(ctx, AppSubscriptionSettings{Object: WABAWebhookObject, CallbackURL: "https://hooks.example.com/wa", VerifyToken: "verify-token-123", Fields: []string{"messages"}})
	ge, ok := AsError(err)
	if !ok || ge.Code != 2200 || ge.FBTraceID != "AbC2200" {
		t.Fatalf("err = %v, want Graph error 2200 with its fbtrace_id", err)
	}
	secrets := map[string]string{"app token": testAppToken, "escaped app token": url.QueryEscape(testAppToken), "app secret": testSecret, "proof": appProof, "verify token": "verify-token-123"}
	for name, s := range secrets {
		if strings.Contains(err.Error(), s) {
			t.Errorf("the error holds the %s: %s", name, err)
		}
	}
	if len(rec.all()) < 6 {
		t.Fatalf("only %d log records", len(rec.all()))
	}
	for i, r := range rec.all() {
		text := r.msg + " " + fmt.Sprintf("%v", r.fields)
		for name, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("record %d (%q) holds the %s: %s", i, r.msg, name, text)
			}
		}
	}

	// The user-token client masks the app token too.
	u := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, graphErr(100, 0, "bad "+testAppToken, false))
	})
	uc := newTestClient(t, u.URL(), withAppCredentials)
	_, err = uc.GetBusinessAccount(ctx, testWABA)
	if err == nil || strings.Contains(err.Error(), testAppToken) || strings.Contains(err.Error(), testApp+"|") {
		t.Errorf("user-token client error = %v, want the app token masked whole", err)
	}
}
