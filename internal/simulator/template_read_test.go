package simulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// allTemplateFields are the fields the provider reads templates with.
const allTemplateFields = "id,name,language,category,previous_category,status,quality_score,rejected_reason,components,parameter_format,message_send_ttl_seconds"

func TestTemplateNode(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, "/v25.0/"+orderID)
	wantStatus(t, res, http.StatusOK)
	if !slices.Equal(keysOf(res.body), []string{"category", "components", "id", "language", "name", "status"}) {
		t.Errorf("default fields = %v", keysOf(res.body))
	}
	if got := bucOf(t, res, fixtureWABA); got.CallCount == 0 {
		t.Errorf("a node read counts against its WABA's budget: %+v", got)
	}
	got := readTemplate(t, s, orderID, allTemplateFields)
	want := []string{"category", "components", "id", "language", "name", "parameter_format", "quality_score", "status"}
	if !slices.Equal(keysOf(got), want) {
		t.Errorf("fields = %v, want %v (fields without a value are left out)", keysOf(got), want)
	}
	if got["parameter_format"] != "POSITIONAL" || fmt.Sprint(got["quality_score"]) != "map[score:GREEN]" {
		t.Errorf("node = %v", got)
	}
	if got := readTemplate(t, s, springSaleID, "rejected_reason"); got["rejected_reason"] != "PROMOTIONAL" || len(got) != 2 {
		t.Errorf("rejected_reason = %v", got)
	}
	wantError(t, get(t, s, "/v25.0/"+orderID+"?fields=name,bogus"), http.StatusBadRequest, 100, 0,
		"(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessHSM)")
	wantError(t, get(t, s, "/v25.0/999000111"), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodDelete, target: "/v25.0/" + orderID, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{target: "/v25.0/" + orderID, token: fixtureReadonlyToken}), http.StatusForbidden, 200, 0, "")
	// An ID that is no template's is counted as a WABA's, like any unknown ID.
	if counts := s.Counts(); counts["GET "+tmplMessageTemplate] != 5 || counts["DELETE "+tmplMessageTemplate] != 1 || counts["GET "+tmplWABA] != 1 {
		t.Errorf("counts = %v, want GET %s 5 times", counts, tmplMessageTemplate)
	}
}

func TestTemplateNodeHiddenWABA(t *testing.T) {
	s := newTestServer(t)
	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	unknown := fmt.Sprintf("Unsupported get request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. %s", orderID, unknownObjectDoc)
	wantError(t, get(t, s, "/v25.0/"+orderID), http.StatusBadRequest, 100, 33, unknown)
	wantError(t, editTemplate(t, s, orderID, `{"message_send_ttl_seconds":60}`), http.StatusBadRequest, 100, 33, "")
	wantError(t, get(t, s, templatesPath), http.StatusBadRequest, 100, 33, "")
	wantError(t, deleteTemplates(t, s, "name=order_update"), http.StatusBadRequest, 100, 33, "")
	if err := s.Reveal(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, get(t, s, "/v25.0/"+orderID), http.StatusOK)
	if n := len(storedTemplates(s, fixtureWABA)); n != 3 {
		t.Errorf("hidden calls changed the templates: %d", n)
	}
}

func TestTemplateListFields(t *testing.T) {
	s := newTestServer(t)
	id := createTemplate(t, s, `{"name":"ttl","language":"en","category":"UTILITY","message_send_ttl_seconds":600,"components":`+simpleBody+`}`)
	if err := s.RecategoriseTemplate(id, "MARKETING"); err != nil {
		t.Fatal(err)
	}
	items := dataOf(t, get(t, s, templatesPath+"?name=ttl&fields="+allTemplateFields))
	want := []string{"category", "components", "id", "language", "message_send_ttl_seconds", "name", "parameter_format", "previous_category", "quality_score", "status"}
	if len(items) != 1 || !slices.Equal(keysOf(items[0]), want) {
		t.Fatalf("items = %v, want the keys %v", items, want)
	}
	if items[0]["message_send_ttl_seconds"] != 600.0 || items[0]["previous_category"] != "UTILITY" {
		t.Errorf("item = %v", items[0])
	}
	wantError(t, get(t, s, templatesPath+"?fields=name,not_a_field"), http.StatusBadRequest, 100, 0,
		"(#100) Tried accessing nonexisting field (not_a_field) on node type (WhatsAppBusinessHSM)")
	wantError(t, get(t, s, wabaPath+"?fields=message_templates{name,not_a_field}"), http.StatusBadRequest, 100, 0,
		"(#100) Tried accessing nonexisting field (not_a_field) on node type (WhatsAppBusinessHSM)")
	inline := get(t, s, wabaPath+"?fields=message_templates{name,previous_category}")
	wantStatus(t, inline, http.StatusOK)
	if !strings.Contains(inline.raw, `"previous_category":"UTILITY"`) {
		t.Errorf("inline templates = %s", inline.raw)
	}
}

