package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// TestDecodeProfileNumber reads every shape of the profile seen: the edge
// answer with the fields in the item (reference pages, public C# client
// code), the OpenAPI description's business_profile wrapper, the profile as
// a plain object (public TypeScript client code), a single website as a
// string, and the field missing.
func TestDecodeProfileNumber(t *testing.T) {
	full := &BusinessProfile{About: "Hi", Address: "1 Main St", Description: "Shop", Email: "a@b.example",
		Websites: []string{"https://a.example"}, Vertical: "RETAIL", ProfilePictureURL: "https://pps.example/p.jpg"}
	fields := `"about":"Hi","address":"1 Main St","description":"Shop","email":"a@b.example","websites":["https://a.example"],"vertical":"RETAIL","profile_picture_url":"https://pps.example/p.jpg"`
	for _, tc := range []struct {
		name, body string
		want       *BusinessProfile
	}{
		{"edge answer", `{"id":"1","whatsapp_business_profile":{"data":[{"messaging_product":"whatsapp",` + fields + `}]}}`, full},
		{"OpenAPI wrapper", `{"id":"1","whatsapp_business_profile":{"data":[{"business_profile":{"messaging_product":"whatsapp",` + fields + `}}]}}`, full},
		{"plain object", `{"id":"1","whatsapp_business_profile":{` + fields + `}}`, full},
		{"website as a string", `{"id":"1","whatsapp_business_profile":{"data":[{"websites":"https://a.example"}]}}`, &BusinessProfile{Websites: []string{"https://a.example"}}},
		{"empty data", `{"id":"1","whatsapp_business_profile":{"data":[]}}`, &BusinessProfile{}},
		{"not returned", `{"id":"1"}`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := decodeProfileNumber([]byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if n.ID != "1" || !reflect.DeepEqual(n.Profile, tc.want) {
				t.Errorf("decoded %+v, want profile %+v", n.Profile, tc.want)
			}
		})
	}
}

func TestBusinessProfileIsEmpty(t *testing.T) {
	for _, tc := range []struct {
		p    BusinessProfile
		want bool
	}{
		{BusinessProfile{}, true},
		{BusinessProfile{Vertical: "UNDEFINED"}, true},
		{BusinessProfile{Vertical: "RETAIL"}, false},
		{BusinessProfile{About: "Hi"}, false},
		{BusinessProfile{Websites: []string{"https://a.example"}}, false},
		{BusinessProfile{ProfilePictureURL: "https://pps.example/p.jpg"}, false},
	} {
		if got := tc.p.IsEmpty(); got != tc.want {
			t.Errorf("%+v.IsEmpty() = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// profileGraph serves two numbers' profiles on the WABA's phone_numbers
// edge (or only their IDs, when onEdge is false), a number's profile edge,
// and the profile POST.
type profileGraph struct {
	onEdge bool
	posts  []string
}

func (g *profileGraph) serve(w http.ResponseWriter, r *http.Request) {
	profile := func(id string) map[string]any {
		return map[string]any{"data": []any{map[string]any{"messaging_product": "whatsapp", "about": "about " + id}}}
	}
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/phone_numbers"):
		items := []any{}
		for _, id := range []string{testPhone, testPhone2} {
			item := map[string]any{"id": id}
			if g.onEdge {
				item["whatsapp_business_profile"] = profile(id)
			}
			items = append(items, item)
		}
		body, _ := json.Marshal(map[string]any{"data": items})
		writeJSON(w, 200, string(body))
	case r.Method == http.MethodGet:
		id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"+DefaultAPIVersion+"/"), "/whatsapp_business_profile")
		body, _ := json.Marshal(profile(id))
		writeJSON(w, 200, string(body))
	default:
		data, _ := json.Marshal(readJSONBody(r))
		g.posts = append(g.posts, r.URL.Path+" "+string(data))
		writeJSON(w, 200, `{"success":true}`)
	}
}

func readJSONBody(r *http.Request) map[string]any {
	var b map[string]any
	_ = json.NewDecoder(r.Body).Decode(&b)
	return b
}

func TestFindBusinessProfileReadsEveryNumberOnce(t *testing.T) {
	f := newFakeGraph(t, (&profileGraph{onEdge: true}).serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	for range 2 {
		for _, id := range []string{testPhone, testPhone2} {
			p, err := c.FindBusinessProfile(ctx, testWABA, id)
			if err != nil || p == nil || p.About != "about "+id {
				t.Fatalf("%s: %+v, %v", id, p, err)
			}
		}
	}
	if missing, err := c.FindBusinessProfile(ctx, testWABA, "999"); err != nil || missing != nil {
		t.Errorf("a number the WABA does not list = %+v, %v; want nil", missing, err)
	}
	reqs := f.requests()
	want := "id,whatsapp_business_profile{about,address,description,email,profile_picture_url,websites,vertical}"
	if len(reqs) != 1 || reqs[0].Query.Get("fields") != want {
		t.Fatalf("requests = %+v, want one read with fields=%s", reqs, want)
	}
}

func TestBusinessProfileEdgeFallback(t *testing.T) {
	f := newFakeGraph(t, (&profileGraph{}).serve)
	c := newTestClient(t, f.URL())
	p, err := c.FindBusinessProfile(context.Background(), testWABA, testPhone)
	if err != nil || p == nil || p.About != "about "+testPhone {
		t.Fatalf("profile = %+v, %v", p, err)
	}
	if n := f.countMatching("GET", "/"+testPhone+"/whatsapp_business_profile"); n != 1 {
		t.Errorf("%d reads of the number's profile edge, want 1", n)
	}
}

// TestUpdateBusinessProfileSendsOnlyTheChange: Graph keeps what a POST
// leaves out, so a write sends messaging_product and the changed fields
// only, an empty string or list where a field is cleared; and the next read
// of the WABA's numbers is a new one.
func TestUpdateBusinessProfileSendsOnlyTheChange(t *testing.T) {
	g := &profileGraph{onEdge: true}
	f := newFakeGraph(t, g.serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	if _, err := c.FindBusinessProfile(ctx, testWABA, testPhone); err != nil {
		t.Fatal(err)
	}
	about, cleared := "New", ""
	var noWebsites []string
	if err := c.UpdateBusinessProfile(ctx, testWABA, testPhone, BusinessProfileChange{About: &about, Address: &cleared, Websites: &noWebsites}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FindBusinessProfile(ctx, testWABA, testPhone); err != nil {
		t.Fatal(err)
	}
	path := "/" + DefaultAPIVersion + "/" + testPhone + "/whatsapp_business_profile"
	want := []string{path + ` {"about":"New","address":"","messaging_product":"whatsapp","websites":[]}`}
	if !reflect.DeepEqual(g.posts, want) {
		t.Errorf("posts = %q\nwant %q", g.posts, want)
	}
	if n := f.countMatching("GET", "/phone_numbers"); n != 2 {
		t.Errorf("%d reads of the WABA's numbers, want 2 (one before the write, one after)", n)
	}
}

func TestBusinessProfileChangeFields(t *testing.T) {
	v := "RETAIL"
	c := BusinessProfileChange{Vertical: &v, Websites: &[]string{}}
	if got := c.Fields(); !reflect.DeepEqual(got, []string{"websites", "vertical"}) {
		t.Errorf("Fields() = %q", got)
	}
	if c.IsEmpty() || !(BusinessProfileChange{}).IsEmpty() {
		t.Error("IsEmpty is wrong")
	}
}
