package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeAutomationItem(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       *ConversationalAutomation
	}{
		{"full", `{"id":"1","conversational_automation":{"enable_welcome_message":true,"prompts":["Hi"],"commands":[{"command_name":"help","command_description":"Get help"}],"id":"9"}}`,
			&ConversationalAutomation{EnableWelcomeMessage: true, Prompts: []string{"Hi"}, Commands: []AutomationCommand{{Name: "help", Description: "Get help"}}}},
		{"flag as string", `{"id":"1","conversational_automation":{"enable_welcome_message":"false"}}`, &ConversationalAutomation{}},
		{"empty", `{"id":"1","conversational_automation":{}}`, &ConversationalAutomation{}},
		{"not returned", `{"id":"1"}`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			item, err := decodeAutomationItem([]byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(item.Automation, tc.want) {
				t.Errorf("Automation = %+v, want %+v", item.Automation, tc.want)
			}
		})
	}
}

// automationGraph serves the WABA's two numbers with their automation (on
// the edge when onEdge), a number's node, and the automation POST.
type automationGraph struct {
	onEdge bool
	posts  []string
}

func (g *automationGraph) serve(w http.ResponseWriter, r *http.Request) {
	item := func(id string) map[string]any {
		return map[string]any{"id": id, "conversational_automation": map[string]any{"enable_welcome_message": id == testPhone}}
	}
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/phone_numbers"):
		items := []any{}
		for _, id := range []string{testPhone, testPhone2} {
			if g.onEdge {
				items = append(items, item(id))
			} else {
				items = append(items, map[string]any{"id": id})
			}
		}
		body, _ := json.Marshal(map[string]any{"data": items})
		writeJSON(w, 200, string(body))
	case r.Method == http.MethodGet:
		body, _ := json.Marshal(item(strings.TrimPrefix(r.URL.Path, "/"+DefaultAPIVersion+"/")))
		writeJSON(w, 200, string(body))
	default:
		var b map[string]json.RawMessage
		_ = json.NewDecoder(r.Body).Decode(&b)
		g.posts = append(g.posts, r.URL.Path+" "+string(b["enable_welcome_message"])+" "+string(b["prompts"])+" "+string(b["commands"]))
		writeJSON(w, 200, `{"success":true}`)
	}
}

func TestFindConversationalAutomationReadsEveryNumberOnce(t *testing.T) {
	f := newFakeGraph(t, (&automationGraph{onEdge: true}).serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	for range 2 {
		for _, id := range []string{testPhone, testPhone2} {
			a, err := c.FindConversationalAutomation(ctx, testWABA, id)
			if err != nil || a == nil || a.EnableWelcomeMessage != (id == testPhone) {
				t.Fatalf("%s: %+v, %v", id, a, err)
			}
		}
	}
	if missing, err := c.FindConversationalAutomation(ctx, testWABA, "999"); err != nil || missing != nil {
		t.Errorf("a number the WABA does not list = %+v, %v; want nil", missing, err)
	}
	reqs := f.requests()
	if len(reqs) != 1 || reqs[0].Query.Get("fields") != "id,conversational_automation" {
		t.Fatalf("requests = %+v, want one read with fields=id,conversational_automation", reqs)
	}
}

func TestConversationalAutomationNodeFallback(t *testing.T) {
	f := newFakeGraph(t, (&automationGraph{}).serve)
	c := newTestClient(t, f.URL())
	a, err := c.FindConversationalAutomation(context.Background(), testWABA, testPhone)
	if err != nil || a == nil || !a.EnableWelcomeMessage {
		t.Fatalf("automation = %+v, %v", a, err)
	}
	if n := f.countMatching("GET", "/"+testPhone); n != 1 {
		t.Errorf("%d reads of the number's node, want 1", n)
	}
}

// TestSetConversationalAutomationSendsEveryField: Graph keeps what a POST
// leaves out, so every write carries all three fields, empty lists as [].
func TestSetConversationalAutomationSendsEveryField(t *testing.T) {
	g := &automationGraph{onEdge: true}
	f := newFakeGraph(t, g.serve)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	if err := c.SetConversationalAutomation(ctx, testWABA, testPhone, ConversationalAutomation{Prompts: []string{"Hi"}}); err != nil {
		t.Fatal(err)
	}
	if err := c.ClearConversationalAutomation(ctx, testWABA, testPhone); err != nil {
		t.Fatal(err)
	}
	path := "/" + DefaultAPIVersion + "/" + testPhone + "/conversational_automation"
	want := []string{path + ` false ["Hi"] []`, path + " false [] []"}
	if !reflect.DeepEqual(g.posts, want) {
		t.Errorf("posts = %q\nwant %q", g.posts, want)
	}
}
