package graph

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"sort"
)

// AssignedUser is a business or system user with tasks on a WABA.
type AssignedUser struct {
	ID    string
	Name  string
	Tasks []string
}

type assignedUserJSON struct {
	ID    flexString `json:"id"`
	Name  string     `json:"name"`
	Tasks []string   `json:"tasks"`
}

func assignedUsersPath(wabaID string) string { return "/" + pathSegment(wabaID) + "/assigned_users" }

// ListAssignedUsers lists every user assigned to the WABA, following every
// page. Graph requires the ID of the business that owns the WABA. Reads of
// the same WABA and business in one run share one paged fetch until this
// client writes to the edge.
func (c *Client) ListAssignedUsers(ctx context.Context, wabaID, businessID string) ([]AssignedUser, error) {
	v, err := c.sharedAssignedUsers(ctx, wabaID, businessID)
	if err != nil {
		return nil, err
	}
	users := slices.Clone(v)
	for i := range users {
		users[i].Tasks = slices.Clone(users[i].Tasks)
	}
	return users, nil
}

// sharedAssignedUsers is the cached list itself: callers must not modify
// it, and copy what they hand on.
func (c *Client) sharedAssignedUsers(ctx context.Context, wabaID, businessID string) ([]AssignedUser, error) {
	scope, key := assignedUsersKeys(wabaID, businessID)
	return cachedAs[[]AssignedUser](c.cached(ctx, scope, key, c.fetchAssignedUsers(wabaID, businessID)))
}

// assignedUsersKeys are the cache scope (the edge of one WABA, which writes
// invalidate) and the key of one business's read of it.
func assignedUsersKeys(wabaID, businessID string) (scope, key string) {
	scope = "assigned_users|" + wabaID
	return scope, scope + "|" + businessID
}

func (c *Client) fetchAssignedUsers(wabaID, businessID string) func(context.Context) (any, error) {
	return func(ctx context.Context) (any, error) {
		var users []AssignedUser
		q := url.Values{"business": {businessID}, "fields": {"id,name,tasks"}}
		err := c.listAll(ctx, "assigned_users", assignedUsersPath(wabaID), q, func(raw json.RawMessage) error {
			var j assignedUserJSON
			if err := json.Unmarshal(raw, &j); err != nil {
				return err
			}
			users = append(users, AssignedUser{ID: string(j.ID), Name: j.Name, Tasks: j.Tasks})
			return nil
		})
		return users, err
	}
}

// FindAssignedUser returns the user's assignment on the WABA, or nil when the
// user is not assigned. It searches the cached list and copies only the
// match: a refresh of N assignments calls it N times, and copying the whole
// list each time made that quadratic.
func (c *Client) FindAssignedUser(ctx context.Context, wabaID, businessID, userID string) (*AssignedUser, error) {
	users, err := c.sharedAssignedUsers(ctx, wabaID, businessID)
	if err != nil {
		return nil, err
	}
	return findAssignedUser(users, userID), nil
}

// ExistingAssignedUser is the check before assigning a user: the user's
// assignment as the latest read of the edge in this run saw it (the edge is
// read when it has not been yet), or nil when the user was not assigned.
// However many assignments are created on the WABA in one run, they share one
// read (see knownOrFetch). Reads that must see this client's own writes use
// FindAssignedUser.
func (c *Client) ExistingAssignedUser(ctx context.Context, wabaID, businessID, userID string) (*AssignedUser, error) {
	scope, key := assignedUsersKeys(wabaID, businessID)
	users, err := cachedAs[[]AssignedUser](c.knownOrFetch(ctx, scope, key, c.fetchAssignedUsers(wabaID, businessID)))
	if err != nil {
		return nil, err
	}
	return findAssignedUser(users, userID), nil
}

// findAssignedUser copies the user's entry out of a shared list, or is nil.
func findAssignedUser(users []AssignedUser, userID string) *AssignedUser {
	for _, u := range users {
		if u.ID == userID {
			found := u
			found.Tasks = slices.Clone(u.Tasks)
			return &found
		}
	}
	return nil
}

// AssignUser gives the user the tasks on the WABA. tasks goes as a JSON array
// string in a form body, the encoding Meta's own SDK uses.
func (c *Client) AssignUser(ctx context.Context, wabaID, userID string, tasks []string) error {
	sorted := slices.Clone(tasks)
	sort.Strings(sorted)
	encoded, err := json.Marshal(sorted)
	if err != nil {
		return err
	}
	path := assignedUsersPath(wabaID)
	return c.writing("assigned_users|"+wabaID, func() error {
		var res writeResult
		if err := c.do(ctx, "POST", path, nil, formBody{"user": {userID}, "tasks": {string(encoded)}}, &res); err != nil {
			return err
		}
		return res.check("POST", path)
	})
}

// RemoveAssignedUser takes the user off the WABA. The user goes in the query
// string, as Graph reads DELETE parameters there.
func (c *Client) RemoveAssignedUser(ctx context.Context, wabaID, userID string) error {
	path := assignedUsersPath(wabaID)
	return c.writing("assigned_users|"+wabaID, func() error {
		var res writeResult
		if err := c.do(ctx, "DELETE", path, url.Values{"user": {userID}}, nil, &res); err != nil {
			return err
		}
		return res.check("DELETE", path)
	})
}
