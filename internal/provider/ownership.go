package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// The provider never takes over or lets go of an object it cannot be sure
// about. Create refuses an object that already exists, so that a destroy can
// never remove access or a webhook that Terraform did not give; a read that
// Graph answers ambiguously keeps the resource in state and fails.

// addAlreadyExistsError stops a create that found its object already in
// Graph, and says how to adopt it instead.
func addAlreadyExistsError(diags *diag.Diagnostics, typeName, what, importID string) {
	diags.AddError(typeName+" already exists",
		fmt.Sprintf("%s already exists, and Terraform did not create it. The provider does not take over existing objects: "+
			"destroying this resource later would remove what another configuration or a person set up.\n\n"+
			"To manage the existing object with this configuration, import it, then plan again; any difference shows as an update in place.\n\n"+
			"With an import block (Terraform 1.5 or later):\n\n"+
			"  import {\n    to = %s.<name>\n    id = %q\n  }\n\n"+
			"Or once, from the command line:\n\n"+
			"  terraform import %s.<name> %s\n\n"+
			"If it should not be managed here, remove the resource from the configuration.",
			what, typeName, importID, typeName, importID))
}

// missingOrHiddenAdvice explains Graph's "missing or not visible" answer
// (code 100, subcode 33) about an object the resource depends on. Graph gives
// it both for a deleted object and for one the token's system user can no
// longer see (seen for WABAs that were verified and visible in Business
// Manager, in public issue reports), so state is kept until a read tells the
// two apart. inState says whether the resource is in state already, in which
// case the user is told how to let go of it.
func missingOrHiddenAdvice(err error, object string, inState bool) string {
	if !graph.IsMissingOrHidden(err) {
		return ""
	}
	advice := fmt.Sprintf("Graph gives this answer both when %s has been deleted and when the access token's system user can no longer see it, "+
		"for example after it was unassigned from the system user. ", object)
	if inState {
		advice += "The provider cannot tell the two apart, so the resource stays in the Terraform state and nothing is planned for it.\n\n"
	} else {
		advice += "Nothing was changed.\n\n"
	}
	advice += "To check access: in Meta Business Settings, open Users > System users, select the token's system user and look under Assigned assets. " +
		"Assign the asset again (with the tasks the resources need), then run Terraform again."
	if inState {
		advice += "\n\nIf the object really is gone, let Terraform forget the resources on it without calling Graph: replace each resource block with\n\n" +
			"  removed {\n    from = <resource address>\n    lifecycle {\n      destroy = false\n    }\n  }\n\n" +
			"or run terraform state rm <resource address>."
	}
	return advice
}

// missingWABAAdvice is missingOrHiddenAdvice for a WhatsApp Business
// Account, the object most calls depend on.
func missingWABAAdvice(err error, waba string, inState bool) string {
	return missingOrHiddenAdvice(err, "WhatsApp Business Account "+waba, inState)
}
