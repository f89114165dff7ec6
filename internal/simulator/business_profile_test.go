package simulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

const profilePath = phonePath + "/whatsapp_business_profile"

// emptyProfile is how a number nobody gave a profile reads.
var emptyProfile = map[string]any{"messaging_product": "whatsapp", "vertical": "UNDEFINED"}

func postProfile(t *testing.T, s *Server, body string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: profilePath, token: tokenOK, json: body})
}

// readProfile reads the number's profile with GET, fields optional, and
// returns its only item.
func readProfile(t *testing.T, s *Server, fields string) map[string]any {
	t.Helper()
	target := profilePath
	if fields != "" {
		target += "?fields=" + fields
	}
	res := get(t, s, target)
	wantStatus(t, res, http.StatusOK)
	data := dataOf(t, res)
	if len(data) != 1 {
		t.Fatalf("want one profile, got %s", res.raw)
	}
	return data[0]
}

func TestBusinessProfileDefault(t *testing.T) {
	s := newTestServer(t)
	res := get(t, s, profilePath)
	wantStatus(t, res, http.StatusOK)
	if res.raw != `{"data":[{"messaging_product":"whatsapp","vertical":"UNDEFINED"}]}` {
		t.Errorf("empty profile = %s", res.raw)
	}
	if got := res.header.Get("X-Business-Use-Case-Usage"); !strings.Contains(got, fixtureWABA) {
		t.Errorf("the number's WABA must be charged, BUC header %q", got)
	}
	if got := s.Counts()["GET "+tmplBusinessProfile]; got != 1 {
		t.Errorf("GET %s counted %d times, want 1", tmplBusinessProfile, got)
	}
	// A field without a value is left out; messaging_product is always there.
	if got := readProfile(t, s, "about,email"); !reflect.DeepEqual(got, map[string]any{"messaging_product": "whatsapp"}) {
		t.Errorf("about,email of an empty profile = %v", got)
	}
}

func TestBusinessProfileLifecycle(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Open 9 to 5","address":"1 Main St",
		"description":"Coffee and cake","email":"hi@acme.example","websites":["https://acme.example","http://acme.example/shop"],
		"vertical":"RESTAURANT"}`))
	full := map[string]any{
		"messaging_product": "whatsapp", "about": "Open 9 to 5", "address": "1 Main St", "description": "Coffee and cake",
		"email": "hi@acme.example", "websites": []any{"https://acme.example", "http://acme.example/shop"}, "vertical": "RESTAURANT",
	}
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, full) {
		t.Fatalf("after POST = %v, want %v", got, full)
	}
	if got := readProfile(t, s, "about,vertical"); !reflect.DeepEqual(got, map[string]any{"messaging_product": "whatsapp", "about": "Open 9 to 5", "vertical": "RESTAURANT"}) {
		t.Errorf("about,vertical = %v", got)
	}
	// The other number is untouched.
	other := get(t, s, "/v25.0/"+fixturePhone2+"/whatsapp_business_profile")
	if got := dataOf(t, other)[0]; !reflect.DeepEqual(got, emptyProfile) {
		t.Errorf("the other number's profile = %v", got)
	}

	// A field left out is kept.
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","address":"2 Main St"}`))
	full["address"] = "2 Main St"
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, full) {
		t.Fatalf("after a partial POST = %v, want %v", got, full)
	}

	// An empty value clears address, description, email and websites.
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","address":"","description":"","email":"","websites":[],"vertical":"UNDEFINED"}`))
	want := map[string]any{"messaging_product": "whatsapp", "about": "Open 9 to 5", "vertical": "UNDEFINED"}
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, want) {
		t.Fatalf("after clearing = %v, want %v", got, want)
	}
	if got := s.Counts()["POST "+tmplBusinessProfile]; got != 3 {
		t.Errorf("POST %s counted %d times, want 3", tmplBusinessProfile, got)
	}
}

func TestBusinessProfileFormBody(t *testing.T) {
	for _, tc := range []struct {
		name     string
		websites []string
	}{
		{"JSON array", []string{`["https://a.example","https://b.example"]`}},
		{"repeated keys", []string{"https://a.example", "https://b.example"}},
		{"comma list", []string{"https://a.example,https://b.example"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestServer(t)
			form := url.Values{"messaging_product": {"whatsapp"}, "about": {"Hi"}, "websites": tc.websites}
			wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: profilePath, token: tokenOK, form: form}))
			got := readProfile(t, s, "about,websites")
			if !reflect.DeepEqual(got["websites"], []any{"https://a.example", "https://b.example"}) || got["about"] != "Hi" {
				t.Errorf("profile = %v", got)
			}
		})
	}
}

