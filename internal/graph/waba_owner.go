package graph

import (
	"context"
	"errors"
	"net/url"
)

// ownerBusinessField asks for the owner's id by name: asked bare,
// owner_business_info comes with Graph's default sub-fields, which leave the
// id out.
const ownerBusinessField = "owner_business_info{id}"

// ownerNode is the body of GET /{waba-id}?fields=owner_business_info{id}.
type ownerNode struct {
	ID    flexString `json:"id"`
	Owner *struct {
		ID flexString `json:"id"`
	} `json:"owner_business_info"`
}

func (n *ownerNode) checkResponse() error {
	if n.ID == "" {
		return errors.New(`the response has no "id", so it is not a WhatsApp Business Account`)
	}
	if n.Owner == nil || n.Owner.ID == "" {
		return errors.New("the WhatsApp Business Account's owner_business_info has no id")
	}
	return nil
}

// WABAOwnerBusinessID returns the ID of the business (portfolio) that owns
// the WABA, which Graph requires as business= to list the WABA's assigned
// users. One request per WABA for the life of the client: an account's
// owner does not change during a Terraform command.
func (c *Client) WABAOwnerBusinessID(ctx context.Context, wabaID string) (string, error) {
	scope := nodeScope(wabaID)
	return c.reads.owners.get(ctx, scope, scope+"|"+ownerBusinessField, func(ctx context.Context) (string, error) {
		var node ownerNode
		if err := c.do(ctx, "GET", "/"+pathSegment(wabaID), url.Values{"fields": {ownerBusinessField}}, nil, &node); err != nil {
			return "", err
		}
		return string(node.Owner.ID), nil
	})
}
