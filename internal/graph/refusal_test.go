package graph

import (
	"context"
	"strings"
	"testing"
)

// TestOKThatIsNotAnAnswer checks that a 200 which is not the answer asked for
// ({"success":false} on a list, a node or a write) fails with the HTTP status
// and fbtrace_id instead of reading as an empty list, an empty account or a
// done write, and that it is not retried: Graph answered.
func TestOKThatIsNotAnAnswer(t *testing.T) {
	ctx := context.Background()
	calls := map[string]func(*Client) error{
		"list":  func(c *Client) error { _, err := c.ListAssignedUsers(ctx, testWABA, testBiz); return err },
		"node":  func(c *Client) error { _, err := c.GetBusinessAccount(ctx, testWABA); return err },
		"write": func(c *Client) error { return c.AssignUser(ctx, testWABA, "1", []string{"MANAGE"}) },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			f := newFakeGraph(t, respond(200, map[string]string{"X-Fb-Trace-Id": "ATrace12345"}, `{"success":false}`))
			err := call(newTestClient(t, f.URL()))
			ge, ok := AsError(err)
			if !ok {
				t.Fatalf("err = %v, want a *graph.Error", err)
			}
			if ge.HTTPStatus != 200 || ge.FBTraceID != "ATrace12345" {
				t.Errorf("status %d, fbtrace_id %q; want 200 and ATrace12345", ge.HTTPStatus, ge.FBTraceID)
			}
			if !strings.Contains(err.Error(), "[fbtrace_id ATrace12345]") {
				t.Errorf("the message lacks the trace: %v", err)
			}
			if f.count() != 1 {
				t.Errorf("%d requests; a refusal must not be retried", f.count())
			}
		})
	}
}

// TestEmptyListIsStillAList keeps the check from refusing real empty pages.
func TestEmptyListIsStillAList(t *testing.T) {
	for _, body := range []string{`{"data":[]}`, `{"data":null}`} {
		f := newFakeGraph(t, respond(200, nil, body))
		users, err := newTestClient(t, f.URL()).ListAssignedUsers(context.Background(), testWABA, testBiz)
		if err != nil || len(users) != 0 {
			t.Errorf("%s: users %v, err %v; want none and no error", body, users, err)
		}
	}
}
