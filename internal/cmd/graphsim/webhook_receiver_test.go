package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestWebhookReceiverPassesVerification subscribes the seed's app to
// whatsapp_business_account webhooks with the receiver as callback: the
// simulator's handshake must pass with the receiver's verify token and fail
// (Graph code 2200) with another.
func TestWebhookReceiverPassesVerification(t *testing.T) {
	seed := simulator.DefaultSeed()
	sim := simulator.New(seed)
	base, stop, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	receiver := startWebhookReceiver("local-verify", nil)
	defer receiver.Close()

	app := seed.Apps[0]
	subscribe := func(token string) (int, map[string]any) {
		form := url.Values{
			"object": {"whatsapp_business_account"}, "callback_url": {receiver.CallbackURL()},
			"verify_token": {token}, "fields": {"messages"},
		}
		req, err := http.NewRequest(http.MethodPost, base+"/v26.0/"+app.ID+"/subscriptions", strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+app.ID+"|"+app.Secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body
	}
	if app.Secret == "" {
		t.Fatal("the default seed's first app has no secret, so no app token")
	}
	if status, body := subscribe("local-verify"); status != http.StatusOK {
		t.Fatalf("subscribing with the receiver's token: HTTP %d %v", status, body)
	}
	status, body := subscribe("another-token")
	gerr, _ := body["error"].(map[string]any)
	if status == http.StatusOK || gerr == nil || gerr["code"] != float64(2200) {
		t.Fatalf("subscribing with another token: HTTP %d %v, want Graph error 2200", status, body)
	}
}
