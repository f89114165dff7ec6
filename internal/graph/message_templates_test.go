package graph

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeMessageTemplate(t *testing.T) {
	raw := `{"id":1192339204654488,"name":"order_update","language":"en_US","category":"UTILITY","status":"APPROVED",
		"quality_score":{"score":"GREEN","date":1700000000},"rejected_reason":"NONE",
		"components":[ {"type":"BODY", "text":"Your order {{1}} has shipped."} ]}`
	tpl, err := decodeMessageTemplate([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	want := MessageTemplate{
		ID: "1192339204654488", Name: "order_update", Language: "en_US", Category: "UTILITY", Status: "APPROVED",
		QualityScore: ptr("GREEN"), RejectedReason: ptr("NONE"),
		ComponentsJSON: `[{"type":"BODY","text":"Your order {{1}} has shipped."}]`,
	}
	if !reflect.DeepEqual(tpl, want) {
		t.Errorf("template = %+v\nwant %+v", tpl, want)
	}

	bare, err := decodeMessageTemplate([]byte(`{"id":"7","name":"x","quality_score":"YELLOW","components":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if bare.QualityScore == nil || *bare.QualityScore != "YELLOW" || bare.ComponentsJSON != "" || bare.RejectedReason != nil {
		t.Errorf("template = %+v; want the bare score, no components, no rejected reason", bare)
	}
}

func TestMessageTemplateFilterQuery(t *testing.T) {
	q, err := MessageTemplateFilter{
		Name:     "hello_world",
		Status:   []string{"REJECTED", "APPROVED", "REJECTED"},
		Category: []string{"UTILITY"},
		Language: []string{"es", "en_US"},
	}.query()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"name":     "hello_world",
		"status":   `["APPROVED","REJECTED"]`,
		"category": `["UTILITY"]`,
		"language": `["en_US","es"]`,
	}
	for k, v := range want {
		if got := q.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if len(q) != len(want) {
		t.Errorf("query = %v, want only %v", q, want)
	}
	empty, err := MessageTemplateFilter{}.query()
	if err != nil || len(empty) != 0 {
		t.Errorf("empty filter = %v, %v; want no parameters", empty, err)
	}
}

func TestListMessageTemplates(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			writeJSON(w, 200, `{"data":[{"id":"1","name":"a","status":"APPROVED"}],"paging":{"cursors":{"after":"T1"},"next":"https://graph.facebook.com/n"}}`)
			return
		}
		writeJSON(w, 200, `{"data":[{"id":"2","name":"b","status":"APPROVED"}],"paging":{"cursors":{"after":"T2"}}}`)
	})
	c := newTestClient(t, f.URL())
	filter := MessageTemplateFilter{Status: []string{"APPROVED"}}
	tpls, err := c.ListMessageTemplates(context.Background(), testWABA, filter)
	if err != nil {
		t.Fatal(err)
	}
	if len(tpls) != 2 || tpls[0].Name != "a" || tpls[1].Name != "b" {
		t.Fatalf("templates = %+v", tpls)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for _, r := range reqs {
		if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/message_templates" {
			t.Errorf("request = %s %s", r.Method, r.Path)
		}
		if got := r.Query.Get("fields"); got != strings.Join(MessageTemplateFields, ",") {
			t.Errorf("fields = %q", got)
		}
		if got := r.Query.Get("status"); got != `["APPROVED"]` {
			t.Errorf("status = %q: the filter must be sent with every page", got)
		}
	}
	if reqs[1].Query.Get("after") != "T1" {
		t.Errorf("second page after = %q", reqs[1].Query.Get("after"))
	}

	// Same filter: cached. Another filter: a new read.
	if _, err := c.ListMessageTemplates(context.Background(), testWABA, MessageTemplateFilter{Status: []string{"APPROVED", "APPROVED"}}); err != nil {
		t.Fatal(err)
	}
	if f.count() != 2 {
		t.Errorf("%d requests; an equal filter must reuse the cached list", f.count())
	}
	if _, err := c.ListMessageTemplates(context.Background(), testWABA, MessageTemplateFilter{Name: "a"}); err != nil {
		t.Fatal(err)
	}
	if f.count() != 4 {
		t.Errorf("%d requests; a different filter must read again", f.count())
	}
}
