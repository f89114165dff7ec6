package simulator

import (
	"net/http"
	"sort"
	"strings"
	"testing"
)

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestGetWABAFields(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name   string
		target string
		want   []string
	}{
		{name: "default fields", target: wabaPath, want: []string{"id", "message_template_namespace", "name", "timezone_id"}},
		{name: "empty fields param", target: wabaPath + "?fields=", want: []string{"id", "message_template_namespace", "name", "timezone_id"}},
		{name: "selected fields", target: wabaPath + "?fields=name,currency,health_status", want: []string{"currency", "health_status", "id", "name"}},
		{name: "id only", target: wabaPath + "?fields=id", want: []string{"id"}},
		{name: "expansion syntax", target: wabaPath + "?fields=owner_business_info{id},health_status{can_send_message,entities}", want: []string{"health_status", "id", "owner_business_info"}},
		{name: "missing fields omitted", target: "/v25.0/" + fixtureWABA2 + "?fields=name,purchase_order_number,health_status", want: []string{"id", "name"}},
		{name: "edge without data omitted", target: wabaPath + "?fields=name,product_catalogs", want: []string{"id", "name"}},
		{name: "inline edges", target: wabaPath + "?fields=phone_numbers{display_phone_number},message_templates,subscribed_apps", want: []string{"id", "message_templates", "phone_numbers", "subscribed_apps"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, s, tt.target)
			wantStatus(t, res, http.StatusOK)
			if got := keysOf(res.body); strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("keys = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGetWABAValues(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, wabaPath+"?fields=name,creation_time,is_enabled_for_insights,health_status,phone_numbers{display_phone_number}")
	wantStatus(t, res, http.StatusOK)
	if res.body["id"] != fixtureWABA || res.body["name"] != "Acme Support" {
		t.Errorf("id/name = %v/%v", res.body["id"], res.body["name"])
	}
	if !strings.Contains(res.raw, `"creation_time":1672531200`) {
		t.Errorf("creation_time must be an integer, body %s", res.raw)
	}
	if res.body["is_enabled_for_insights"] != true {
		t.Errorf("is_enabled_for_insights = %v", res.body["is_enabled_for_insights"])
	}
	entities := res.body["health_status"].(map[string]any)["entities"].([]any)
	if len(entities) != 3 {
		t.Errorf("health_status has %d entities, want 3", len(entities))
	}
	phones := res.body["phone_numbers"].(map[string]any)["data"].([]any)
	if len(phones) != 2 {
		t.Fatalf("inline phone_numbers has %d items, want 2", len(phones))
	}
	first := phones[0].(map[string]any)
	if first["display_phone_number"] != "+1 555-010-0001" || first["verified_name"] != nil {
		t.Errorf("inline sub-fields not applied: %v", first)
	}
}

func TestWABAErrors(t *testing.T) {
	s := newTestServer(t)
	unknown := func(method string) string {
		return "Unsupported " + method + " request. Object with ID '999' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"
	}
	tests := []struct {
		name    string
		method  string
		target  string
		status  int
		code    int
		subcode int
		message string
	}{
		{name: "unknown field", target: wabaPath + "?fields=name,bogus", status: 400, code: 100,
			message: "(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessAccount)"},
		{name: "unknown waba", target: "/v25.0/999", status: 400, code: 100, subcode: 33, message: unknown("get")},
		{name: "unknown waba subscribed_apps", method: http.MethodPost, target: "/v25.0/999/subscribed_apps", status: 400, code: 100, subcode: 33, message: unknown("post")},
		{name: "unknown waba assigned_users", method: http.MethodDelete, target: "/v25.0/999/assigned_users?user=1", status: 400, code: 100, subcode: 33, message: unknown("delete")},
		{name: "unknown waba phone_numbers", target: "/v25.0/999/phone_numbers", status: 400, code: 100, subcode: 33, message: unknown("get")},
		{name: "unknown waba message_templates", target: "/v25.0/999/message_templates", status: 400, code: 100, subcode: 33, message: unknown("get")},
		{name: "unsupported method on node", method: http.MethodDelete, target: wabaPath, status: 400, code: 100, subcode: 33},
		{name: "unknown edge", target: wabaPath + "/bogus_edge", status: 400, code: 2500, message: "Unknown path components: /bogus_edge"},
		{name: "unknown alias", target: "/v25.0/not-a-number", status: 404, code: 803},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := send(t, s, apiReq{method: tt.method, target: tt.target, token: tokenOK})
			wantError(t, res, tt.status, tt.code, tt.subcode, tt.message)
			if tt.subcode == 33 && errorOf(t, res)["type"] != typeGraphMethod {
				t.Errorf("type = %v, want %s", errorOf(t, res)["type"], typeGraphMethod)
			}
		})
	}
}
