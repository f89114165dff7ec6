package graph

import (
	"context"
	"encoding/json"
	"net/url"
)

// OwnedWABA is a WhatsApp Business Account a business (portfolio) owns, as
// GET /{business-id}/owned_whatsapp_business_accounts lists it.
type OwnedWABA struct {
	ID   string
	Name string
}

// clone is a plain copy: an OwnedWABA holds no pointers or slices.
func (w OwnedWABA) clone() OwnedWABA { return w }

type ownedWABAJSON struct {
	ID   flexString `json:"id"`
	Name string     `json:"name"`
}

// decodeOwnedWABA reads one item of the owned_whatsapp_business_accounts edge.
func decodeOwnedWABA(raw []byte) (OwnedWABA, error) {
	var j ownedWABAJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return OwnedWABA{}, err
	}
	return OwnedWABA{ID: string(j.ID), Name: j.Name}, nil
}

// ownedWABAs is the business's owned_whatsapp_business_accounts edge.
func (c *Client) ownedWABAs(businessID string) edge[OwnedWABA] {
	return edge[OwnedWABA]{via: c, cache: &c.reads.ownedWABAs, name: "owned_whatsapp_business_accounts", object: businessID,
		path: edgePath(businessID, "owned_whatsapp_business_accounts"), decode: decodeOwnedWABA}
}

// ownedWABAsQuery asks only for what a listing shows: Graph's default
// fields for the edge are id and name too, but asking says so.
var ownedWABAsQuery = edgeQuery{params: url.Values{"fields": {"id,name"}}, id: "id,name"}

// ListOwnedWABAs lists the WABAs the business owns, following every page.
// Graph needs business_management on the token. Reads of the same business in
// one run share one paged fetch.
func (c *Client) ListOwnedWABAs(ctx context.Context, businessID string) ([]OwnedWABA, error) {
	return c.ownedWABAs(businessID).list(ctx, ownedWABAsQuery)
}
