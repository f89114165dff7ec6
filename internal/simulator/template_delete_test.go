package simulator

import (
	"net/http"
	"slices"
	"testing"
)

// namesAndLanguages lists the WABA's templates as "name/language".
func namesAndLanguages(s *Server) []string {
	var out []string
	for _, t := range storedTemplates(s, fixtureWABA) {
		out = append(out, t["name"].(string)+"/"+t["language"].(string))
	}
	return out
}

func TestDeleteTemplateByID(t *testing.T) {
	s := newTestServer(t)
	en := createTemplate(t, s, templateJSON("promo", "en_US", "MARKETING", simpleBody))
	es := createTemplate(t, s, templateJSON("promo", "es", "MARKETING", simpleBody))
	for query, says := range map[string]string{
		"hsm_id=" + en:                      "The parameter name is required",
		"name=other&hsm_id=" + en:           `has no message template ` + en + ` named "other"`,
		"name=promo&hsm_id=999":             `has no message template 999 named "promo"`,
		"name=promo&hsm_id=" + helloWorldID: "named \"promo\"",
		"name=promo&hsm_ids=" + en:          "Param hsm_ids is not a valid parameter",
	} {
		wantRefused(t, s, deleteTemplates(t, s, query), says, 5)
	}
	res := deleteTemplates(t, s, "name=promo&hsm_id="+en)
	wantSuccess(t, res)
	if got := bucOf(t, res, fixtureWABA); got.CallCount == 0 {
		t.Errorf("a delete counts against the WABA's budget: %+v", got)
	}
	if got := namesAndLanguages(s); slices.Contains(got, "promo/en_US") || !slices.Contains(got, "promo/es") {
		t.Errorf("templates after deleting one language: %v", got)
	}
	// Its node is gone, and so is it from the list.
	wantError(t, get(t, s, "/v25.0/"+en), http.StatusBadRequest, 100, 33, "")
	if ids := idsOf(t, get(t, s, templatesPath+"?name=promo")); !slices.Equal(ids, []string{es}) {
		t.Errorf("list after the delete: %v", ids)
	}
}

func TestDeleteTemplateByName(t *testing.T) {
	s := newTestServer(t)
	createTemplate(t, s, templateJSON("promo", "en_US", "MARKETING", simpleBody))
	createTemplate(t, s, templateJSON("promo", "es", "MARKETING", simpleBody))
	wantRefused(t, s, deleteTemplates(t, s, "name=absent"), `has no message template named "absent"`, 5)
	wantSuccess(t, deleteTemplates(t, s, "name=promo"))
	if got := namesAndLanguages(s); !slices.Equal(got, []string{"hello_world/en_US", "order_update/en_US", "spring_sale/es"}) {
		t.Errorf("templates after deleting every language: %v", got)
	}
}

func TestDeleteDisabledTemplateRefused(t *testing.T) {
	s := newTestServer(t)
	es := createTemplate(t, s, templateJSON("hello_world", "es", "UTILITY", simpleBody))
	mustReview(t, s, es, "DISABLED")
	wantRefused(t, s, deleteTemplates(t, s, "name=hello_world"), "A disabled template cannot be deleted", 4)
	wantRefused(t, s, deleteTemplates(t, s, "name=hello_world&hsm_id="+es), "A disabled template cannot be deleted", 4)
	// Nothing was deleted, the APPROVED language included: its name is not locked.
	if got := statusOf(t, s, helloWorldID); got != "APPROVED" {
		t.Errorf("hello_world en_US is %v", got)
	}
	wantSuccess(t, deleteTemplates(t, s, "name=hello_world&hsm_id="+helloWorldID))
	if n := len(storedTemplates(s, fixtureWABA)); n != 3 {
		t.Errorf("%d templates", n)
	}
}

func TestDeleteTemplatePendingDeletion(t *testing.T) {
	s := newTestServer(t)
	if status, body := admin(t, s, http.MethodPost, "/_sim/templates/review", `{"template_id":"`+orderID+`","undelivered_messages":true}`); status != http.StatusOK {
		t.Fatalf("flag: %d %s", status, body)
	}
	wantSuccess(t, deleteTemplates(t, s, "name=order_update"))
	if got := readTemplate(t, s, orderID, "status"); got["status"] != "PENDING_DELETION" {
		t.Errorf("a template with undelivered messages reads %v", got)
	}
	// It still holds its name and cannot be reviewed.
	wantError(t, postTemplate(t, s, templateJSON("order_update", "en_US", "UTILITY", simpleBody)), http.StatusBadRequest, 100, subcodeTemplateExists, "")
	if err := s.ReviewTemplate(orderID, "APPROVED", ""); err == nil {
		t.Error("a template pending deletion was reviewed")
	}
	// Deleting it again changes nothing; once its messages are delivered it is gone.
	wantSuccess(t, deleteTemplates(t, s, "name=order_update&hsm_id="+orderID))
	if err := s.SetTemplateUndeliveredMessages(orderID, false); err != nil {
		t.Fatal(err)
	}
	wantError(t, get(t, s, "/v25.0/"+orderID), http.StatusBadRequest, 100, 33, "")
	// It was APPROVED, so its name stays locked.
	res := postTemplate(t, s, templateJSON("order_update", "en_US", "UTILITY", simpleBody))
	wantError(t, res, http.StatusBadRequest, 100, subcodeTemplateExists, "")
}

func TestDeleteTemplatePendingDeletionSeeded(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.WABAs[0].MessageTemplates[2][undeliveredKey] = true })
	if got := readTemplate(t, s, springSaleID, "id,name,status"); len(got) != 3 {
		t.Errorf("the seed flag must not be served: %v", got)
	}
	wantSuccess(t, deleteTemplates(t, s, "name=spring_sale"))
	if got := statusOf(t, s, springSaleID); got != "PENDING_DELETION" {
		t.Errorf("status %v", got)
	}
}

func TestDeleteTemplateAdmin(t *testing.T) {
	s := newTestServer(t)
	mustReview(t, s, springSaleID, "DISABLED")
	// WhatsApp Manager deletes whatever the status.
	if status, body := admin(t, s, http.MethodPost, "/_sim/templates/delete", `{"template_id":"`+springSaleID+`"}`); status != http.StatusOK {
		t.Fatalf("delete: %d %s", status, body)
	}
	wantError(t, get(t, s, "/v25.0/"+springSaleID), http.StatusBadRequest, 100, 33, "")
	if status, _ := admin(t, s, http.MethodPost, "/_sim/templates/delete", `{"template_id":"`+springSaleID+`"}`); status != http.StatusNotFound {
		t.Errorf("deleting it again: status %d, want 404", status)
	}
	if status, _ := admin(t, s, http.MethodPost, "/_sim/templates/delete", `{}`); status != http.StatusBadRequest {
		t.Errorf("no template_id: status %d, want 400", status)
	}
	if err := s.DeleteTemplate("999"); err == nil {
		t.Error("an unknown template was deleted")
	}
}
