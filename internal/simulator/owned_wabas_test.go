package simulator

import (
	"net/http"
	"reflect"
	"testing"
)

const ownedWABAsPath = "/v25.0/" + fixtureBusiness + "/owned_whatsapp_business_accounts"

func TestOwnedWABAs(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, ownedWABAsPath+"?fields=id,name")
	wantStatus(t, res, http.StatusOK)
	items := dataOf(t, res)
	if len(items) != 2 || items[0]["id"] != fixtureWABA || items[0]["name"] != "Acme Support" || items[1]["id"] != fixtureWABA2 {
		t.Fatalf("items = %v, want both fixture WABAs in seed order with their names", items)
	}
	if len(items[0]) != 2 {
		t.Errorf("item = %v, want only id and name", items[0])
	}
	if got := s.Counts()["GET "+tmplOwnedWABAs]; got != 1 {
		t.Errorf("counted %d under %s, want 1", got, tmplOwnedWABAs)
	}

	full := dataOf(t, get(t, s, ownedWABAsPath+"?fields=id,name,timezone_id,message_template_namespace"))
	if want := map[string]any{
		"id": fixtureWABA, "name": "Acme Support", "timezone_id": "1", "message_template_namespace": "ba30dd89_2ebd_41e4_b805_f2c05ae04cc9",
	}; !reflect.DeepEqual(full[0], want) {
		t.Errorf("item = %v, want %v", full[0], want)
	}

	one := get(t, s, ownedWABAsPath+"?limit=1")
	if items := dataOf(t, one); len(items) != 1 || one.body["paging"] == nil {
		t.Errorf("limit=1 = %s, want one item and paging", one.raw)
	}
}

func TestOwnedWABAsLeavesOutHiddenWABAs(t *testing.T) {
	s := newTestServer(t)
	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	items := dataOf(t, get(t, s, ownedWABAsPath))
	if len(items) != 1 || items[0]["id"] != fixtureWABA2 {
		t.Errorf("items = %v, want only the WABA the token can see", items)
	}
}

func TestOwnedWABAsErrors(t *testing.T) {
	s := newTestServer(t)
	wantError(t, get(t, s, "/v25.0/999999999/owned_whatsapp_business_accounts"), http.StatusBadRequest, 100, 33, "")
	wantError(t, get(t, s, ownedWABAsPath+"?fields=name,nonsense"), http.StatusBadRequest, 100, 0, "")
	// Meta documents permitted_tasks on the client edge only.
	wantError(t, get(t, s, ownedWABAsPath+"?fields=id,permitted_tasks"), http.StatusBadRequest, 100, 0, "")
	wantError(t, send(t, s, apiReq{target: ownedWABAsPath, token: fixtureReadonlyToken}), http.StatusForbidden, 200, 0, "")
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: ownedWABAsPath, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
}
