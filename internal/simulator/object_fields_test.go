package simulator

import (
	"net/http"
	"reflect"
	"testing"
)

func TestWABAObjectFields(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name   string
		fields string
		key    string
		want   any
	}{
		{name: "bare on_behalf_of_business_info gets Graph's defaults, no id", fields: "on_behalf_of_business_info", key: "on_behalf_of_business_info",
			want: map[string]any{"name": "Acme Corp", "status": "APPROVED", "type": "SELF"}},
		{name: "on_behalf_of_business_info with sub-fields", fields: "id,on_behalf_of_business_info{id,name}", key: "on_behalf_of_business_info",
			want: map[string]any{"id": fixtureBusiness, "name": "Acme Corp"}},
		{name: "bare owner_business_info gets name only", fields: "owner_business_info", key: "owner_business_info",
			want: map[string]any{"name": "Acme Corp"}},
		{name: "owner_business_info with sub-fields", fields: "owner_business_info{id,name}", key: "owner_business_info",
			want: map[string]any{"id": fixtureBusiness, "name": "Acme Corp"}},
		{name: "owner_business_info id only", fields: "owner_business_info{id}", key: "owner_business_info",
			want: map[string]any{"id": fixtureBusiness}},
		{name: "health_status nested sub-fields", fields: "health_status{entities{entity_type}}", key: "health_status",
			want: map[string]any{"entities": []any{
				map[string]any{"entity_type": "WABA"}, map[string]any{"entity_type": "BUSINESS"}, map[string]any{"entity_type": "APP"},
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, s, wabaPath+"?fields="+tt.fields)
			wantStatus(t, res, http.StatusOK)
			if !reflect.DeepEqual(res.body[tt.key], tt.want) {
				t.Fatalf("%s = %v, want %v", tt.key, res.body[tt.key], tt.want)
			}
		})
	}
	bare := get(t, s, wabaPath+"?fields=health_status")
	if entities := bare.body["health_status"].(map[string]any)["entities"].([]any); len(entities[2].(map[string]any)) != 4 {
		t.Errorf("a bare health_status keeps every entity field: %v", entities[2])
	}
}

func TestObjectSubFieldErrors(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		target  string
		message string
	}{
		{wabaPath + "?fields=on_behalf_of_business_info{id,bogus}", "(#100) Tried accessing nonexisting field (bogus) on node type (WABAOnBehalfOfComputedInfo)"},
		{wabaPath + "?fields=owner_business_info{status}", "(#100) Tried accessing nonexisting field (status) on node type (WABAOwnerBusinessInfo)"},
		{wabaPath + "?fields=health_status{entities{bogus}}", "(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessHealthStatus)"},
		{wabaPath + "/phone_numbers?fields=throughput{bogus}", "(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessPhoneNumberThroughput)"},
		{wabaPath + "?fields=phone_numbers{health_status{bogus}}", "(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessHealthStatusForMessageSend)"},
		// The sandbox WABA has no on_behalf_of_business_info: the request
		// is still checked against the node type.
		{"/v25.0/" + fixtureWABA2 + "?fields=on_behalf_of_business_info{bogus}", "(#100) Tried accessing nonexisting field (bogus) on node type (WABAOnBehalfOfComputedInfo)"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			wantError(t, get(t, s, tt.target), http.StatusBadRequest, 100, 0, tt.message)
		})
	}
}

func TestPhoneObjectFields(t *testing.T) {
	s := newTestServer(t)
	items := dataOf(t, get(t, s, wabaPath+"/phone_numbers?fields=throughput{level}"))
	if !reflect.DeepEqual(items[0]["throughput"], map[string]any{"level": "STANDARD"}) {
		t.Fatalf("throughput = %v", items[0]["throughput"])
	}
	items = dataOf(t, get(t, s, wabaPath+"/phone_numbers?fields=throughput"))
	if !reflect.DeepEqual(items[0]["throughput"], map[string]any{"level": "STANDARD"}) {
		t.Fatalf("bare throughput = %v", items[0]["throughput"])
	}
}
