package simulator

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

func assign(t *testing.T, s *Server, user, tasks string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: usersPath, token: tokenOK,
		form: url.Values{"user": {user}, "tasks": {tasks}}})
}

// assignedTasks returns every assignment, walking all pages.
func assignedTasks(t *testing.T, s *Server) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, item := range dataOf(t, get(t, s, usersListPath+"&limit=100")) {
		var tasks []string
		for _, task := range item["tasks"].([]any) {
			tasks = append(tasks, task.(string))
		}
		out[item["id"].(string)] = tasks
	}
	return out
}

func TestAssignedUsersBusinessParam(t *testing.T) {
	s := newTestServer(t)
	wantError(t, get(t, s, usersPath), 400, 100, 0, "(#100) The parameter business is required")
	wantError(t, get(t, s, usersPath+"?business=123"), 400, 100, 0,
		"(#100) Param business must be the business that owns this WhatsApp Business Account")

	res := get(t, s, usersListPath)
	wantStatus(t, res, http.StatusOK)
	items := dataOf(t, res)
	if len(items) != 1 || items[0]["id"] != fixtureSystemUser || items[0]["name"] != "ci-deployer" {
		t.Fatalf("unexpected initial assignments %v", items)
	}
	if tasks := items[0]["tasks"].([]any); len(tasks) != 1 || tasks[0] != "MANAGE" {
		t.Fatalf("tasks = %v, want [MANAGE]", tasks)
	}
}

func TestAssignedUsersPagingAcrossPages(t *testing.T) {
	s := newTestServer(t)
	var want []string
	want = append(want, fixtureSystemUser)
	for i := range 7 {
		id := fmt.Sprint(benchUserFirstID + i)
		wantSuccess(t, assign(t, s, id, `["DEVELOP"]`))
		want = append(want, id)
	}

	var got []string
	pages := 0
	target := usersListPath + "&limit=3&summary=total_count"
	for {
		res := get(t, s, target)
		wantStatus(t, res, http.StatusOK)
		pages++
		items := dataOf(t, res)
		if len(items) > 3 {
			t.Fatalf("page %d has %d items, limit is 3", pages, len(items))
		}
		for _, it := range items {
			got = append(got, it["id"].(string))
		}
		if total := res.body["summary"].(map[string]any)["total_count"]; total != float64(8) {
			t.Fatalf("total_count = %v, want 8", total)
		}
		paging := res.body["paging"].(map[string]any)
		cursors := paging["cursors"].(map[string]any)
		next, ok := paging["next"].(string)
		if !ok {
			break
		}
		u, err := url.Parse(next)
		if err != nil || !u.IsAbs() {
			t.Fatalf("next %q is not an absolute URL", next)
		}
		q := u.Query()
		if q.Get("access_token") != tokenOK || q.Get("limit") != "3" || q.Get("after") != cursors["after"] || q.Get("business") != fixtureBusiness {
			t.Fatalf("next %q must embed access_token, limit, business and the after cursor", next)
		}
		target = usersListPath + "&limit=3&summary=total_count&after=" + url.QueryEscape(q.Get("after"))
		if pages > 10 {
			t.Fatal("paging does not end")
		}
	}
	if pages != 3 {
		t.Errorf("walked %d pages, want 3", pages)
	}
	if !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v (new users go at the end)", got, want)
	}
}

func TestAssignedUsersBeforeCursor(t *testing.T) {
	s := newTestServer(t)
	for i := range 4 {
		wantSuccess(t, assign(t, s, fmt.Sprint(benchUserFirstID+i), "MANAGE"))
	}
	second := get(t, s, usersListPath+"&limit=2&after="+encodeCursor(1))
	items := dataOf(t, second)
	if len(items) != 2 || items[0]["id"] != fmt.Sprint(benchUserFirstID+1) {
		t.Fatalf("second page = %v", items)
	}
	prevURL, ok := second.body["paging"].(map[string]any)["previous"].(string)
	if !ok {
		t.Fatal("a later page must link to the previous one")
	}
	u, _ := url.Parse(prevURL)
	first := get(t, s, usersListPath+"&limit=2&before="+url.QueryEscape(u.Query().Get("before")))
	ids := []string{}
	for _, it := range dataOf(t, first) {
		ids = append(ids, it["id"].(string))
	}
	if !slices.Equal(ids, []string{fixtureSystemUser, fmt.Sprint(benchUserFirstID)}) {
		t.Fatalf("before page = %v", ids)
	}
}

func TestAssignedUsersLimits(t *testing.T) {
	for _, c := range []string{"!!!", "bm90LWEtbnVtYmVy", "LTE"} {
		s := newTestServer(t)
		wantError(t, get(t, s, usersListPath+"&after="+url.QueryEscape(c)), 400, 100, 0, "(#100) The after cursor is not valid")
	}
	s := newTestServer(t, func(seed *Seed) { seed.PageSize = 2; seed.MaxPageSize = 3 })
	for i := range 5 {
		wantSuccess(t, assign(t, s, fmt.Sprint(benchUserFirstID+i), "MANAGE"))
	}
	if n := len(dataOf(t, get(t, s, usersListPath))); n != 2 {
		t.Errorf("default page has %d items, want PageSize 2", n)
	}
	if n := len(dataOf(t, get(t, s, usersListPath+"&limit=50"))); n != 3 {
		t.Errorf("capped page has %d items, want MaxPageSize 3", n)
	}
	wantError(t, get(t, s, usersListPath+"&limit=0"), 400, 100, 0, "")

	strict := newTestServer(t, func(seed *Seed) { seed.StrictLimit = true })
	wantError(t, get(t, strict, usersListPath+"&limit=101"), 400, 100, 0, "(#100) The parameter limit must be at most 100")
	wantStatus(t, get(t, strict, usersListPath+"&limit=100"), http.StatusOK)
}

