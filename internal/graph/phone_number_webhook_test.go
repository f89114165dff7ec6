package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

const (
	testPhone  = ExamplePhoneNumberID
	testPhone2 = "106540352242923"
)

func TestDecodePhoneNumberWebhookConfiguration(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       *WebhookConfiguration
	}{
		{"every level", `{"id":"1","webhook_configuration":{"phone_number":"https://p.example/h","whatsapp_business_account":"https://w.example/h","application":"https://a.example/h"}}`,
			&WebhookConfiguration{PhoneNumber: "https://p.example/h", WhatsAppBusinessAccount: "https://w.example/h", Application: "https://a.example/h"}},
		// Meta's guide: whatsapp_business_account only when the WABA has an override.
		{"no WABA override", `{"id":"1","webhook_configuration":{"phone_number":"https://p.example/h","application":"https://a.example/h"}}`,
			&WebhookConfiguration{PhoneNumber: "https://p.example/h", Application: "https://a.example/h"}},
		{"no number override", `{"id":"1","webhook_configuration":{"application":"https://a.example/h"}}`,
			&WebhookConfiguration{Application: "https://a.example/h"}},
		{"empty", `{"id":"1","webhook_configuration":{}}`, &WebhookConfiguration{}},
		{"not returned", `{"id":"1"}`, nil},
		{"null", `{"id":"1","webhook_configuration":null}`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := decodePhoneNumber([]byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.WebhookConfiguration, tc.want) {
				t.Errorf("WebhookConfiguration = %+v, want %+v", p.WebhookConfiguration, tc.want)
			}
		})
	}
}

// webhookGraph serves the WABA's numbers with their webhook configuration,
// and a number's node; it keeps the overrides POSTs set.
type webhookGraph struct {
	mu        sync.Mutex
	overrides map[string]string
	onEdge    bool // whether the edge serves webhook_configuration
}

func (g *webhookGraph) serve(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	config := func(id string) map[string]any {
		c := map[string]any{"application": "https://app.example.com/hook"}
		if uri := g.overrides[id]; uri != "" {
			c["phone_number"] = uri
		}
		return c
	}
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/phone_numbers"):
		var items []any
		for _, id := range []string{testPhone, testPhone2} {
			item := map[string]any{"id": id}
			if g.onEdge {
				item["webhook_configuration"] = config(id)
			}
			items = append(items, item)
		}
		body, _ := json.Marshal(map[string]any{"data": items})
		writeJSON(w, 200, string(body))
	case r.Method == http.MethodGet:
		id := strings.TrimPrefix(r.URL.Path, "/"+DefaultAPIVersion+"/")
		body, _ := json.Marshal(map[string]any{"id": id, "webhook_configuration": config(id)})
		writeJSON(w, 200, string(body))
	default:
		var b struct {
			WebhookConfiguration map[string]string `json:"webhook_configuration"`
		}
		if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
			writeJSON(w, 400, graphErr(100, 0, "(#100) bad body", false))
			return
		}
		g.overrides[strings.TrimPrefix(r.URL.Path, "/"+DefaultAPIVersion+"/")] = b.WebhookConfiguration["override_callback_uri"]
		writeJSON(w, 200, `{"success":true}`)
	}
}

