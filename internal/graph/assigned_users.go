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

// clone copies Tasks, so that a caller changing a returned user cannot
// change the cached list.
func (u AssignedUser) clone() AssignedUser {
	u.Tasks = slices.Clone(u.Tasks)
	return u
}

type assignedUserJSON struct {
	ID    flexString `json:"id"`
	Name  string     `json:"name"`
	Tasks []string   `json:"tasks"`
}

// decodeAssignedUser reads one item of the assigned_users edge.
func decodeAssignedUser(raw []byte) (AssignedUser, error) {
	var j assignedUserJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return AssignedUser{}, err
	}
	return AssignedUser{ID: string(j.ID), Name: j.Name, Tasks: j.Tasks}, nil
}

// assignedUsers is the WABA's assigned_users edge.
func (c *Client) assignedUsers(wabaID string) edge[AssignedUser] {
	return edge[AssignedUser]{via: c, cache: &c.reads.assignedUsers, name: "assigned_users", object: wabaID,
		path: edgePath(wabaID, "assigned_users"), decode: decodeAssignedUser}
}

// assignedUsersQuery is how the edge is read: Graph requires the ID of the
// business that owns the WABA, and each business's read is its own.
func assignedUsersQuery(businessID string) edgeQuery {
	return edgeQuery{params: url.Values{"business": {businessID}, "fields": {"id,name,tasks"}}, id: businessID}
}

// isUser matches the user's entry.
func isUser(userID string) func(AssignedUser) bool {
	return func(u AssignedUser) bool { return u.ID == userID }
}

// ListAssignedUsers lists every user assigned to the WABA, following every
// page. Graph requires the ID of the business that owns the WABA. Reads of
// the same WABA and business in one run share one paged fetch until this
// client writes to the edge.
func (c *Client) ListAssignedUsers(ctx context.Context, wabaID, businessID string) ([]AssignedUser, error) {
	return c.assignedUsers(wabaID).list(ctx, assignedUsersQuery(businessID))
}

// FindAssignedUser returns the user's assignment on the WABA, or nil when the
// user is not assigned. It searches the cached list and copies only the
// match: a refresh of N assignments calls it N times, and copying the whole
// list each time made that quadratic.
func (c *Client) FindAssignedUser(ctx context.Context, wabaID, businessID, userID string) (*AssignedUser, error) {
	return c.assignedUsers(wabaID).find(ctx, assignedUsersQuery(businessID), isUser(userID))
}

// ExistingAssignedUser is the check before assigning a user: the user's
// assignment as the latest read of the edge in this run saw it (the edge is
// read when it has not been yet), or nil when the user was not assigned.
// However many assignments are created on the WABA in one run, they share one
// read (see readCache.lastKnown). Reads that must see this client's own
// writes use FindAssignedUser.
func (c *Client) ExistingAssignedUser(ctx context.Context, wabaID, businessID, userID string) (*AssignedUser, error) {
	return c.assignedUsers(wabaID).findLastKnown(ctx, assignedUsersQuery(businessID), isUser(userID))
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
	return c.assignedUsers(wabaID).write(ctx, edgeWrite{method: "POST", body: formBody{"user": {userID}, "tasks": {string(encoded)}}})
}

// RemoveAssignedUser takes the user off the WABA. The user goes in the query
// string, as Graph reads DELETE parameters there.
func (c *Client) RemoveAssignedUser(ctx context.Context, wabaID, userID string) error {
	return c.assignedUsers(wabaID).write(ctx, edgeWrite{method: "DELETE", query: url.Values{"user": {userID}}})
}
