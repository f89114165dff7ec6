package graph

import (
	"context"
	"encoding/json"
	"slices"
)

// ClientWABA is a WhatsApp Business Account a client business shared with
// this business, as GET /{business-id}/client_whatsapp_business_accounts
// lists it: a solution partner's view of its customers' accounts. It has
// an OwnedWABA's fields and the tasks the client permitted.
type ClientWABA struct {
	ID                       string
	Name                     string
	TimezoneID               string
	MessageTemplateNamespace string
	// PermittedTasks are the tasks the client gave this business on the
	// account, e.g. MANAGE or DEVELOP, in Graph's order.
	PermittedTasks []string
}

// clone copies PermittedTasks, so that a caller changing a returned account
// cannot change the cached list.
func (w ClientWABA) clone() ClientWABA {
	w.PermittedTasks = slices.Clone(w.PermittedTasks)
	return w
}

// decodeClientWABA reads one item of the client_whatsapp_business_accounts
// edge.
func decodeClientWABA(raw []byte) (ClientWABA, error) {
	var j businessWABAJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return ClientWABA{}, err
	}
	return j.client(), nil
}

// clientWABAs is the business's client_whatsapp_business_accounts edge.
func (c *Client) clientWABAs(businessID string) edge[ClientWABA] {
	return edge[ClientWABA]{via: c, cache: &c.reads.clientWABAs, name: "client_whatsapp_business_accounts", object: businessID,
		path: edgePath(businessID, "client_whatsapp_business_accounts"), decode: decodeClientWABA}
}

// clientWABAsQuery asks for the owned edge's fields and permitted_tasks,
// which only the client edge has.
var clientWABAsQuery = fieldsQuery(append(slices.Clone(ownedWABAFields), "permitted_tasks"))

// ListClientWABAs lists the WABAs client businesses shared with the
// business, following every page. Graph needs business_management on the
// token. Reads of the same business in one run share one paged fetch.
func (c *Client) ListClientWABAs(ctx context.Context, businessID string) ([]ClientWABA, error) {
	return c.clientWABAs(businessID).list(ctx, clientWABAsQuery)
}
