package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestWriteResultCheck(t *testing.T) {
	cases := []struct {
		body   string
		wantOK bool
	}{
		{`{"success":true}`, true},
		{`{"success":"true"}`, true},
		{`{"success":false}`, false},
		{`{"success":"false"}`, false},
		{`{"success":null}`, false},
		{`{}`, false},
	}
	for _, tc := range cases {
		t.Run(tc.body, func(t *testing.T) {
			var w writeResult
			if err := json.Unmarshal([]byte(tc.body), &w); err != nil {
				t.Fatal(err)
			}
			err := w.check("POST", "/1/subscribed_apps")
			if (err == nil) != tc.wantOK {
				t.Fatalf("check = %v, want ok=%v", err, tc.wantOK)
			}
			if err != nil {
				ge, ok := AsError(err)
				if !ok || ge.HTTPStatus != 200 || ge.Method != "POST" || ge.Path != "/1/subscribed_apps" || !strings.Contains(ge.Message, "success was not true") {
					t.Errorf("err = %#v", err)
				}
			}
		})
	}
}

func TestWritesRequireSuccess(t *testing.T) {
	writes := map[string]func(*Client) error{
		"SubscribeApp": func(c *Client) error { return c.SubscribeApp(context.Background(), testWABA, nil) },
		"SubscribeApp with override": func(c *Client) error {
			return c.SubscribeApp(context.Background(), testWABA, &CallbackOverride{URI: "https://h.example.com", VerifyToken: "vt-1234"})
		},
		"UnsubscribeApp":     func(c *Client) error { return c.UnsubscribeApp(context.Background(), testWABA) },
		"AssignUser":         func(c *Client) error { return c.AssignUser(context.Background(), testWABA, "42", []string{"MANAGE"}) },
		"RemoveAssignedUser": func(c *Client) error { return c.RemoveAssignedUser(context.Background(), testWABA, "42") },
	}
	bodies := []struct {
		body   string
		wantOK bool
	}{
		{`{"success":true}`, true},
		{`{"success":"true"}`, true},
		{`{"success":true,"data":[{"override_callback_uri":"https://h.example.com"}]}`, true},
		{`{"success":false}`, false},
		{`{"success":"false"}`, false},
		{`{}`, false},
		{`{"id":"1"}`, false},
		{`{"success":"maybe"}`, false},
	}
	for name, write := range writes {
		for _, b := range bodies {
			t.Run(name+" "+b.body, func(t *testing.T) {
				f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, b.body) })
				c := newTestClient(t, f.URL())
				err := write(c)
				if b.wantOK && err != nil {
					t.Fatalf("err = %v", err)
				}
				if !b.wantOK {
					ge, ok := AsError(err)
					if !ok || ge.HTTPStatus != 200 {
						t.Fatalf("err = %v, want a *Error for the unconfirmed write", err)
					}
				}
				if f.count() != 1 {
					t.Errorf("%d requests, want 1", f.count())
				}
			})
		}
	}
}
