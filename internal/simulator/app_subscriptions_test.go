package simulator

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

const (
	appSubsPath = "/v25.0/" + fixtureApp + "/subscriptions"
	appToken    = fixtureApp + "|" + fixtureAppSecret
)

// webhookEndpoint is a loopback callback that answers the verification
// handshake when the verify token matches.
func webhookEndpoint(t *testing.T, verifyToken string, tls bool) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		q := r.URL.Query()
		if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != verifyToken || q.Get("hub.challenge") == "" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		fmt.Fprint(w, q.Get("hub.challenge"))
	})
	srv := httptest.NewServer(h)
	if tls {
		srv.Close()
		srv = httptest.NewTLSServer(h)
	}
	t.Cleanup(srv.Close)
	return srv, &hits
}

func subscribe(t *testing.T, s *Server, form url.Values) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: appSubsPath, token: appToken, form: form})
}

func appSubscriptions(t *testing.T, s *Server) []map[string]any {
	t.Helper()
	res := send(t, s, apiReq{target: appSubsPath, token: appToken})
	wantStatus(t, res, http.StatusOK)
	return dataOf(t, res)
}

func fieldNames(sub map[string]any) []string {
	var out []string
	for _, f := range sub["fields"].([]any) {
		fv := f.(map[string]any)
		out = append(out, fv["name"].(string)+"@"+fv["version"].(string))
	}
	return out
}

func TestAppSubscriptionsHandshake(t *testing.T) {
	for _, tls := range []bool{false, true} {
		t.Run(fmt.Sprintf("tls=%v", tls), func(t *testing.T) {
			hook, hits := webhookEndpoint(t, "vt-123", tls)
			s := newTestServer(t)
			if subs := appSubscriptions(t, s); len(subs) != 0 {
				t.Fatalf("no subscriptions expected initially, got %v", subs)
			}
			res := subscribe(t, s, url.Values{
				"object":         {"whatsapp_business_account"},
				"callback_url":   {hook.URL + "/webhook"},
				"verify_token":   {"vt-123"},
				"fields":         {"messages,account_update"},
				"include_values": {"true"},
			})
			wantSuccess(t, res)
			if hits.Load() != 1 {
				t.Fatalf("handshake requests = %d, want 1", hits.Load())
			}
			subs := appSubscriptions(t, s)
			if len(subs) != 1 {
				t.Fatalf("subscriptions = %v", subs)
			}
			sub := subs[0]
			if sub["object"] != "whatsapp_business_account" || sub["callback_url"] != hook.URL+"/webhook" || sub["active"] != true {
				t.Errorf("subscription = %v", sub)
			}
			if got := strings.Join(fieldNames(sub), ","); got != "messages@v25.0,account_update@v25.0" {
				t.Errorf("fields = %s", got)
			}

			// POST again replaces the field set; a JSON array works too.
			wantSuccess(t, subscribe(t, s, url.Values{
				"object": {"whatsapp_business_account"}, "callback_url": {hook.URL + "/webhook"},
				"verify_token": {"vt-123"}, "fields": {`["message_template_status_update"]`},
			}))
			if got := strings.Join(fieldNames(appSubscriptions(t, s)[0]), ","); got != "message_template_status_update@v25.0" {
				t.Errorf("fields after update = %s", got)
			}
		})
	}
}

func TestAppSubscriptionsHandshakeFailures(t *testing.T) {
	hook, _ := webhookEndpoint(t, "right", false)
	echoWrong := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "not-the-challenge")
	}))
	defer echoWrong.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	tests := []struct {
		name     string
		callback string
		reason   string
	}{
		{name: "wrong verify token", callback: hook.URL, reason: "HTTP 403"},
		{name: "wrong body", callback: echoWrong.URL, reason: "instead of the hub.challenge value"},
		{name: "unreachable", callback: closedURL, reason: "could not reach the callback"},
		{name: "remote host", callback: "https://hooks.example.com/webhook", reason: "not loopback"},
		{name: "remote ip", callback: "http://192.0.2.10/webhook", reason: "not loopback"},
		{name: "not a URL", callback: "hooks/webhook", reason: "absolute http or https URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			res := subscribe(t, s, url.Values{
				"object": {"whatsapp_business_account"}, "callback_url": {tt.callback},
				"verify_token": {"wrong"}, "fields": {"messages"},
			})
			wantError(t, res, 400, 2200, 0, "")
			msg := errorOf(t, res)["message"].(string)
			if !strings.HasPrefix(msg, "(#2200) callback verification failed: ") || !strings.Contains(msg, tt.reason) {
				t.Errorf("message %q, want the 2200 prefix and %q", msg, tt.reason)
			}
			if subs := appSubscriptions(t, s); len(subs) != 0 {
				t.Errorf("a failed handshake must not subscribe, got %v", subs)
			}
		})
	}
}

