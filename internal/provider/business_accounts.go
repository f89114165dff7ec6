package provider

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// Values of whatsapp_business_accounts' ownership: which of the business's
// two WABA edges it reads.
const (
	ownershipOwned  = "owned"
	ownershipClient = "client"
	ownershipAll    = "all"
)

var ownershipValues = []string{ownershipOwned, ownershipClient, ownershipAll}

// businessAccount is one WABA of a business, from either edge.
type businessAccount struct {
	id, name, timezoneID, messageTemplateNamespace string
	ownership                                      string // ownershipOwned or ownershipClient
	permittedTasks                                 []string
}

// readBusinessAccounts reads the edges ownership asks for, each through the
// client's shared per-run read, and returns their accounts sorted by ID. It
// reports whether every read succeeded.
func readBusinessAccounts(ctx context.Context, client *graph.Client, business, ownership string, diags *diag.Diagnostics) ([]businessAccount, bool) {
	var accounts []businessAccount
	if ownership != ownershipClient {
		owned, err := client.ListOwnedWABAs(ctx, business)
		if reportGraphCall(diags, client, "list the WhatsApp Business Accounts business "+business+" owns",
			err, missingOrHiddenAdvice(err, "business "+business, false)) {
			return nil, false
		}
		for _, w := range owned {
			accounts = append(accounts, businessAccount{id: w.ID, name: w.Name, timezoneID: w.TimezoneID,
				messageTemplateNamespace: w.MessageTemplateNamespace, ownership: ownershipOwned})
		}
	}
	if ownership != ownershipOwned {
		shared, err := client.ListClientWABAs(ctx, business)
		if reportGraphCall(diags, client, "list the client WhatsApp Business Accounts of business "+business,
			err, missingOrHiddenAdvice(err, "business "+business, false)) {
			return nil, false
		}
		owned := make(map[string]bool, len(accounts))
		for _, a := range accounts {
			owned[a.id] = true
		}
		for _, w := range shared {
			// Graph is not known to list an account on both edges; if it
			// did, the owned entry is kept, so that IDs stay unique for
			// for_each.
			if owned[w.ID] {
				continue
			}
			accounts = append(accounts, businessAccount{id: w.ID, name: w.Name, timezoneID: w.TimezoneID,
				messageTemplateNamespace: w.MessageTemplateNamespace, ownership: ownershipClient,
				permittedTasks: slices.Compact(slices.Sorted(slices.Values(w.PermittedTasks)))})
		}
	}
	slices.SortStableFunc(accounts, func(a, b businessAccount) int { return compareIDs(a.id, b.id) })
	return accounts, true
}

// compareIDs orders Graph IDs by number, so that the order does not jump
// when a shorter ID appears: digit strings without leading zeros compare by
// length first.
func compareIDs(a, b string) int {
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
