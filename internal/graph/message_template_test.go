package graph

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// templateGraph serves a WABA's templates edge with one template, the
// template's node, and the create, edit and delete calls.
func templateGraph(w http.ResponseWriter, r *http.Request) {
	item := `{"id":"7001","name":"order_update","language":"en_US","status":"APPROVED","category":"UTILITY","previous_category":"MARKETING",` +
		`"parameter_format":"NAMED","message_send_ttl_seconds":3600,"components":[{"type":"BODY","text":"Hi {{name}}"}]}`
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/message_templates"):
		writeJSON(w, 200, `{"data":[`+item+`]}`)
	case r.Method == http.MethodGet:
		writeJSON(w, 200, item)
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/message_templates"):
		writeJSON(w, 200, `{"id":"7002","status":"PENDING","category":"MARKETING"}`)
	default:
		writeJSON(w, 200, `{"success":true}`)
	}
}

func TestMessageTemplateReadsShareTheEdge(t *testing.T) {
	f := newFakeGraph(t, templateGraph)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	found, err := c.FindMessageTemplate(ctx, testWABA, "7001")
	if err != nil || found == nil || found.Name != "order_update" {
		t.Fatalf("FindMessageTemplate = %+v, %v", found, err)
	}
	if found.PreviousCategory == nil || *found.PreviousCategory != "MARKETING" || found.ParameterFormat == nil || *found.ParameterFormat != "NAMED" ||
		found.MessageSendTTLSeconds == nil || *found.MessageSendTTLSeconds != 3600 {
		t.Errorf("template read as %+v", found)
	}
	byName, err := c.FindMessageTemplateByName(ctx, testWABA, "order_update", "en_US")
	if err != nil || byName == nil || byName.ID != "7001" {
		t.Fatalf("FindMessageTemplateByName = %+v, %v", byName, err)
	}
	if other, err := c.ExistingMessageTemplate(ctx, testWABA, "order_update", "es"); err != nil || other != nil {
		t.Errorf("another language = %+v, %v; want nil", other, err)
	}
	// The unfiltered data source read is the same request.
	if _, err := c.ListMessageTemplates(ctx, testWABA, MessageTemplateFilter{}); err != nil {
		t.Fatal(err)
	}
	if n := f.count(); n != 1 {
		t.Errorf("%d requests, want 1 shared read of the WABA's templates", n)
	}
}

func TestCreateMessageTemplate(t *testing.T) {
	f := newFakeGraph(t, templateGraph)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	if _, err := c.FindMessageTemplate(ctx, testWABA, "7001"); err != nil {
		t.Fatal(err)
	}
	ttl := int64(600)
	created, err := c.CreateMessageTemplate(ctx, testWABA, TemplateDraft{Name: "promo", Language: "en_US", Category: "UTILITY",
		Components: json.RawMessage(`[{"type":"BODY","text":"Sale"}]`), ParameterFormat: "POSITIONAL", MessageSendTTLSeconds: &ttl})
	if err != nil || created.ID != "7002" || created.Status != "PENDING" || created.Category != "MARKETING" {
		t.Fatalf("created %+v, %v", created, err)
	}
	post := f.requests()[1]
	want := `{"name":"promo","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Sale"}],"parameter_format":"POSITIONAL","message_send_ttl_seconds":600}`
	if post.Body != want {
		t.Errorf("create sent %s\nwant %s", post.Body, want)
	}
	// The write makes the next read a new one.
	if _, err := c.FindMessageTemplate(ctx, testWABA, "7001"); err != nil {
		t.Fatal(err)
	}
	if n := f.countMatching("GET", "/message_templates"); n != 2 {
		t.Errorf("%d reads of the edge, want 2", n)
	}
}

func TestCreateMessageTemplateWithoutID(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"success":true}`) })
	c := newTestClient(t, f.URL())
	if _, err := c.CreateMessageTemplate(context.Background(), testWABA, TemplateDraft{Name: "x"}); err == nil {
		t.Fatal("an answer without an id was taken as a created template")
	}
}

func TestEditAndDeleteMessageTemplate(t *testing.T) {
	f := newFakeGraph(t, templateGraph)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	if err := c.EditMessageTemplate(ctx, testWABA, "7001", TemplateEdit{Components: json.RawMessage(`[{"type":"BODY","text":"New"}]`)}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteMessageTemplate(ctx, testWABA, "order_update", "7001"); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteMessageTemplate(ctx, testWABA, "order_update", ""); err == nil {
		t.Error("a delete without the template's ID was sent: it would delete every language")
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	if reqs[0].Path != "/"+DefaultAPIVersion+"/7001" || reqs[0].Body != `{"components":[{"type":"BODY","text":"New"}]}` {
		t.Errorf("edit sent %s %s", reqs[0].Path, reqs[0].Body)
	}
	if reqs[1].Method != "DELETE" || reqs[1].Query.Get("name") != "order_update" || reqs[1].Query.Get("hsm_id") != "7001" {
		t.Errorf("delete sent %s %v", reqs[1].Method, reqs[1].Query)
	}
}

func TestGetMessageTemplate(t *testing.T) {
	f := newFakeGraph(t, templateGraph)
	c := newTestClient(t, f.URL())
	got, err := c.GetMessageTemplate(context.Background(), "7001")
	if err != nil || got.Status != "APPROVED" || got.ComponentsJSON != `[{"type":"BODY","text":"Hi {{name}}"}]` {
		t.Fatalf("GetMessageTemplate = %+v, %v", got, err)
	}
}

// TestWaitForTemplateReview polls the node until the review ends, and stops
// at the context's deadline with the template as last read.
func TestWaitForTemplateReview(t *testing.T) {
	var mu sync.Mutex
	statuses := []string{"PENDING", "IN_APPEAL", "REJECTED"}
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		status := statuses[0]
		if len(statuses) > 1 {
			statuses = statuses[1:]
		}
		mu.Unlock()
		writeJSON(w, 200, `{"id":"7001","name":"promo","language":"en_US","status":"`+status+`","rejected_reason":"PROMOTIONAL"}`)
	})
	fast := func(cfg *Config) { cfg.ReviewPollMin, cfg.ReviewPollMax = time.Millisecond, 2*time.Millisecond }
	c := newTestClient(t, f.URL(), fast)
	got, err := c.WaitForTemplateReview(context.Background(), "7001")
	if err != nil || got.Status != "REJECTED" || got.RejectedReason == nil || *got.RejectedReason != "PROMOTIONAL" {
		t.Fatalf("WaitForTemplateReview = %+v, %v", got, err)
	}
	if n := f.count(); n != 3 {
		t.Errorf("%d reads, want 3", n)
	}

	pending := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, `{"id":"7001","status":"PENDING"}`)
	})
	c = newTestClient(t, pending.URL(), fast)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	got, err = c.WaitForTemplateReview(ctx, "7001")
	if !errors.Is(err, context.DeadlineExceeded) || got == nil || got.Status != "PENDING" {
		t.Fatalf("at the deadline: %+v, %v; want the PENDING template and the deadline", got, err)
	}
}