func TestBusinessProfileValidation(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Before"}`))
	verticals := "UNDEFINED, OTHER, AUTO, BEAUTY, APPAREL, EDU, ENTERTAIN, EVENT_PLAN, FINANCE, GROCERY, GOVT, HOTEL, HEALTH, " +
		"NONPROFIT, PROF_SERVICES, RETAIL, TRAVEL, RESTAURANT, NOT_A_BIZ, ALCOHOL, ONLINE_GAMBLING, PHYSICAL_GAMBLING, OTC_DRUGS"
	for _, tc := range []struct{ name, body, message string }{
		{"no messaging_product", `{"about":"x"}`, "(#100) The parameter messaging_product is required"},
		{"other messaging_product", `{"messaging_product":"sms","about":"x"}`, "(#100) Param messaging_product must be whatsapp"},
		{"empty about", `{"messaging_product":"whatsapp","about":""}`, "(#100) Param about must be between 1 and 139 characters long"},
		{"about over 139 characters", `{"messaging_product":"whatsapp","about":"` + strings.Repeat("é", 140) + `"}`,
			"(#100) Param about must be between 1 and 139 characters long"},
		{"long address", `{"messaging_product":"whatsapp","address":"` + strings.Repeat("a", 257) + `"}`,
			"(#100) Param address must be at most 256 characters long"},
		{"long description", `{"messaging_product":"whatsapp","description":"` + strings.Repeat("a", 513) + `"}`,
			"(#100) Param description must be at most 512 characters long"},
		{"long email", `{"messaging_product":"whatsapp","email":"` + strings.Repeat("a", 120) + `@example.com"}`,
			"(#100) Param email must be at most 128 characters long"},
		{"email without @", `{"messaging_product":"whatsapp","email":"nobody"}`, "(#100) Param email must be an email address, with one @ and text on both sides"},
		{"email with two @", `{"messaging_product":"whatsapp","email":"a@b@c"}`, "(#100) Param email must be an email address, with one @ and text on both sides"},
		{"email without local part", `{"messaging_product":"whatsapp","email":"@acme.example"}`, "(#100) Param email must be an email address, with one @ and text on both sides"},
		{"email without domain", `{"messaging_product":"whatsapp","email":"hi@"}`, "(#100) Param email must be an email address, with one @ and text on both sides"},
		{"three websites", `{"messaging_product":"whatsapp","websites":["https://a.example","https://b.example","https://c.example"]}`,
			"(#100) Param websites must have at most 2 elements"},
		{"website without scheme", `{"messaging_product":"whatsapp","websites":["https://a.example","acme.example"]}`,
			"(#100) Param websites[1] must start with http:// or https://"},
		{"ftp website", `{"messaging_product":"whatsapp","websites":["ftp://acme.example"]}`, "(#100) Param websites[0] must start with http:// or https://"},
		{"long website", `{"messaging_product":"whatsapp","websites":["https://` + strings.Repeat("a", 250) + `.example"]}`,
			"(#100) Param websites[0] must be at most 256 characters long"},
		{"unknown vertical", `{"messaging_product":"whatsapp","vertical":"SHOPPING"}`, "(#100) Param vertical must be one of {" + verticals + "}"},
		{"empty vertical", `{"messaging_product":"whatsapp","vertical":""}`, "(#100) Param vertical must be one of {" + verticals + "}"},
		{"unknown parameter", `{"messaging_product":"whatsapp","name":"Acme"}`, "(#100) Param name is not a valid parameter of whatsapp_business_profile"},
		{"handle not issued", `{"messaging_product":"whatsapp","profile_picture_handle":"4::aW1hZ2UvanBlZw==:ARx:e:1:2:3:ARy"}`, "(#100) Invalid profile_picture_handle"},
		// A valid field does not get through with an invalid one.
		{"valid and invalid", `{"messaging_product":"whatsapp","about":"After","vertical":"NOPE"}`, "(#100) Param vertical must be one of {" + verticals + "}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := postProfile(t, s, tc.body)
			wantError(t, res, http.StatusBadRequest, 100, 0, tc.message)
			if errorOf(t, res)["type"] != typeOAuth {
				t.Errorf("type = %v, want %s", errorOf(t, res)["type"], typeOAuth)
			}
		})
	}
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, map[string]any{"messaging_product": "whatsapp", "about": "Before", "vertical": "UNDEFINED"}) {
		t.Errorf("refused POSTs changed the profile: %v", got)
	}
	// The limits count characters, and each limit itself is allowed.
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"`+strings.Repeat("é", 139)+`","address":"`+strings.Repeat("é", 256)+
		`","description":"`+strings.Repeat("é", 512)+`","email":"`+strings.Repeat("a", 116)+`@example.com","vertical":"NOT_A_BIZ",`+
		`"websites":["http://`+strings.Repeat("a", 249)+`"]}`))
	if got := readProfile(t, s, "vertical"); got["vertical"] != "NOT_A_BIZ" {
		t.Errorf("vertical = %v", got["vertical"])
	}
	// A read asking for a field the profile does not have fails.
	wantError(t, get(t, s, profilePath+"?fields=about,bogus"), http.StatusBadRequest, 100, 0,
		"(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessProfile)")
}