func TestFindPhoneNumberWebhookReadsEveryNumberOnce(t *testing.T) {
	g := &webhookGraph{overrides: map[string]string{testPhone: "https://hooks.example.com/one"}, onEdge: true}
	f := newFakeGraph(t, g.serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	for range 3 {
		for _, id := range []string{testPhone, testPhone2} {
			if _, err := c.FindPhoneNumberWebhook(ctx, testWABA, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	one, err := c.FindPhoneNumberWebhook(ctx, testWABA, testPhone)
	if err != nil {
		t.Fatal(err)
	}
	if want := (WebhookConfiguration{PhoneNumber: "https://hooks.example.com/one", Application: "https://app.example.com/hook"}); one == nil || *one != want {
		t.Errorf("number one = %+v, want %+v", one, want)
	}
	two, err := c.FindPhoneNumberWebhook(ctx, testWABA, testPhone2)
	if err != nil || two == nil || two.PhoneNumber != "" {
		t.Errorf("number two = %+v, %v; want no override", two, err)
	}
	missing, err := c.FindPhoneNumberWebhook(ctx, testWABA, "999")
	if err != nil || missing != nil {
		t.Errorf("a number the WABA does not list = %+v, %v; want nil", missing, err)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests for reads of two numbers, want 1", len(reqs))
	}
	if got := reqs[0].Query.Get("fields"); got != "id,webhook_configuration" {
		t.Errorf("fields = %q, want id,webhook_configuration", got)
	}

	// A returned value is the caller's own.
	one.PhoneNumber = "changed"
	if again, _ := c.FindPhoneNumberWebhook(ctx, testWABA, testPhone); again.PhoneNumber != "https://hooks.example.com/one" {
		t.Errorf("after changing a returned value: %+v", again)
	}
}

// TestPhoneNumberWebhookNodeFallback: an edge that does not serve
// webhook_configuration makes the client read the number's node.
func TestPhoneNumberWebhookNodeFallback(t *testing.T) {
	g := &webhookGraph{overrides: map[string]string{testPhone: "https://hooks.example.com/one"}}
	f := newFakeGraph(t, g.serve)
	c := newTestClient(t, f.URL())
	got, err := c.FindPhoneNumberWebhook(context.Background(), testWABA, testPhone)
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.PhoneNumber != "https://hooks.example.com/one" || got.Application != "https://app.example.com/hook" {
		t.Errorf("webhook = %+v", got)
	}
	if n := f.countMatching("GET", "/"+testPhone); n != 1 {
		t.Errorf("%d reads of the number's node, want 1", n)
	}
	for _, r := range f.requests() {
		if strings.HasSuffix(r.Path, "/"+testPhone) && r.Query.Get("fields") != "webhook_configuration" {
			t.Errorf("node read fields = %q", r.Query.Get("fields"))
		}
	}
	// A number the WABA does not list is not looked up on its own.
	if missing, err := c.FindPhoneNumberWebhook(context.Background(), testWABA, "999"); err != nil || missing != nil {
		t.Errorf("missing number = %+v, %v", missing, err)
	}
	if f.countMatching("GET", "/999") != 0 {
		t.Error("a number the WABA does not list was read")
	}
}

func TestGetPhoneNumberWebhookShapes(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       *WebhookConfiguration
		fails      bool
	}{
		{"levels", `{"id":"106540352242922","webhook_configuration":{"phone_number":"https://p.example/h","application":"https://a.example/h"}}`,
			&WebhookConfiguration{PhoneNumber: "https://p.example/h", Application: "https://a.example/h"}, false},
		{"no field", `{"id":"106540352242922"}`, &WebhookConfiguration{}, false},
		{"not a node", `{"success":false}`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, tc.body) })
			got, err := newTestClient(t, f.URL()).GetPhoneNumberWebhook(context.Background(), testPhone)
			if (err != nil) != tc.fails || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, %v; want %+v (error %v)", got, err, tc.want, tc.fails)
			}
		})
	}
}