func TestTemplatePaging(t *testing.T) {
	const total = 500
	s := newTestServer(t, func(seed *Seed) {
		seed.WABAs[0].MessageTemplates = nil
		for i := range total {
			seed.WABAs[0].MessageTemplates = append(seed.WABAs[0].MessageTemplates, map[string]any{
				"name": fmt.Sprintf("bulk_%03d", i), "language": "en_US", "category": "UTILITY", "status": "APPROVED",
				"components": []any{map[string]any{"type": "BODY", "text": "Hi"}},
			})
		}
	})
	seen := map[string]bool{}
	target := templatesPath + "?limit=100&fields=id,name"
	pages := 0
	for {
		res := get(t, s, target)
		wantStatus(t, res, http.StatusOK)
		ids := idsOf(t, res)
		if len(ids) != 100 {
			t.Fatalf("page %d has %d templates", pages, len(ids))
		}
		for _, id := range ids {
			if seen[id] || !templateIDPattern.MatchString(id) {
				t.Fatalf("page %d: ID %q repeated or not numeric", pages, id)
			}
			seen[id] = true
		}
		pages++
		paging, _ := res.body["paging"].(map[string]any)
		after, _ := paging["cursors"].(map[string]any)["after"].(string)
		if paging["next"] == nil {
			break
		}
		target = templatesPath + "?limit=100&fields=id,name&after=" + after
	}
	if pages != 5 || len(seen) != total {
		t.Errorf("%d pages, %d templates; want 5 and %d", pages, len(seen), total)
	}
	// A limit above max_page_size is capped at 100.
	if ids := idsOf(t, get(t, s, templatesPath+"?limit=500")); len(ids) != 100 {
		t.Errorf("limit=500 answered %d templates", len(ids))
	}
}

func TestSeededTemplateIDs(t *testing.T) {
	seed := func(s *Seed) {
		s.WABAs[1].MessageTemplates = []map[string]any{
			{"name": "no_id", "language": "en_US", "category": "UTILITY", "status": "APPROVED", "parameter_format": "NAMED"},
			{"name": "no_id", "language": "de", "category": "UTILITY", "status": "APPROVED"},
		}
	}
	ids := func(s *Server) []string {
		var out []string
		for _, t := range storedTemplates(s, fixtureWABA2) {
			out = append(out, t["id"].(string))
		}
		return out
	}
	first, second := ids(newTestServer(t, seed)), ids(newTestServer(t, seed))
	if len(first) != 2 || first[0] == first[1] || !slices.Equal(first, second) || !templateIDPattern.MatchString(first[0]) {
		t.Fatalf("seeded IDs %v and %v: want two distinct numeric IDs, the same every run", first, second)
	}
	s := newTestServer(t, seed)
	if got := readTemplate(t, s, first[1], "name,language,parameter_format"); got["language"] != "de" || got["parameter_format"] != "POSITIONAL" {
		t.Errorf("node of a seeded template = %v", got)
	}
	if got := readTemplate(t, s, first[0], "parameter_format"); got["parameter_format"] != "NAMED" {
		t.Errorf("a seeded parameter_format is kept: %v", got)
	}
}

func TestSeedTemplateValidation(t *testing.T) {
	twice := DefaultSeed()
	twice.WABAs[1].MessageTemplates = []map[string]any{{"id": helloWorldID, "name": "copy", "language": "en"}}
	if err := twice.Validate(); err == nil || !strings.Contains(err.Error(), "template ID "+helloWorldID+" appears twice") {
		t.Errorf("a template ID given twice: %v", err)
	}
	flag := DefaultSeed()
	flag.WABAs[0].MessageTemplates[0][undeliveredKey] = "yes"
	if err := flag.Validate(); err == nil || !strings.Contains(err.Error(), "undelivered_messages must be true or false") {
		t.Errorf("a non-boolean undelivered_messages: %v", err)
	}
	bad := DefaultSeed()
	bad.TemplateReviewOutcome = "MAYBE"
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "template_review_outcome") {
		t.Errorf("an unknown review outcome: %v", err)
	}
}