func TestBusinessProfileExpansion(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Hello","email":"hi@acme.example"}`))
	withAbout := map[string]any{"messaging_product": "whatsapp", "about": "Hello", "email": "hi@acme.example", "vertical": "UNDEFINED"}

	node := get(t, s, phonePath+"?fields=id,whatsapp_business_profile")
	wantStatus(t, node, http.StatusOK)
	want := map[string]any{"id": fixturePhone, "whatsapp_business_profile": map[string]any{"data": []any{withAbout}}}
	if !reflect.DeepEqual(node.body, want) {
		t.Errorf("node = %s", node.raw)
	}
	// Sub-fields cut the profile down.
	node = get(t, s, phonePath+"?fields=whatsapp_business_profile{about,websites}")
	want = map[string]any{"id": fixturePhone, "whatsapp_business_profile": map[string]any{"data": []any{
		map[string]any{"messaging_product": "whatsapp", "about": "Hello"},
	}}}
	if !reflect.DeepEqual(node.body, want) {
		t.Errorf("node with sub-fields = %s", node.raw)
	}

	// The phone_numbers edge serves every number's profile.
	items := dataOf(t, get(t, s, wabaPath+"/phone_numbers?fields=id,whatsapp_business_profile{email,vertical}"))
	profiles := map[string]any{}
	for _, item := range items {
		profiles[item["id"].(string)] = item["whatsapp_business_profile"]
	}
	wantProfiles := map[string]any{
		fixturePhone:  map[string]any{"data": []any{map[string]any{"messaging_product": "whatsapp", "email": "hi@acme.example", "vertical": "UNDEFINED"}}},
		fixturePhone2: map[string]any{"data": []any{map[string]any{"messaging_product": "whatsapp", "vertical": "UNDEFINED"}}},
	}
	if !reflect.DeepEqual(profiles, wantProfiles) {
		t.Errorf("edge profiles = %v", profiles)
	}
	// So does the WABA node's phone_numbers expansion.
	expanded := get(t, s, wabaPath+"?fields=phone_numbers{id,whatsapp_business_profile{about}}")
	wantStatus(t, expanded, http.StatusOK)
	if !strings.Contains(expanded.raw, `"whatsapp_business_profile":{"data":[{"about":"Hello","messaging_product":"whatsapp"}]}`) {
		t.Errorf("expansion = %s", expanded.raw)
	}
	// Not asked, not served.
	for _, item := range dataOf(t, get(t, s, wabaPath+"/phone_numbers")) {
		if _, ok := item["whatsapp_business_profile"]; ok {
			t.Errorf("whatsapp_business_profile served without being asked for: %v", item)
		}
	}
	// An unknown sub-field fails, on the node, the edge and the expansion.
	const message = "(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessProfile)"
	for _, target := range []string{
		phonePath + "?fields=whatsapp_business_profile{about,bogus}",
		wabaPath + "/phone_numbers?fields=whatsapp_business_profile{bogus}",
		wabaPath + "?fields=phone_numbers{whatsapp_business_profile{bogus}}",
	} {
		wantError(t, get(t, s, target), http.StatusBadRequest, 100, 0, message)
	}
}

