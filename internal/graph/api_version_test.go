package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// topLevelFields splits a fields= value at the commas outside braces, as
// Graph reads it: "a,b{c,d}" is "a" and "b{c,d}".
func topLevelFields(raw string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range raw {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, raw[start:i])
				start = i + 1
			}
		}
	}
	return append(out, raw[start:])
}

func TestTopLevelFields(t *testing.T) {
	got := topLevelFields("id,a{x,y},b,c{z}")
	if want := []string{"id", "a{x,y}", "b", "c{z}"}; !slices.Equal(got, want) {
		t.Errorf("topLevelFields = %q, want %q", got, want)
	}
}

func TestAPIVersionAtLeast(t *testing.T) {
	cases := []struct {
		version      string
		major, minor int
		want         bool
	}{
		{"v24.0", 24, 0, true},
		{"v23.0", 24, 0, false},
		{"v23.9", 24, 0, false},
		{"v24.1", 24, 0, true},
		{"v24.0", 24, 1, false},
		{"v26.0", 24, 0, true},
		{"v100.0", 24, 0, true},
		{"v9.0", 24, 0, false},
		{"nonsense", 24, 0, true},
	}
	for _, tc := range cases {
		if got := apiVersionAtLeast(tc.version, tc.major, tc.minor); got != tc.want {
			t.Errorf("apiVersionAtLeast(%q, %d, %d) = %v, want %v", tc.version, tc.major, tc.minor, got, tc.want)
		}
	}
}

func TestFieldListsFollowTheAPIVersion(t *testing.T) {
	const newLimit, oldLimit = "whatsapp_business_manager_messaging_limit", "messaging_limit_tier"
	for v, modern := range map[string]bool{"v19.0": false, "v22.0": false, "v23.0": false, "v24.0": true, "v25.0": true, "v26.0": true, "v27.0": true} {
		t.Run(v, func(t *testing.T) {
			waba, phones := businessAccountFieldsFor(v), phoneNumberFieldsFor(v)
			if got := slices.Contains(waba, newLimit); got != modern {
				t.Errorf("WABA fields contain %s: %v, want %v", newLimit, got, modern)
			}
			if slices.Contains(waba, oldLimit) {
				t.Errorf("WABA fields contain %s, which the node never had", oldLimit)
			}
			if got := slices.Contains(phones, newLimit); got != modern {
				t.Errorf("phone fields contain %s: %v, want %v", newLimit, got, modern)
			}
			if got := slices.Contains(phones, oldLimit); got == modern {
				t.Errorf("phone fields contain %s: %v, want %v", oldLimit, got, !modern)
			}
			for _, want := range []string{"on_behalf_of_business_info{id,name,status,type}", "owner_business_info{id,name}"} {
				if !slices.Contains(waba, want) {
					t.Errorf("WABA fields lack %s: %v", want, waba)
				}
			}
			for _, bare := range []string{"on_behalf_of_business_info", "owner_business_info"} {
				if slices.Contains(waba, bare) {
					t.Errorf("WABA fields ask for %s bare, which leaves out its id", bare)
				}
			}
		})
	}
	if !slices.Equal(BusinessAccountFields, businessAccountFieldsFor(DefaultAPIVersion)) {
		t.Errorf("BusinessAccountFields is not the list for %s", DefaultAPIVersion)
	}
	if !slices.Equal(PhoneNumberFields, phoneNumberFieldsFor(DefaultAPIVersion)) {
		t.Errorf("PhoneNumberFields is not the list for %s", DefaultAPIVersion)
	}
}

