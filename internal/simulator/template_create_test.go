package simulator

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCreateTemplate(t *testing.T) {
	s, clock := newClockedServer(t)
	res := postTemplate(t, s, `{"name":"order_shipped","language":"en_US","category":"utility","allow_category_change":true,
		"components":[{"type":"BODY","text":"Order {{1}} ships on {{2}}.","example":{"body_text":[["A-1","Monday"]]}}]}`)
	wantStatus(t, res, http.StatusOK)
	id, _ := res.body["id"].(string)
	if !templateIDPattern.MatchString(id) || res.body["status"] != "PENDING" || res.body["category"] != "UTILITY" || len(res.body) != 3 {
		t.Fatalf("create answered %s", res.raw)
	}
	if got := bucOf(t, res, fixtureWABA); got.CallCount == 0 {
		t.Errorf("a create must count against the WABA's budget: %+v", got)
	}
	got := readTemplate(t, s, id, "id,name,language,category,previous_category,status,quality_score,rejected_reason,parameter_format,message_send_ttl_seconds")
	want := map[string]any{
		"id": id, "name": "order_shipped", "language": "en_US", "category": "UTILITY", "status": "PENDING",
		"parameter_format": "POSITIONAL", "quality_score": map[string]any{"score": "UNKNOWN", "date": float64(clock.t.Unix())},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %v, want %v", got, want)
	}
	if items := dataOf(t, get(t, s, templatesPath+"?name=order_shipped")); len(items) != 1 || items[0]["id"] != id {
		t.Errorf("the list does not show the new template: %v", items)
	}
	if n := s.Counts()["POST "+tmplMessageTemplates]; n != 1 {
		t.Errorf("POST %s counted %d times", tmplMessageTemplates, n)
	}
}

func TestCreateTemplateFormBody(t *testing.T) {
	s := newTestServer(t)
	res := send(t, s, apiReq{method: http.MethodPost, target: templatesPath, token: tokenOK, form: url.Values{
		"name": {"form_made"}, "language": {"pt_BR"}, "category": {"MARKETING"}, "parameter_format": {"named"},
		"message_send_ttl_seconds": {"86400"},
		"components":               {`[{"type":"body","text":"Oi {{first_name}}!","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"}]}}]`},
	}})
	wantStatus(t, res, http.StatusOK)
	id, _ := res.body["id"].(string)
	got := readTemplate(t, s, id, "parameter_format,message_send_ttl_seconds,components")
	if got["parameter_format"] != "NAMED" || got["message_send_ttl_seconds"] != 86400.0 {
		t.Errorf("read back %v", got)
	}
	if c := componentsJSON(t, s, id); c != `[{"example":{"body_text_named_params":[{"example":"Ana","param_name":"first_name"}]},"text":"Oi {{first_name}}!","type":"BODY"}]` {
		t.Errorf("components = %s", c)
	}
}

func TestCreateTemplateScopeAndVisibility(t *testing.T) {
	s := newTestServer(t)
	body := templateJSON("nope", "en_US", "UTILITY", simpleBody)
	res := send(t, s, apiReq{method: http.MethodPost, target: templatesPath, token: fixtureReadonlyToken, json: body})
	wantError(t, res, http.StatusForbidden, 200, 0, "(#200) Permissions error")
	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	wantError(t, postTemplate(t, s, body), http.StatusBadRequest, 100, 33, "")
	if n := len(storedTemplates(s, fixtureWABA)); n != 3 {
		t.Errorf("refused creates stored templates: %d", n)
	}
}

func TestCreateTemplateDuplicate(t *testing.T) {
	s := newTestServer(t)
	res := postTemplate(t, s, templateJSON("hello_world", "en_US", "UTILITY", simpleBody))
	wantError(t, res, http.StatusBadRequest, 100, subcodeTemplateExists, `Message template "hello_world" already exists in en_US`)
	// A REJECTED template holds its name and language too.
	res = postTemplate(t, s, templateJSON("spring_sale", "es", "MARKETING", simpleBody))
	wantError(t, res, http.StatusBadRequest, 100, subcodeTemplateExists, `Message template "spring_sale" already exists in es`)
	// Another language of the name is another template.
	createTemplate(t, s, templateJSON("hello_world", "fr", "UTILITY", simpleBody))
	if n := len(storedTemplates(s, fixtureWABA)); n != 4 {
		t.Errorf("%d templates, want 4", n)
	}
}