func TestAppSubscriptionsAuthAndParams(t *testing.T) {
	s := newTestServer(t)
	wantError(t, send(t, s, apiReq{target: appSubsPath, token: tokenOK}), 400, 100, 0, "(#100) Requires app access token")
	wantError(t, send(t, s, apiReq{target: "/v25.0/999/subscriptions", token: appToken}), 400, 100, 33, "")
	wantError(t, send(t, s, apiReq{target: "/v25.0/" + fixtureOtherApp + "/subscriptions", token: appToken}), 400, 100, 0, "(#100) Requires app access token")
	wantStatus(t, send(t, s, apiReq{target: appSubsPath + "?access_token=" + url.QueryEscape(appToken)}), http.StatusOK)

	tests := []struct {
		name    string
		form    url.Values
		message string
	}{
		{name: "object missing", form: url.Values{"fields": {"messages"}}, message: "(#100) The parameter object is required"},
		{name: "object unknown", form: url.Values{"object": {"spaceship"}, "fields": {"messages"}}, message: ""},
		{name: "fields missing", form: url.Values{"object": {"whatsapp_business_account"}, "callback_url": {"http://127.0.0.1:1/"}}, message: "(#100) The parameter fields is required"},
		{name: "callback missing", form: url.Values{"object": {"whatsapp_business_account"}, "fields": {"messages"}}, message: "(#100) The parameter callback_url is required"},
		{name: "verify token missing", form: url.Values{"object": {"whatsapp_business_account"}, "fields": {"messages"}, "callback_url": {"http://127.0.0.1:1/"}}, message: "(#100) The parameter verify_token is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, subscribe(t, s, tt.form), 400, 100, 0, tt.message)
		})
	}
}

func TestAppSubscriptionsDelete(t *testing.T) {
	hook, hits := webhookEndpoint(t, "vt", false)
	s := newTestServer(t)
	for _, object := range []string{"whatsapp_business_account", "page"} {
		wantSuccess(t, subscribe(t, s, url.Values{
			"object": {object}, "callback_url": {hook.URL}, "verify_token": {"vt"},
			"fields": {"messages,account_update,account_alerts"},
		}))
	}
	// Updating fields without a callback keeps the URL and skips the handshake.
	before := hits.Load()
	wantSuccess(t, subscribe(t, s, url.Values{"object": {"page"}, "fields": {"feed"}}))
	if hits.Load() != before {
		t.Error("no handshake expected when the callback URL is unchanged")
	}

	del := func(q url.Values) {
		t.Helper()
		wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: appSubsPath + "?" + q.Encode(), token: appToken}))
	}
	del(url.Values{"object": {"whatsapp_business_account"}, "fields": {"account_update,account_alerts"}})
	subs := appSubscriptions(t, s)
	if len(subs) != 2 || strings.Join(fieldNames(subs[0]), ",") != "messages@v25.0" {
		t.Fatalf("after removing two fields: %v", subs)
	}
	del(url.Values{"object": {"whatsapp_business_account"}, "fields": {"messages"}})
	if subs := appSubscriptions(t, s); len(subs) != 1 || subs[0]["object"] != "page" {
		t.Fatalf("removing the last field must drop the object: %v", subs)
	}
	del(url.Values{"object": {"whatsapp_business_account"}})
	del(url.Values{})
	if subs := appSubscriptions(t, s); len(subs) != 0 {
		t.Fatalf("DELETE without object must remove everything: %v", subs)
	}
}