// strictGraph answers like Graph does for the WABA node and its
// phone_numbers edge: a field the path's version lacks fails the whole
// request, and business-info objects asked bare come with Graph's default
// sub-fields only, without the id.
func strictGraph(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		version, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		modern := apiVersionAtLeast(version, 24, 0)
		phones := strings.HasSuffix(r.URL.Path, "/phone_numbers")
		nodeType := "WhatsAppBusinessAccount"
		if phones {
			nodeType = "WhatsAppBusinessPhoneNumber"
		}
		item := map[string]any{"id": testWABA}
		for _, f := range topLevelFields(r.URL.Query().Get("fields")) {
			name, sub, expanded := strings.Cut(strings.TrimSuffix(f, "}"), "{")
			exists := true
			switch name {
			case "whatsapp_business_manager_messaging_limit":
				exists = modern
				item[name] = "TIER_2K"
			case "messaging_limit_tier":
				exists = phones && !modern
				item[name] = "TIER_1K"
			case "on_behalf_of_business_info", "owner_business_info":
				full := map[string]any{"id": "500600700800900", "name": "Partner Co", "status": "APPROVED", "type": "SELF"}
				if name == "owner_business_info" {
					full = map[string]any{"id": "111222333", "name": "Owner Inc"}
				}
				keep := []string{"name", "status", "type"} // Graph's defaults: no id
				if expanded {
					keep = strings.Split(sub, ",")
				}
				obj := map[string]any{}
				for _, k := range keep {
					v, ok := full[k]
					if !ok {
						writeJSON(w, 400, graphErr(100, 0, fmt.Sprintf("(#100) Tried accessing nonexisting field (%s) on node type (%s)", k, name), false))
						return
					}
					obj[k] = v
				}
				item[name] = obj
			}
			if !exists {
				writeJSON(w, 400, graphErr(100, 0, fmt.Sprintf("(#100) Tried accessing nonexisting field (%s) on node type (%s)", name, nodeType), false))
				return
			}
		}
		if phones {
			item["id"] = ExamplePhoneNumberID
			body, err := json.Marshal(map[string]any{"data": []any{item}})
			if err != nil {
				t.Error(err)
			}
			writeJSON(w, 200, string(body))
			return
		}
		body, err := json.Marshal(item)
		if err != nil {
			t.Error(err)
		}
		writeJSON(w, 200, string(body))
	}
}

func TestReadsAskOnlyForFieldsTheVersionHas(t *testing.T) {
	for _, tc := range []struct {
		version               string
		wabaLimit, phoneLimit string // "" for nil
	}{
		{"v22.0", "", "TIER_1K"},
		{"v23.0", "", "TIER_1K"},
		{"v24.0", "TIER_2K", "TIER_2K"},
		{"v25.0", "TIER_2K", "TIER_2K"},
		{DefaultAPIVersion, "TIER_2K", "TIER_2K"},
	} {
		t.Run(tc.version, func(t *testing.T) {
			f := newFakeGraph(t, strictGraph(t))
			c := newTestClient(t, f.URL(), func(c *Config) { c.APIVersion = tc.version })
			ctx := context.Background()
			ba, err := c.GetBusinessAccount(ctx, testWABA)
			if err != nil {
				t.Fatalf("GetBusinessAccount: %v", err)
			}
			if got := deref(ba.MessagingLimit); got != tc.wabaLimit {
				t.Errorf("WABA MessagingLimit = %q, want %q", got, tc.wabaLimit)
			}
			if b := ba.OnBehalfOfBusinessInfo; b == nil || *b != (BusinessInfo{ID: "500600700800900", Name: "Partner Co", Status: "APPROVED", Type: "SELF"}) {
				t.Errorf("on_behalf_of_business_info = %+v, want it with its id, status and type", b)
			}
			if b := ba.OwnerBusinessInfo; b == nil || *b != (BusinessInfo{ID: "111222333", Name: "Owner Inc"}) {
				t.Errorf("owner_business_info = %+v, want it with its id", b)
			}
			phones, err := c.ListPhoneNumbers(ctx, testWABA, PhoneNumberFilter{})
			if err != nil {
				t.Fatalf("ListPhoneNumbers: %v", err)
			}
			if len(phones) != 1 || deref(phones[0].MessagingLimit) != tc.phoneLimit {
				t.Errorf("phones = %+v, want one with MessagingLimit %q", phones, tc.phoneLimit)
			}
			for _, r := range f.requests() {
				want := businessAccountFieldsFor(tc.version)
				if strings.HasSuffix(r.Path, "/phone_numbers") {
					want = phoneNumberFieldsFor(tc.version)
				}
				if got := r.Query.Get("fields"); got != strings.Join(want, ",") {
					t.Errorf("%s fields = %q, want %q", r.Path, got, strings.Join(want, ","))
				}
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
