package simulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestReviewTemplateAdmin(t *testing.T) {
	s := newTestServer(t)
	id := createTemplate(t, s, templateJSON("reviewed", "en_US", "UTILITY", simpleBody))
	review := func(body string) (int, string) {
		return admin(t, s, http.MethodPost, "/_sim/templates/review", body)
	}
	steps := []struct {
		body, status, reason string
	}{
		{`{"template_id":"` + id + `","status":"APPROVED"}`, "APPROVED", ""},
		{`{"template_id":"` + id + `","status":"REJECTED","rejected_reason":"PROMOTIONAL"}`, "REJECTED", "PROMOTIONAL"},
		{`{"template_id":"` + id + `","status":"REJECTED"}`, "REJECTED", "INVALID_FORMAT"},
		{`{"template_id":"` + id + `","status":"PAUSED"}`, "PAUSED", ""},
		{`{"template_id":"` + id + `","status":"DISABLED"}`, "DISABLED", ""},
	}
	for _, step := range steps {
		if status, body := review(step.body); status != http.StatusOK || body != "{\"success\":true}\n" {
			t.Fatalf("%s: %d %s", step.body, status, body)
		}
		got := readTemplate(t, s, id, "status,rejected_reason")
		if got["status"] != step.status || (step.reason == "" && got["rejected_reason"] != nil) || (step.reason != "" && got["rejected_reason"] != step.reason) {
			t.Errorf("after %s: %v", step.body, got)
		}
	}
	for body, want := range map[string]int{
		`{"template_id":"999","status":"APPROVED"}`:                                 http.StatusNotFound,
		`{"template_id":"` + id + `","status":"ARCHIVED"}`:                          http.StatusBadRequest,
		`{"template_id":"` + id + `","status":"APPROVED","rejected_reason":"SCAM"}`: http.StatusBadRequest,
		`{"template_id":"` + id + `","status":"REJECTED","rejected_reason":"UGLY"}`: http.StatusBadRequest,
		`{"template_id":"` + id + `","rejected_reason":"SCAM"}`:                     http.StatusBadRequest,
		`{"template_id":"` + id + `"}`:                                              http.StatusBadRequest,
		`{"status":"APPROVED"}`:                                                     http.StatusBadRequest,
		`{"template_id":"` + id + `","status":"APPROVED","colour":"red"}`:           http.StatusBadRequest,
	} {
		if status, _ := review(body); status != want {
			t.Errorf("%s: status %d, want %d", body, status, want)
		}
	}
	if got := statusOf(t, s, id); got != "DISABLED" {
		t.Errorf("refused reviews changed the status to %v", got)
	}
}

func TestReviewTemplateStaysPendingByDefault(t *testing.T) {
	s := newTestServer(t)
	id := createTemplate(t, s, templateJSON("waiting", "en_US", "UTILITY", simpleBody))
	s.AdvanceClock(72 * time.Hour)
	if got := statusOf(t, s, id); got != "PENDING" {
		t.Errorf("without template_review_delay a review must wait for an admin call, status %v", got)
	}
}

