package provider

import (
	"fmt"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// assignedUserImportID is a parsed whatsapp_assigned_user import ID. Business
// is empty when neither the ID nor the provider names one: Read then asks
// Graph which business owns the WABA.
type assignedUserImportID struct{ WABA, Business, User string }

const assignedUserImportFormats = "<waba_id>/<user_id> (the resource's id) or <waba_id>/<business_id>/<user_id>"

// parseAssignedUserImportID reads "<waba_id>/<user_id>", the id in state,
// taking the business from the provider when it has one, or
// "<waba_id>/<business_id>/<user_id>".
func parseAssignedUserImportID(id, defaultBusiness string) (assignedUserImportID, error) {
	parts := strings.Split(id, "/")
	for _, p := range parts {
		if !validators.IsNumericID(p) {
			return assignedUserImportID{}, fmt.Errorf("import ID %q must be %s, each part a numeric Graph ID, e.g. \"102290129340398/1972555232742222\"", id, assignedUserImportFormats)
		}
	}
	switch len(parts) {
	case 2:
		return assignedUserImportID{WABA: parts[0], Business: defaultBusiness, User: parts[1]}, nil
	case 3:
		return assignedUserImportID{WABA: parts[0], Business: parts[1], User: parts[2]}, nil
	}
	return assignedUserImportID{}, fmt.Errorf("import ID %q must be %s", id, assignedUserImportFormats)
}
