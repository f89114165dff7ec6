package simulator

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// wantEditRefused checks a code 100 refusal of an edit whose message has
// part.
func wantEditRefused(t *testing.T, res result, part string) {
	t.Helper()
	wantError(t, res, http.StatusBadRequest, 100, 0, "")
	if msg, _ := errorOf(t, res)["message"].(string); !strings.Contains(msg, part) {
		t.Errorf("message %q does not say %q", msg, part)
	}
}

func TestEditTemplate(t *testing.T) {
	s := newTestServer(t)
	image := upload(t, s, "image/jpeg", []byte("\xff\xd8\xff a jpeg"))
	withImage := `[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["` + image + `"]}},{"type":"BODY","text":"Sale!"}]`
	id := createTemplate(t, s, templateJSON("edited", "en_US", "MARKETING", withImage))
	before := componentsJSON(t, s, id)
	mustReview(t, s, id, "APPROVED")

	res := editTemplate(t, s, id, `{"components":`+withImage+`,"message_send_ttl_seconds":86400}`)
	wantSuccess(t, res)
	if got := bucOf(t, res, fixtureWABA); got.CallCount == 0 {
		t.Errorf("an edit counts against the WABA's budget: %+v", got)
	}
	if n := s.Counts()["POST "+tmplMessageTemplate]; n != 1 {
		t.Errorf("POST %s counted %d times", tmplMessageTemplate, n)
	}
	got := readTemplate(t, s, id, "status,category,message_send_ttl_seconds")
	if got["status"] != "PENDING" || got["category"] != "MARKETING" || got["message_send_ttl_seconds"] != 86400.0 {
		t.Errorf("after the edit: %v", got)
	}
	// Components are built anew, the media header with a new address.
	if after := componentsJSON(t, s, id); after == before || !strings.Contains(after, "scontent.whatsapp.net") {
		t.Errorf("components before %s, after %s", before, after)
	}

	mustReview(t, s, id, "APPROVED")
	s.AdvanceClock(25 * time.Hour)
	wantSuccess(t, editTemplate(t, s, id, `{"components":[{"type":"body","text":"New sale!"}]}`))
	if c := componentsJSON(t, s, id); c != `[{"text":"New sale!","type":"BODY"}]` {
		t.Errorf("components are replaced whole: %s", c)
	}
}

func TestEditTemplateRules(t *testing.T) {
	s := newTestServer(t)
	id := createTemplate(t, s, templateJSON("rules", "en_US", "UTILITY", simpleBody))
	wantEditRefused(t, editTemplate(t, s, id, `{"components":`+simpleBody+`}`), "Only APPROVED, REJECTED or PAUSED message templates can be edited; this one is PENDING")
	mustReview(t, s, id, "APPROVED")
	for body, says := range map[string]string{
		`{}`:                                 "An edit needs category, components or message_send_ttl_seconds",
		`{"name":"renamed"}`:                 "Param name is not a valid parameter",
		`{"category":"MARKETING"}`:           "The category of an APPROVED message template cannot change: it stays UTILITY",
		`{"category":"PROMO"}`:               "Param category must be one of",
		`{"message_send_ttl_seconds":5}`:     "between 30 and 43200 for UTILITY",
		`{"components":[{"type":"FOOTER"}]}`: "FOOTER text is required",
		`{"components":[{"type":"BODY","text":"{{2}}"}]}`: "{{1}} is missing",
	} {
		wantEditRefused(t, editTemplate(t, s, id, body), says)
	}
	if got := readTemplate(t, s, id, "status,category"); got["status"] != "APPROVED" || got["category"] != "UTILITY" {
		t.Errorf("refused edits changed the template: %v", got)
	}
	if c := componentsJSON(t, s, id); c != `[{"text":"Your order has shipped.","type":"BODY"}]` {
		t.Errorf("refused edits changed the components: %s", c)
	}
	// The same category is no change.
	wantSuccess(t, editTemplate(t, s, id, `{"category":"utility","message_send_ttl_seconds":3600}`))

	mustReview(t, s, id, "DISABLED")
	wantEditRefused(t, editTemplate(t, s, id, `{"message_send_ttl_seconds":60}`), "this one is DISABLED")
	mustReview(t, s, id, "PAUSED")
	wantSuccess(t, editTemplate(t, s, id, `{"message_send_ttl_seconds":60}`))
}