func TestReviewTemplateDelay(t *testing.T) {
	s, _ := newClockedServer(t)
	if status, body := admin(t, s, http.MethodPost, "/_sim/settings", `{"template_review_delay":"1h"}`); status != http.StatusOK ||
		!strings.Contains(body, `"template_review_delay":"1h0m0s"`) {
		t.Fatalf("settings: %d %s", status, body)
	}
	approved := createTemplate(t, s, templateJSON("soon_approved", "en_US", "UTILITY", simpleBody))
	// The outcome in force when a template is submitted is the one it gets.
	if status, _ := admin(t, s, http.MethodPost, "/_sim/settings", `{"template_review_outcome":"REJECTED"}`); status != http.StatusOK {
		t.Fatal("settings refused")
	}
	rejected := createTemplate(t, s, templateJSON("soon_rejected", "en_US", "UTILITY", simpleBody))
	manual := createTemplate(t, s, templateJSON("reviewed_by_hand", "en_US", "UTILITY", simpleBody))
	mustReview(t, s, manual, "PAUSED")

	s.AdvanceClock(time.Hour - time.Second)
	if got := statusOf(t, s, approved); got != "PENDING" {
		t.Fatalf("a second before the delay: %v", got)
	}
	s.AdvanceClock(time.Second)
	if got := readTemplate(t, s, approved, "status,rejected_reason"); got["status"] != "APPROVED" || got["rejected_reason"] != nil {
		t.Errorf("after the delay: %v", got)
	}
	if got := readTemplate(t, s, rejected, "status,rejected_reason"); got["status"] != "REJECTED" || got["rejected_reason"] != "INVALID_FORMAT" {
		t.Errorf("after the delay with outcome REJECTED: %v", got)
	}
	if got := statusOf(t, s, manual); got != "PAUSED" {
		t.Errorf("an admin review ends the delayed one, status %v", got)
	}
	// The list and /_sim/state show the outcome as well.
	if items := dataOf(t, get(t, s, templatesPath+"?name=soon_approved")); items[0]["status"] != "APPROVED" {
		t.Errorf("list = %v", items)
	}
}

func TestReviewTemplateDelayInSeed(t *testing.T) {
	s, _ := newClockedServer(t, func(seed *Seed) {
		seed.TemplateReviewDelay = Duration(200 * time.Millisecond)
		seed.TemplateReviewOutcome = ReviewRejected
	})
	id := createTemplate(t, s, templateJSON("seeded_delay", "en_US", "UTILITY", simpleBody))
	s.AdvanceClock(200 * time.Millisecond)
	// /_sim/state, read first, shows the review's end too.
	_, raw := admin(t, s, http.MethodGet, "/_sim/state", "")
	var state stateView
	if err := json.Unmarshal([]byte(raw), &state); err != nil {
		t.Fatal(err)
	}
	templates := state.WABAs[0].MessageTemplates
	if last := templates[len(templates)-1]; last["id"] != id || last["status"] != "REJECTED" || last["rejected_reason"] != "INVALID_FORMAT" {
		t.Errorf("/_sim/state shows %v", last)
	}
	if got := statusOf(t, s, id); got != "REJECTED" {
		t.Errorf("status %v", got)
	}
}

func TestRecategoriseTemplate(t *testing.T) {
	s := newTestServer(t)
	if got := readTemplate(t, s, helloWorldID, "category,previous_category"); got["previous_category"] != nil {
		t.Fatalf("previous_category before any re-categorisation: %v", got)
	}
	status, body := admin(t, s, http.MethodPost, "/_sim/templates/recategorise", `{"template_id":"`+helloWorldID+`","category":"MARKETING"}`)
	if status != http.StatusOK {
		t.Fatalf("recategorise: %d %s", status, body)
	}
	if got := readTemplate(t, s, helloWorldID, "category,previous_category"); got["category"] != "MARKETING" || got["previous_category"] != "UTILITY" {
		t.Errorf("after re-categorisation: %v", got)
	}
	for body, want := range map[string]int{
		`{"template_id":"` + helloWorldID + `","category":"MARKETING"}`: http.StatusBadRequest,
		`{"template_id":"` + helloWorldID + `","category":"SPAM"}`:      http.StatusBadRequest,
		`{"template_id":"999","category":"UTILITY"}`:                    http.StatusNotFound,
		`{"category":"UTILITY"}`:                                        http.StatusBadRequest,
	} {
		if status, _ := admin(t, s, http.MethodPost, "/_sim/templates/recategorise", body); status != want {
			t.Errorf("%s: status %d, want %d", body, status, want)
		}
	}
	if err := s.RecategoriseTemplate(helloWorldID, "UTILITY"); err != nil {
		t.Fatal(err)
	}
	if got := readTemplate(t, s, helloWorldID, "category,previous_category"); got["category"] != "UTILITY" || got["previous_category"] != "MARKETING" {
		t.Errorf("after the second re-categorisation: %v", got)
	}
}