func TestCreateTemplateDeletedNameLock(t *testing.T) {
	s, clock := newClockedServer(t)
	wantSuccess(t, deleteTemplates(t, s, "name=hello_world&hsm_id="+helloWorldID))
	body := templateJSON("hello_world", "en_US", "UTILITY", simpleBody)
	res := postTemplate(t, s, body)
	until := stamp(clock.t.Add(30 * 24 * time.Hour))
	wantError(t, res, http.StatusBadRequest, 100, subcodeTemplateExists, "")
	if msg := errorOf(t, res)["message"].(string); !strings.Contains(msg, "locked in en_US until "+until) {
		t.Errorf("message %q does not give the end of the lock %s", msg, until)
	}
	if msg := errorOf(t, res)["error_user_msg"].(string); !strings.Contains(msg, "Try again in 4 weeks") {
		t.Errorf("error_user_msg = %q", msg)
	}
	// Other languages of the name are free.
	createTemplate(t, s, templateJSON("hello_world", "en_GB", "UTILITY", simpleBody))
	s.AdvanceClock(30*24*time.Hour - time.Second)
	wantError(t, postTemplate(t, s, body), http.StatusBadRequest, 100, subcodeTemplateExists, "")
	s.AdvanceClock(time.Second)
	createTemplate(t, s, body)
}

func TestCreateTemplateLockOnlyForApproved(t *testing.T) {
	s := newTestServer(t)
	// spring_sale is REJECTED: deleting it frees its name at once.
	wantSuccess(t, deleteTemplates(t, s, "name=spring_sale"))
	createTemplate(t, s, templateJSON("spring_sale", "es", "MARKETING", simpleBody))
	// A deletion in WhatsApp Manager locks nothing either.
	if err := s.DeleteTemplate(orderID); err != nil {
		t.Fatal(err)
	}
	createTemplate(t, s, templateJSON("order_update", "en_US", "UTILITY", simpleBody))
}

func TestCreateTemplateHourlyLimit(t *testing.T) {
	s, clock := newClockedServer(t)
	for i := range maxCreationsPerHour {
		createTemplate(t, s, templateJSON(fmt.Sprintf("bulk_%03d", i), "en_US", "UTILITY", simpleBody))
		clock.t = clock.t.Add(time.Second)
	}
	res := postTemplate(t, s, templateJSON("one_too_many", "en_US", "UTILITY", simpleBody))
	wantError(t, res, http.StatusBadRequest, 80008, 0, throttleMessage)
	if errorOf(t, res)["is_transient"] != true {
		t.Error("the creation limit must be transient, like every throttle")
	}
	// The first creation leaves the hour 3500 s from now: 59 minutes, rounded up.
	if got := bucOf(t, res, fixtureWABA); got.CallCount != 100 || got.RegainMinutes != 59 {
		t.Errorf("BUC header %+v, want call_count 100 and 59 minutes to regain access", got)
	}
	if n := len(storedTemplates(s, fixtureWABA)); n != 3+maxCreationsPerHour {
		t.Errorf("%d templates stored", n)
	}
	s.AdvanceClock(3499 * time.Second)
	wantError(t, postTemplate(t, s, templateJSON("one_too_many", "en_US", "UTILITY", simpleBody)), http.StatusBadRequest, 80008, 0, "")
	s.AdvanceClock(time.Second)
	createTemplate(t, s, templateJSON("one_too_many", "en_US", "UTILITY", simpleBody))
	// Another WABA has its own limit.
	res = send(t, s, apiReq{method: http.MethodPost, target: "/v25.0/" + fixtureWABA2 + "/message_templates", token: tokenOK,
		json: templateJSON("sandbox_one", "en_US", "UTILITY", simpleBody)})
	wantStatus(t, res, http.StatusOK)
}

func TestCreateTemplateCategoryOverride(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.TemplateCategoryOverride = CategoryOverride{"UTILITY": "MARKETING"} })
	res := postTemplate(t, s, templateJSON("promo_in_disguise", "en_US", "UTILITY", simpleBody))
	wantStatus(t, res, http.StatusOK)
	if res.body["category"] != "MARKETING" {
		t.Errorf("create answered %s, want Meta's category MARKETING", res.raw)
	}
	id, _ := res.body["id"].(string)
	got := readTemplate(t, s, id, "category,previous_category")
	if got["category"] != "MARKETING" || got["previous_category"] != nil {
		t.Errorf("read back %v: Meta's choice at creation sets no previous_category", got)
	}
	// A category the override does not name is kept.
	if res := postTemplate(t, s, templateJSON("plain_marketing", "en_US", "MARKETING", simpleBody)); res.body["category"] != "MARKETING" {
		t.Errorf("create answered %s", res.raw)
	}
	if status, body := admin(t, s, http.MethodPost, "/_sim/settings", `{"template_category_override":{}}`); status != http.StatusOK ||
		!strings.Contains(body, `"template_category_override":{}`) {
		t.Fatalf("clearing the override: %d %s", status, body)
	}
	if res := postTemplate(t, s, templateJSON("real_utility", "en_US", "UTILITY", simpleBody)); res.body["category"] != "UTILITY" {
		t.Errorf("after clearing the override, create answered %s", res.raw)
	}
}
