package graph

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// OwnedWABA is a WhatsApp Business Account a business (portfolio) owns, as
// GET /{business-id}/owned_whatsapp_business_accounts lists it. Fields Graph
// did not return are empty.
type OwnedWABA struct {
	ID   string
	Name string
	// TimezoneID is Graph's numeric time zone ID, e.g. "1".
	TimezoneID               string
	MessageTemplateNamespace string
}

// clone is a plain copy: an OwnedWABA holds no pointers or slices.
func (w OwnedWABA) clone() OwnedWABA { return w }

// businessWABAJSON is one item of either of a business's WABA edges
// (owned_whatsapp_business_accounts, client_whatsapp_business_accounts).
type businessWABAJSON struct {
	ID   flexString `json:"id"`
	Name string     `json:"name"`
	// Meta's reference and real answers give a numeric string ("1"); a bare
	// number is accepted too, as Graph quotes numbers unevenly.
	TimezoneID               flexString `json:"timezone_id"`
	MessageTemplateNamespace string     `json:"message_template_namespace"`
	// Only on the client edge (Meta's reference for
	// client_whatsapp_business_accounts).
	PermittedTasks []string `json:"permitted_tasks"`
}

func (j businessWABAJSON) owned() OwnedWABA {
	return OwnedWABA{ID: string(j.ID), Name: j.Name, TimezoneID: string(j.TimezoneID), MessageTemplateNamespace: j.MessageTemplateNamespace}
}

func (j businessWABAJSON) client() ClientWABA {
	return ClientWABA{ID: string(j.ID), Name: j.Name, TimezoneID: string(j.TimezoneID), MessageTemplateNamespace: j.MessageTemplateNamespace,
		PermittedTasks: j.PermittedTasks}
}

// decodeOwnedWABA reads one item of the owned_whatsapp_business_accounts edge.
func decodeOwnedWABA(raw []byte) (OwnedWABA, error) {
	var j businessWABAJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return OwnedWABA{}, err
	}
	return j.owned(), nil
}

// ownedWABAs is the business's owned_whatsapp_business_accounts edge.
func (c *Client) ownedWABAs(businessID string) edge[OwnedWABA] {
	return edge[OwnedWABA]{via: c, cache: &c.reads.ownedWABAs, name: "owned_whatsapp_business_accounts", object: businessID,
		path: edgePath(businessID, "owned_whatsapp_business_accounts"), decode: decodeOwnedWABA}
}

// ownedWABAFields is the one field list the edge is read with, whoever
// asks: a listing that needs only id and name and one that shows every
// field share one cached read per run, for the price of two short strings
// per account. Graph's default fields differ between Meta's reference and
// its OpenAPI description, so they are always named.
var ownedWABAFields = []string{"id", "name", "timezone_id", "message_template_namespace"}

var ownedWABAsQuery = fieldsQuery(ownedWABAFields)

// fieldsQuery asks an edge for exactly these fields; the list is also the
// read's cache key.
func fieldsQuery(fields []string) edgeQuery {
	list := strings.Join(fields, ",")
	return edgeQuery{params: url.Values{"fields": {list}}, id: list}
}

// ListOwnedWABAs lists the WABAs the business owns, following every page.
// Graph needs business_management on the token. Reads of the same business in
// one run share one paged fetch.
func (c *Client) ListOwnedWABAs(ctx context.Context, businessID string) ([]OwnedWABA, error) {
	return c.ownedWABAs(businessID).list(ctx, ownedWABAsQuery)
}
