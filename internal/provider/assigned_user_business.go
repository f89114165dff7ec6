package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// readBusinessID is the business Read lists the WABA's users with: the one
// in state, else the provider's. With neither, which happens after an import
// by <waba_id>/<user_id> (the id in state) with no business_id on the
// provider, it asks Graph which business owns the WABA: one request per WABA
// per run, however many assignments on it are imported. It reports whether
// a business was found.
func (r *assignedUserResource) readBusinessID(ctx context.Context, state types.String, waba, user string, diags *diag.Diagnostics) (string, bool) {
	if business := state.ValueString(); business != "" {
		return business, true
	}
	if r.data.businessID != "" {
		return r.data.businessID, true
	}
	owner, err := r.data.client.WABAOwnerBusinessID(ctx, waba)
	if reportGraphCall(diags, r.data.client, "find the business that owns WhatsApp Business Account "+waba, err, ownerLookupAdvice(err, waba, user)) {
		return "", false
	}
	return owner, true
}

// ownerLookupAdvice says why the owner was asked for and how to do without
// it: name the business in the import ID or on the provider.
func ownerLookupAdvice(err error, waba, user string) string {
	advice := "Graph lists the users of a WhatsApp Business Account only for the business that owns it. Neither this resource nor the provider " +
		"has a business_id, so the provider asked Graph which business owns WhatsApp Business Account " + waba + " (its owner_business_info), " +
		"and Graph did not say. "
	if graph.IsMissingOrHidden(err) {
		advice += "Graph gives this answer both when the account has been deleted and when the access token's system user cannot see it. "
	} else if hint := graph.Hint(err); hint != "" {
		advice += hint + " "
	}
	return advice + fmt.Sprintf("The import then needs business_id: import with <waba_id>/<business_id>/<user_id>, e.g. %q "+
		"with the ID of the business portfolio that lists the account under Accounts > WhatsApp accounts in Meta Business Settings, "+
		"or set business_id on the provider (or %s) and import again.", waba+"/<business_id>/"+user, EnvBusinessID)
}