func TestEditRejectedTemplate(t *testing.T) {
	s := newTestServer(t)
	// spring_sale is REJECTED: its category may change, and it may be
	// edited again and again.
	wantSuccess(t, editTemplate(t, s, springSaleID, `{"category":"UTILITY"}`))
	if got := readTemplate(t, s, springSaleID, "status,category,rejected_reason"); got["status"] != "PENDING" || got["category"] != "UTILITY" || got["rejected_reason"] != nil {
		t.Errorf("after the edit: %v", got)
	}
	for range 3 {
		if err := s.ReviewTemplate(springSaleID, "REJECTED", "PROMOTIONAL"); err != nil {
			t.Fatal(err)
		}
		wantSuccess(t, editTemplate(t, s, springSaleID, `{"components":`+simpleBody+`}`))
	}
}

func TestEditApprovedTemplateBudget(t *testing.T) {
	s, clock := newClockedServer(t)
	id := helloWorldID
	first := clock.t
	edit := func() result { return editTemplate(t, s, id, `{"message_send_ttl_seconds":600}`) }
	wantSuccess(t, edit())
	mustReview(t, s, id, "APPROVED")
	// Once in 24 hours.
	wantEditRefused(t, edit(), "can be edited once in 24 hours: edit it again after "+stamp(first.Add(24*time.Hour)))
	s.AdvanceClock(24*time.Hour - time.Second)
	wantEditRefused(t, edit(), "once in 24 hours")
	s.AdvanceClock(time.Second)
	wantSuccess(t, edit())
	// Ten in 30 days: eight more, a day apart, make ten.
	for range 8 {
		mustReview(t, s, id, "APPROVED")
		s.AdvanceClock(24 * time.Hour)
		wantSuccess(t, edit())
	}
	mustReview(t, s, id, "APPROVED")
	s.AdvanceClock(24 * time.Hour)
	wantEditRefused(t, edit(), "can be edited 10 times in 30 days: edit it again after "+stamp(first.Add(30*24*time.Hour)))
	// Edits while REJECTED do not count.
	if err := s.ReviewTemplate(id, "REJECTED", ""); err != nil {
		t.Fatal(err)
	}
	wantSuccess(t, edit())
	mustReview(t, s, id, "APPROVED")
	s.AdvanceClock(first.Add(30 * 24 * time.Hour).Sub(s.clock()))
	wantSuccess(t, edit())
}

func TestEditTemplateCategoryChange(t *testing.T) {
	s := newTestServer(t)
	id := createTemplate(t, s, `{"name":"long_lived","language":"en","category":"MARKETING","message_send_ttl_seconds":86400,"components":`+simpleBody+`}`)
	mustReview(t, s, id, "REJECTED")
	// A day's TTL is no UTILITY TTL, and AUTHENTICATION needs its own components.
	wantEditRefused(t, editTemplate(t, s, id, `{"category":"UTILITY"}`), "message_send_ttl_seconds 86400 does not fit UTILITY templates (30 to 43200)")
	wantEditRefused(t, editTemplate(t, s, id, `{"category":"AUTHENTICATION","message_send_ttl_seconds":600}`), "from MARKETING to AUTHENTICATION needs new components")
	if got := readTemplate(t, s, id, "status,category"); got["status"] != "REJECTED" || got["category"] != "MARKETING" {
		t.Errorf("refused edits changed the template: %v", got)
	}
	wantSuccess(t, editTemplate(t, s, id, `{"category":"UTILITY","message_send_ttl_seconds":3600}`))
	mustReview(t, s, id, "REJECTED")
	wantSuccess(t, editTemplate(t, s, id, `{"category":"AUTHENTICATION","message_send_ttl_seconds":600,
		"components":[{"type":"BODY"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}]}`))
	if got := readTemplate(t, s, id, "category,message_send_ttl_seconds"); got["category"] != "AUTHENTICATION" || got["message_send_ttl_seconds"] != 600.0 {
		t.Errorf("after the edit: %v", got)
	}
}
