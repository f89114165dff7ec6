package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"testing"
)

func idsOf(t *testing.T, res result) []string {
	t.Helper()
	var ids []string
	for _, it := range dataOf(t, res) {
		ids = append(ids, it["id"].(string))
	}
	return ids
}

func TestPhoneNumbers(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, wabaPath+"/phone_numbers")
	wantStatus(t, res, http.StatusOK)
	items := dataOf(t, res)
	if len(items) != 2 || items[0]["id"] != fixturePhone || items[1]["id"] != fixturePhone2 {
		t.Fatalf("phone numbers = %v", items)
	}
	if items[0]["display_phone_number"] != "+1 555-010-0001" || items[0]["throughput"] != nil {
		t.Errorf("default fields wrong: %v", items[0])
	}

	res = get(t, s, wabaPath+"/phone_numbers?fields=id,quality_rating,throughput,not_there")
	got := dataOf(t, res)[1]
	keys := keysOf(got)
	if !slices.Equal(keys, []string{"id", "quality_rating", "throughput"}) {
		t.Errorf("keys = %v, want id, quality_rating, throughput", keys)
	}
	if got["quality_rating"] != "YELLOW" {
		t.Errorf("quality_rating = %v", got["quality_rating"])
	}

	page := get(t, s, wabaPath+"/phone_numbers?limit=1")
	if ids := idsOf(t, page); len(ids) != 1 || page.body["paging"].(map[string]any)["next"] == nil {
		t.Fatalf("limit=1 page = %s", page.raw)
	}
}

func TestMessageTemplateFilters(t *testing.T) {
	s := newTestServer(t)
	const (
		hello  = "1192339204654487"
		order  = "1192339204654488"
		spring = "1192339204654489"
	)
	tests := []struct {
		name  string
		query url.Values
		want  []string
	}{
		{name: "all", want: []string{hello, order, spring}},
		{name: "name exact", query: url.Values{"name": {"order_update"}}, want: []string{order}},
		{name: "name is not a prefix match", query: url.Values{"name": {"order"}}, want: nil},
		{name: "status", query: url.Values{"status": {"APPROVED"}}, want: []string{hello, order}},
		{name: "status list", query: url.Values{"status": {"REJECTED,PAUSED"}}, want: []string{spring}},
		{name: "category json array", query: url.Values{"category": {`["MARKETING"]`}}, want: []string{spring}},
		{name: "language", query: url.Values{"language": {"es"}}, want: []string{spring}},
		{name: "combined", query: url.Values{"language": {"en_US"}, "status": {"APPROVED"}, "category": {"UTILITY"}}, want: []string{hello, order}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, s, wabaPath+"/message_templates?"+tt.query.Encode())
			wantStatus(t, res, http.StatusOK)
			got := idsOf(t, res)
			sort.Strings(got)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("ids = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMessageTemplateFields(t *testing.T) {
	s := newTestServer(t)
	items := dataOf(t, get(t, s, wabaPath+"/message_templates?name=spring_sale"))
	if items[0]["rejected_reason"] != nil {
		t.Errorf("rejected_reason is not a default field: %v", items[0])
	}
	if items[0]["components"] == nil || items[0]["status"] != "REJECTED" {
		t.Errorf("default fields missing: %v", items[0])
	}
	items = dataOf(t, get(t, s, wabaPath+"/message_templates?name=spring_sale&fields=name,rejected_reason"))
	if !slices.Equal(keysOf(items[0]), []string{"id", "name", "rejected_reason"}) || items[0]["rejected_reason"] != "PROMOTIONAL" {
		t.Errorf("fields not applied: %v", items[0])
	}
}
