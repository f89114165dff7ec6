package simulator

import (
	"net/http"
	"reflect"
	"testing"
)

const (
	partnerBusiness = "506914307656635"
	clientWABA      = "301000000000001"
	clientWABA2     = "301000000000002"
	clientWABAsPath = "/v25.0/" + fixtureBusiness + "/client_whatsapp_business_accounts"
)

// withClientWABAs adds a partner business owning two WABAs, both shared
// with the fixture business, and a third shared with nobody.
func withClientWABAs(s *Seed) {
	s.Businesses = append(s.Businesses, Business{ID: partnerBusiness, Name: "Globex"})
	shared := func(id, name string, tasks ...string) WABA {
		w := WABA{ID: id, BusinessID: partnerBusiness, Fields: map[string]any{
			"name": name, "timezone_id": "7", "message_template_namespace": "ns_" + id, "currency": "EUR",
		}}
		if tasks != nil {
			w.ClientOf = []ClientAccess{{BusinessID: fixtureBusiness, PermittedTasks: tasks}}
		}
		return w
	}
	s.WABAs = append(s.WABAs,
		shared(clientWABA, "Globex Support", "MANAGE", "DEVELOP"),
		shared("301000000000009", "Globex Private"),
		shared(clientWABA2, "Globex Sales", "VIEW_COST"),
	)
}

func TestClientWABAs(t *testing.T) {
	s := newTestServer(t, withClientWABAs)
	res := get(t, s, clientWABAsPath+"?fields=id,name,timezone_id,message_template_namespace,permitted_tasks")
	wantStatus(t, res, http.StatusOK)
	want := []map[string]any{
		{"id": clientWABA, "name": "Globex Support", "timezone_id": "7", "message_template_namespace": "ns_" + clientWABA,
			"permitted_tasks": []any{"MANAGE", "DEVELOP"}},
		{"id": clientWABA2, "name": "Globex Sales", "timezone_id": "7", "message_template_namespace": "ns_" + clientWABA2,
			"permitted_tasks": []any{"VIEW_COST"}},
	}
	if got := dataOf(t, res); !reflect.DeepEqual(got, want) {
		t.Errorf("items = %v\nwant  %v", got, want)
	}
	if got := s.Counts()["GET "+tmplClientWABAs]; got != 1 {
		t.Errorf("counted %d under %s, want 1", got, tmplClientWABAs)
	}

	// Without fields=, Graph's defaults: id and name.
	bare := dataOf(t, get(t, s, clientWABAsPath))
	if len(bare) != 2 || len(bare[0]) != 2 || bare[0]["name"] != "Globex Support" {
		t.Errorf("default items = %v, want id and name only", bare)
	}

	one := get(t, s, clientWABAsPath+"?limit=1")
	if items := dataOf(t, one); len(items) != 1 || one.body["paging"] == nil {
		t.Errorf("limit=1 = %s, want one item and paging", one.raw)
	}

	// The partner's own edges: it owns all three and is nobody's client.
	owned := dataOf(t, get(t, s, "/v25.0/"+partnerBusiness+"/owned_whatsapp_business_accounts"))
	if len(owned) != 3 {
		t.Errorf("partner owns %v, want its three WABAs", owned)
	}
	if none := dataOf(t, get(t, s, "/v25.0/"+partnerBusiness+"/client_whatsapp_business_accounts")); len(none) != 0 {
		t.Errorf("partner's client WABAs = %v, want none", none)
	}
}

func TestClientWABAsWithoutAny(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, clientWABAsPath+"?fields=id,permitted_tasks")
	wantStatus(t, res, http.StatusOK)
	if items := dataOf(t, res); len(items) != 0 {
		t.Errorf("items = %v, want none in the default seed", items)
	}
}

func TestClientWABAsPermittedWithoutTasks(t *testing.T) {
	s := newTestServer(t, withClientWABAs, func(s *Seed) {
		s.WABAs[len(s.WABAs)-1].ClientOf[0].PermittedTasks = nil
	})
	items := dataOf(t, get(t, s, clientWABAsPath+"?fields=permitted_tasks"))
	if got, ok := items[1]["permitted_tasks"].([]any); !ok || len(got) != 0 {
		t.Errorf("permitted_tasks = %#v, want an empty list, not null", items[1]["permitted_tasks"])
	}
}

func TestClientWABAsLeavesOutHiddenWABAs(t *testing.T) {
	s := newTestServer(t, withClientWABAs)
	if err := s.Hide(clientWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	items := dataOf(t, get(t, s, clientWABAsPath))
	if len(items) != 1 || items[0]["id"] != clientWABA2 {
		t.Errorf("items = %v, want only the WABA the token can see", items)
	}
}

func TestClientWABAsErrors(t *testing.T) {
	s := newTestServer(t, withClientWABAs)
	wantError(t, get(t, s, "/v25.0/999999999/client_whatsapp_business_accounts"), http.StatusBadRequest, 100, 33, "")
	wantError(t, get(t, s, clientWABAsPath+"?fields=name,nonsense"), http.StatusBadRequest, 100, 0, "")
	wantError(t, send(t, s, apiReq{target: clientWABAsPath, token: fixtureReadonlyToken}), http.StatusForbidden, 200, 0, "")
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: clientWABAsPath, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
}
