package graph

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestListAssignedUsersRequestAndDecoding(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[
			{"id":"1972555232742222","name":"My System User","tasks":["MANAGE","DEVELOP"]},
			{"id":12345678901234567,"name":" ","tasks":[]},
			{"id":"3","name":"no tasks"}],
			"paging":{"cursors":{"before":"B","after":"A"}}}`)
	})
	c := newTestClient(t, f.URL())
	users, err := c.ListAssignedUsers(context.Background(), testWABA, testBiz)
	if err != nil {
		t.Fatal(err)
	}
	want := []AssignedUser{
		{ID: ExampleUserID, Name: "My System User", Tasks: []string{"MANAGE", "DEVELOP"}},
		{ID: "12345678901234567", Name: " ", Tasks: []string{}},
		{ID: "3", Name: "no tasks"},
	}
	if !reflect.DeepEqual(users, want) {
		t.Errorf("users = %#v\nwant %#v", users, want)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1 (a page without next is the last)", len(reqs))
	}
	r := reqs[0]
	if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/assigned_users" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	if got := r.Query.Get("business"); got != testBiz {
		t.Errorf("business = %q, want %q", got, testBiz)
	}
	if got := r.Query.Get("fields"); got != "id,name,tasks" {
		t.Errorf("fields = %q", got)
	}
	if got := r.Query.Get("limit"); got != "100" {
		t.Errorf("limit = %q", got)
	}
}

func TestFindAssignedUser(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	u, err := c.FindAssignedUser(context.Background(), testWABA, testBiz, ExampleUserID)
	if err != nil {
		t.Fatal(err)
	}
	if u == nil || u.Name != "sys" || !reflect.DeepEqual(u.Tasks, []string{"MANAGE"}) {
		t.Fatalf("user = %+v", u)
	}
	u.Tasks[0] = "CHANGED"
	again, err := c.FindAssignedUser(context.Background(), testWABA, testBiz, ExampleUserID)
	if err != nil || again.Tasks[0] != "MANAGE" {
		t.Errorf("a change to a returned user reached the cache: %+v, %v", again, err)
	}
	missing, err := c.FindAssignedUser(context.Background(), testWABA, testBiz, "404")
	if err != nil || missing != nil {
		t.Errorf("missing user = %+v, %v; want nil, nil", missing, err)
	}
	if f.count() != 1 {
		t.Errorf("%d requests, want 1", f.count())
	}

	f2 := newFakeGraph(t, respond(403, nil, graphErr(200, 0, "Permissions error", false)))
	c2 := newTestClient(t, f2.URL())
	if _, err := c2.FindAssignedUser(context.Background(), testWABA, testBiz, "1"); !isPermission(err) {
		t.Errorf("err = %v, want a permission error", err)
	}
}

func TestAssignUserFormBody(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL(), withSecret)
	tasks := []string{"MANAGE", "DEVELOP"}
	if err := c.AssignUser(context.Background(), testWABA, ExampleUserID, tasks); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tasks, []string{"MANAGE", "DEVELOP"}) {
		t.Errorf("AssignUser reordered the caller's slice: %v", tasks)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.Method != "POST" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/assigned_users" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type = %q", ct)
	}
	form, err := url.ParseQuery(r.Body)
	if err != nil {
		t.Fatalf("body %q: %v", r.Body, err)
	}
	want := url.Values{"user": {ExampleUserID}, "tasks": {`["DEVELOP","MANAGE"]`}}
	if !reflect.DeepEqual(form, want) {
		t.Errorf("form = %v, want %v", form, want)
	}
	if r.Body != "tasks=%5B%22DEVELOP%22%2C%22MANAGE%22%5D&user="+ExampleUserID {
		t.Errorf("raw body = %q", r.Body)
	}
	for k := range r.Query {
		if k != "appsecret_proof" {
			t.Errorf("a form parameter went in the query: %s", k)
		}
	}
}

func TestAssignUserSingleAndEmptyTasks(t *testing.T) {
	for _, tc := range []struct {
		tasks []string
		want  string
	}{
		{[]string{"MANAGE"}, `["MANAGE"]`},
		{[]string{"VIEW_COST", "MANAGE_TEMPLATES", "DEVELOP"}, `["DEVELOP","MANAGE_TEMPLATES","VIEW_COST"]`},
		{[]string{}, `[]`},
	} {
		f := newFakeGraph(t, okGraph)
		c := newTestClient(t, f.URL())
		if err := c.AssignUser(context.Background(), testWABA, "7", tc.tasks); err != nil {
			t.Fatal(err)
		}
		form, _ := url.ParseQuery(f.requests()[0].Body)
		if got := form.Get("tasks"); got != tc.want {
			t.Errorf("tasks %v sent as %q, want %q", tc.tasks, got, tc.want)
		}
	}
}

func TestRemoveAssignedUserQuery(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL(), withSecret)
	if err := c.RemoveAssignedUser(context.Background(), testWABA, ExampleUserID); err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.Method != "DELETE" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/assigned_users" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	if got := r.Query.Get("user"); got != ExampleUserID {
		t.Errorf("user in query = %q", got)
	}
	if r.Body != "" {
		t.Errorf("DELETE carried a body: %q", r.Body)
	}
	if r.Query.Get("appsecret_proof") == "" {
		t.Error("appsecret_proof missing")
	}
}
