package simulator

import (
	"net/http"
	"slices"
)

var assignedUserFields = setOf("id", "name", "tasks", "user_type", "business")

// serveAssignedUsers handles /{waba-id}/assigned_users.
func (s *Server) serveAssignedUsers(c *call, w *WABA) response {
	switch c.method {
	case http.MethodGet:
		return s.listAssignedUsers(c, w)
	case http.MethodPost:
		return s.assignUser(c, w)
	case http.MethodDelete:
		user := c.params.Get("user")
		if user == "" {
			return errorResponse(errParam("The parameter user is required"))
		}
		w.Assignments = slices.DeleteFunc(w.Assignments, func(a Assignment) bool { return a.UserID == user })
		return jsonResponse(s.successBody())
	}
	return errorResponse(errUnknownObject(c.method, w.ID))
}

// listAssignedUsers needs the owning business, as Graph does.
func (s *Server) listAssignedUsers(c *call, w *WABA) response {
	business := c.params.Get("business")
	if business == "" {
		return errorResponse(errParam("The parameter business is required"))
	}
	if business != w.BusinessID {
		return errorResponse(errParam("Param business must be the business that owns this WhatsApp Business Account"))
	}
	fields := parseFields(c.params.Get("fields"))
	for _, f := range fields {
		if !assignedUserFields[f.name] {
			return errorResponse(errNonexistingField(f.name, "AssignedUser"))
		}
	}
	items := make([]any, 0, len(w.Assignments))
	for _, a := range w.Assignments {
		items = append(items, s.assignedUserItem(a, fields))
	}
	return s.listResponse(c, items, listOptions{})
}

func (s *Server) assignedUserItem(a Assignment, fields []fieldSpec) map[string]any {
	u := s.st.users[a.UserID]
	full := map[string]any{
		"id":        a.UserID,
		"name":      u.Name,
		"tasks":     append([]string{}, a.Tasks...),
		"user_type": u.UserType,
		"business":  map[string]string{"id": u.BusinessID},
	}
	return project(full, fields, []string{"name", "tasks"}, nil)
}

// assignUser adds a user or sets its tasks: replacing the task set by
// default, or adding to it when the seed asks for merge semantics, since
// Meta's behaviour here is undocumented.
func (s *Server) assignUser(c *call, w *WABA) response {
	user := c.params.Get("user")
	if user == "" {
		return errorResponse(errParam("The parameter user is required"))
	}
	tasks, gerr := parseTasks(c.params["tasks"])
	if gerr != nil {
		return errorResponse(gerr)
	}
	if u, ok := s.st.users[user]; !ok || u.BusinessID != w.BusinessID {
		return errorResponse(errParam("Param user must be a valid business or system user ID of the business that owns this WhatsApp Business Account"))
	}
	i := slices.IndexFunc(w.Assignments, func(a Assignment) bool { return a.UserID == user })
	switch {
	case i < 0:
		w.Assignments = append(w.Assignments, Assignment{UserID: user, Tasks: tasks})
	case s.cfg.tasksMerge:
		w.Assignments[i].Tasks = mergeTasks(w.Assignments[i].Tasks, tasks)
	default:
		w.Assignments[i].Tasks = tasks
	}
	return jsonResponse(s.successBody())
}