func TestSetAndClearPhoneNumberWebhook(t *testing.T) {
	g := &webhookGraph{overrides: map[string]string{}, onEdge: true}
	f := newFakeGraph(t, g.serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	if before, err := c.FindPhoneNumberWebhook(ctx, testWABA, testPhone); err != nil || before.PhoneNumber != "" {
		t.Fatalf("before = %+v, %v", before, err)
	}
	if err := c.SetPhoneNumberWebhook(ctx, testWABA, testPhone, CallbackOverride{URI: "https://hooks.example.com/n", VerifyToken: "verify-me"}); err != nil {
		t.Fatal(err)
	}
	// The write is on the number; the WABA's read sees it.
	after, err := c.FindPhoneNumberWebhook(ctx, testWABA, testPhone)
	if err != nil || after.PhoneNumber != "https://hooks.example.com/n" {
		t.Errorf("after set = %+v, %v", after, err)
	}
	if err := c.ClearPhoneNumberWebhook(ctx, testWABA, testPhone); err != nil {
		t.Fatal(err)
	}
	if cleared, err := c.FindPhoneNumberWebhook(ctx, testWABA, testPhone); err != nil || cleared.PhoneNumber != "" {
		t.Errorf("after clear = %+v, %v", cleared, err)
	}
	var bodies []string
	for _, r := range f.requests() {
		if r.Method == http.MethodPost {
			if r.Path != "/"+DefaultAPIVersion+"/"+testPhone || r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("POST %s (%s), want a JSON POST to the number", r.Path, r.Header.Get("Content-Type"))
			}
			bodies = append(bodies, r.Body)
		}
	}
	want := []string{
		`{"webhook_configuration":{"override_callback_uri":"https://hooks.example.com/n","verify_token":"verify-me"}}`,
		`{"webhook_configuration":{"override_callback_uri":""}}`,
	}
	if !reflect.DeepEqual(bodies, want) {
		t.Errorf("POST bodies = %q\nwant %q", bodies, want)
	}
	if n := f.countMatching("GET", "/phone_numbers"); n != 3 {
		t.Errorf("%d reads of the edge, want 3 (before, after each write)", n)
	}
}

// TestExistingPhoneNumberWebhookSharesOneRead models overrides created on
// several numbers of a WABA at once: the checks share one read of the edge
// however the writes interleave with them.
func TestExistingPhoneNumberWebhookSharesOneRead(t *testing.T) {
	g := &webhookGraph{overrides: map[string]string{testPhone2: "https://hooks.example.com/taken"}, onEdge: true}
	f := newFakeGraph(t, g.serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg, err := c.ExistingPhoneNumberWebhook(ctx, testWABA, testPhone)
			// Every check sees the number as the run's first read did.
			if err == nil && (cfg == nil || cfg.PhoneNumber != "") {
				err = fmt.Errorf("check = %+v, want the number without an override", cfg)
			}
			if err == nil {
				err = c.SetPhoneNumberWebhook(ctx, testWABA, testPhone, CallbackOverride{URI: fmt.Sprintf("https://hooks.example.com/%d", i), VerifyToken: "v"})
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("create %d: %v", i, err)
		}
	}
	if n := f.countMatching("GET", "/phone_numbers"); n != 1 {
		t.Errorf("%d reads of the edge for 10 checks, want 1", n)
	}
	taken, err := c.ExistingPhoneNumberWebhook(ctx, testWABA, testPhone2)
	if err != nil || taken.PhoneNumber != "https://hooks.example.com/taken" {
		t.Errorf("existing override = %+v, %v", taken, err)
	}
}

func TestPhoneNumberWebhookErrors(t *testing.T) {
	hidden := newFakeGraph(t, respond(400, nil, graphErr(100, 33, "Unsupported get request. Object with ID '1' does not exist", false)))
	if _, err := newTestClient(t, hidden.URL()).FindPhoneNumberWebhook(context.Background(), "1", testPhone); !IsMissingOrHidden(err) {
		t.Errorf("100/33 on the edge: err = %v, want missing or hidden", err)
	}
	refused := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"success":false}`) })
	err := newTestClient(t, refused.URL()).SetPhoneNumberWebhook(context.Background(), testWABA, testPhone, CallbackOverride{URI: "https://h.example/x", VerifyToken: "v"})
	if ge, ok := AsError(err); !ok || ge.Path != "/"+testPhone || !strings.Contains(ge.Message, "without confirming") {
		t.Errorf("success:false = %v, want an unconfirmed write on the number's path", err)
	}
}