func TestAssignedUsersFields(t *testing.T) {
	s := newTestServer(t)
	items := dataOf(t, get(t, s, usersListPath+"&fields=id,user_type"))
	if items[0]["user_type"] != "SYSTEM_USER" || items[0]["tasks"] != nil {
		t.Fatalf("fields not applied: %v", items[0])
	}
	wantError(t, get(t, s, usersListPath+"&fields=bogus"), 400, 100, 0, "")
}

func TestAssignTasksValidation(t *testing.T) {
	all := "{MANAGE, DEVELOP, MANAGE_TEMPLATES, MANAGE_PHONE, VIEW_COST, MANAGE_EXTENSIONS, VIEW_PHONE_ASSETS, MANAGE_PHONE_ASSETS, VIEW_TEMPLATES, MESSAGING, VIEW_INSIGHTS, MANAGE_USERS, MANAGE_BILLING}"
	tests := []struct {
		name    string
		user    string
		tasks   string
		want    []string
		message string
	}{
		{name: "json array", tasks: `["MANAGE","DEVELOP"]`, want: []string{"MANAGE", "DEVELOP"}},
		{name: "single quotes", tasks: `['MANAGE_TEMPLATES']`, want: []string{"MANAGE_TEMPLATES"}},
		{name: "comma list", tasks: "VIEW_COST, MESSAGING", want: []string{"VIEW_COST", "MESSAGING"}},
		{name: "duplicates dropped", tasks: `["DEVELOP","DEVELOP"]`, want: []string{"DEVELOP"}},
		{name: "unknown task", tasks: `["BOGUS"]`, message: "(#100) Param tasks[0] must be one of " + all},
		{name: "second task unknown", tasks: `["MANAGE","manage"]`, message: "(#100) Param tasks[1] must be one of " + all},
		{name: "empty array", tasks: `[]`, message: "(#100) The parameter tasks is required"},
		{name: "missing", tasks: "", message: "(#100) The parameter tasks is required"},
		{name: "unknown user", user: "999", tasks: `["MANAGE"]`,
			message: "(#100) Param user must be a valid business or system user ID of the business that owns this WhatsApp Business Account"},
		{name: "user of another business", user: "300000000000001", tasks: `["MANAGE"]`,
			message: "(#100) Param user must be a valid business or system user ID of the business that owns this WhatsApp Business Account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, func(seed *Seed) {
				seed.Businesses = append(seed.Businesses, Business{ID: "777", Name: "Other"})
				seed.Users = append(seed.Users, User{ID: "300000000000001", Name: "Outsider", UserType: "BUSINESS_USER", BusinessID: "777"})
			})
			user := tt.user
			if user == "" {
				user = "100000000000101"
			}
			res := assign(t, s, user, tt.tasks)
			if tt.message != "" {
				wantError(t, res, 400, 100, 0, tt.message)
				if _, ok := assignedTasks(t, s)[user]; ok {
					t.Fatal("a rejected POST must not assign the user")
				}
				return
			}
			wantSuccess(t, res)
			if got := assignedTasks(t, s)[user]; !slices.Equal(got, tt.want) {
				t.Fatalf("tasks = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAssignReplaceVersusMerge(t *testing.T) {
	tests := []struct {
		name  string
		merge bool
		want  []string
	}{
		{name: "replace", want: []string{"DEVELOP"}},
		{name: "merge", merge: true, want: []string{"MANAGE", "DEVELOP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, func(seed *Seed) { seed.TasksMerge = tt.merge })
			wantSuccess(t, assign(t, s, fixtureSystemUser, `["DEVELOP"]`))
			if got := assignedTasks(t, s)[fixtureSystemUser]; !slices.Equal(got, tt.want) {
				t.Fatalf("tasks = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAssignEncodings(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, target: usersPath, token: tokenOK,
		json: `{"user":"100000000000102","tasks":["MANAGE","VIEW_TEMPLATES"]}`}))
	wantSuccess(t, send(t, s, apiReq{method: http.MethodPost, token: tokenOK,
		target: usersPath + "?user=100000000000103&tasks=" + url.QueryEscape(`['DEVELOP']`)}))
	got := assignedTasks(t, s)
	if !slices.Equal(got["100000000000102"], []string{"MANAGE", "VIEW_TEMPLATES"}) || !slices.Equal(got["100000000000103"], []string{"DEVELOP"}) {
		t.Fatalf("assignments = %v", got)
	}
}

func TestUnassign(t *testing.T) {
	s := newTestServer(t)
	wantSuccess(t, assign(t, s, "100000000000101", "MANAGE"))
	wantSuccess(t, assign(t, s, "100000000000102", "MANAGE"))

	wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: usersPath + "?user=100000000000101", token: tokenOK}))
	wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: usersPath, token: tokenOK, form: url.Values{"user": {"100000000000102"}}}))
	got := assignedTasks(t, s)
	if _, ok := got["100000000000101"]; ok {
		t.Error("query DELETE did not remove the user")
	}
	if _, ok := got["100000000000102"]; ok {
		t.Error("form DELETE did not remove the user")
	}
	if _, ok := got[fixtureSystemUser]; !ok {
		t.Error("DELETE removed the wrong user")
	}
	wantSuccess(t, send(t, s, apiReq{method: http.MethodDelete, target: usersPath + "?user=100000000000101", token: tokenOK}))
	wantError(t, send(t, s, apiReq{method: http.MethodDelete, target: usersPath, token: tokenOK}), 400, 100, 0, "(#100) The parameter user is required")
}