func TestBusinessProfileNestedShape(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Hello"}`))
	if status, body := admin(t, s, http.MethodPost, "/_sim/settings", `{"business_profile_shape":"nested"}`); status != http.StatusOK ||
		!strings.Contains(body, `"business_profile_shape":"nested"`) {
		t.Fatalf("settings: %d %s", status, body)
	}
	res := get(t, s, profilePath+"?fields=about")
	if res.raw != `{"data":[{"business_profile":{"about":"Hello","messaging_product":"whatsapp"}}]}` {
		t.Errorf("nested read = %s", res.raw)
	}
	node := get(t, s, phonePath+"?fields=whatsapp_business_profile{vertical}")
	if !strings.Contains(node.raw, `"whatsapp_business_profile":{"data":[{"business_profile":{"messaging_product":"whatsapp","vertical":"UNDEFINED"}}]}`) {
		t.Errorf("nested field = %s", node.raw)
	}
	// Back to flat.
	if err := s.SetSettings(Settings{}); err != nil {
		t.Fatal(err)
	}
	if got := readProfile(t, s, "about"); got["about"] != "Hello" {
		t.Errorf("flat again = %v", got)
	}
}

func TestBusinessProfileAccess(t *testing.T) {
	s := newTestServer(t)
	wantError(t, send(t, s, apiReq{target: profilePath, token: fixtureReadonlyToken}), http.StatusForbidden, 200, 0, "")
	// Graph has no way to delete a profile.
	wantError(t, send(t, s, apiReq{method: http.MethodDelete, target: profilePath, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
	// A number no WABA lists is missing.
	wantError(t, get(t, s, "/v25.0/106540352249999/whatsapp_business_profile"), http.StatusBadRequest, 100, 33, "")

	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Seen"}`))
	if err := s.Hide(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	const unknown = "Unsupported get request. Object with ID '" + fixturePhone + "' does not exist, cannot be loaded due to missing permissions, " +
		"or does not support this operation. " + unknownObjectDoc
	wantError(t, get(t, s, profilePath), http.StatusBadRequest, 100, 33, unknown)
	wantError(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Hidden"}`), http.StatusBadRequest, 100, 33, "")
	wantError(t, get(t, s, phonePath+"?fields=whatsapp_business_profile"), http.StatusBadRequest, 100, 33, "")
	if err := s.Reveal(fixtureWABA, tokenOK); err != nil {
		t.Fatal(err)
	}
	if got := readProfile(t, s, "about"); got["about"] != "Seen" {
		t.Errorf("after reveal = %v", got)
	}
}

func TestBusinessProfileBudget(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.HourlyBudget, seed.EnforceBudget = 2, true })
	wantStatus(t, get(t, s, profilePath), http.StatusOK)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"x"}`))
	res := postProfile(t, s, `{"messaging_product":"whatsapp","about":"y"}`)
	wantError(t, res, http.StatusBadRequest, 80008, 0, throttleMessage)
	if !strings.Contains(res.header.Get("X-Business-Use-Case-Usage"), `"call_count":100`) {
		t.Errorf("BUC header = %s", res.header.Get("X-Business-Use-Case-Usage"))
	}
	s.mu.Lock()
	_, phone := s.st.phoneNumber(fixturePhone)
	about := storedProfile(phone)["about"]
	s.mu.Unlock()
	if about != "x" {
		t.Errorf("about = %v: a throttled POST was applied", about)
	}
}

func TestBusinessProfileFault(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Method: http.MethodPost, Path: "/whatsapp_business_profile$", Kind: FaultGraphError, Code: 2, Transient: true, Times: 1})
	wantError(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"x"}`), http.StatusServiceUnavailable, 2, 0, "")
	// A read is not matched, and the fault fires once.
	wantStatus(t, get(t, s, profilePath), http.StatusOK)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"x"}`))
	reqs := s.Requests()
	if len(reqs) != 3 || reqs[0].Template != tmplBusinessProfile || reqs[0].Fault != FaultGraphError || reqs[2].Fault != "" {
		t.Errorf("request log = %+v", reqs)
	}
}

func TestBusinessProfileSeeded(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) {
		seed.WABAs[0].PhoneNumbers[1]["whatsapp_business_profile"] = map[string]any{
			"about": "Sales line", "websites": []string{"https://acme.example"}, "vertical": "RETAIL",
			"profile_picture_url": "https://pps.whatsapp.net/v/t61.24694-24/1_n.jpg",
		}
	})
	res := get(t, s, "/v25.0/"+fixturePhone2+"/whatsapp_business_profile")
	want := map[string]any{
		"messaging_product": "whatsapp", "about": "Sales line", "websites": []any{"https://acme.example"}, "vertical": "RETAIL",
		"profile_picture_url": "https://pps.whatsapp.net/v/t61.24694-24/1_n.jpg",
	}
	if got := dataOf(t, res); len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("seeded profile = %s", res.raw)
	}
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, emptyProfile) {
		t.Errorf("the number without a seeded profile = %v", got)
	}
}

func TestBusinessProfileSeedValidation(t *testing.T) {
	tests := []struct {
		name    string
		profile any
		want    string
	}{
		{"empty about", map[string]any{"about": ""}, "about must be between 1 and 139 characters long"},
		{"unknown vertical", map[string]any{"vertical": "SHOPPING"}, "vertical must be one of {UNDEFINED,"},
		{"three websites", map[string]any{"websites": []any{"https://a", "https://b", "https://c"}}, "websites must have at most 2 elements"},
		{"bad email", map[string]any{"email": "nobody"}, "email must be an email address"},
		{"picture not a URL", map[string]any{"profile_picture_url": "pic.jpg"}, "profile_picture_url must start with http:// or https://"},
		{"unknown key", map[string]any{"profile_picture_handle": "4::x"}, `unknown field "profile_picture_handle"`},
		{"not an object", "Acme", "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := DefaultSeed()
			seed.WABAs[0].PhoneNumbers[1]["whatsapp_business_profile"] = tt.profile
			err := seed.Validate()
			prefix := "wabas[" + fixtureWABA + "].phone_numbers: phone number " + fixturePhone2 + ": whatsapp_business_profile: "
			if err == nil || !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q and %q", err, prefix, tt.want)
			}
			defer func() {
				if r := recover(); r == nil {
					t.Fatal("New must panic on an invalid profile")
				}
			}()
			New(seed)
		})
	}
}

func TestBusinessProfileAdmin(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Ours","email":"hi@acme.example"}`))
	status, body := admin(t, s, http.MethodPost, "/_sim/business_profile",
		`{"phone_number_id":"`+fixturePhone+`","whatsapp_business_profile":{"about":"Theirs","vertical":"HOTEL","websites":["https://x.example"]}}`)
	if status != http.StatusOK || !strings.Contains(body, `"success":true`) {
		t.Fatalf("admin: %d %s", status, body)
	}
	// The profile is replaced, not merged: email is gone.
	want := map[string]any{"messaging_product": "whatsapp", "about": "Theirs", "vertical": "HOTEL", "websites": []any{"https://x.example"}}
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("after drift = %v, want %v", got, want)
	}
	// /_sim/state shows it in the number's data.
	_, state := admin(t, s, http.MethodGet, "/_sim/state", "")
	var view struct {
		WABAs []WABA `json:"wabas"`
	}
	if err := json.Unmarshal([]byte(state), &view); err != nil {
		t.Fatal(err)
	}
	if got := view.WABAs[0].PhoneNumbers[0]["whatsapp_business_profile"]; !reflect.DeepEqual(got, map[string]any{"about": "Theirs", "vertical": "HOTEL", "websites": []any{"https://x.example"}}) {
		t.Errorf("state = %v", got)
	}

	for _, tc := range []struct {
		body   string
		status int
	}{
		{`{"phone_number_id":"106540352249999","whatsapp_business_profile":{}}`, http.StatusNotFound},
		{`{"phone_number_id":"` + fixturePhone + `","whatsapp_business_profile":{"about":""}}`, http.StatusBadRequest},
		{`{"phone_number_id":"` + fixturePhone + `","whatsapp_business_profile":{"colour":"red"}}`, http.StatusBadRequest},
		{`{"whatsapp_business_profile":{}}`, http.StatusBadRequest},
		{`{"phone":"` + fixturePhone + `"}`, http.StatusBadRequest},
	} {
		if status, body := admin(t, s, http.MethodPost, "/_sim/business_profile", tc.body); status != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.body, status, body, tc.status)
		}
	}
	if got := readProfile(t, s, "about"); got["about"] != "Theirs" {
		t.Errorf("refused admin calls changed the profile: %v", got)
	}
	// An empty profile leaves the defaults.
	if err := s.SetBusinessProfile(fixturePhone, map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if got := readProfile(t, s, ""); !reflect.DeepEqual(got, emptyProfile) {
		t.Errorf("after emptying = %v", got)
	}
	if c := s.Counts(); c["POST "+tmplBusinessProfile] != 1 {
		t.Errorf("admin calls must not be counted: %v", c)
	}
}
