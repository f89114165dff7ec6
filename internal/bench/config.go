package bench

import (
	"fmt"
	"strings"
)

// Each configuration writes one block per resource. A for_each over a
// generated set would be shorter, but Terraform evaluates the set again for
// every instance, which makes its own cost grow with N squared and would
// hide the provider's in the floor.

// WhatsAppConfig manages n assigned users, the token app's subscription and
// reads the WABA node, all on one WABA: the shape the request budget is
// stated for.
func WhatsAppConfig(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    whatsapp = {
      source = "wabactl/whatsapp"
    }
  }
}

provider "whatsapp" {}

data "whatsapp_business_account" "waba" {
  id = %[1]q
}

resource "whatsapp_subscribed_app" "waba" {
  waba_id = %[1]q
}
`, WABAID)
	writeAssignments(&b, "whatsapp_assigned_user", n)
	return b.String()
}

// FloorConfig is n built-in terraform_data resources shaped like the
// assignments: what Terraform itself costs for n resources, with no provider
// process and no API.
func FloorConfig(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `
resource "terraform_data" "u%[2]d" {
  input = {
    waba_id = %[1]q
    user_id = "%[3]d"
    tasks   = ["MANAGE_TEMPLATES", "VIEW_COST"]
  }
}
`, WABAID, i+1, FirstUserID+i)
	}
	return b.String()
}

// FrameworkFloorConfig is n resources of terraform-provider-floor shaped like
// the assignments: what the plugin protocol and terraform-plugin-framework
// cost for n resources of a provider that does nothing.
func FrameworkFloorConfig(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    floor = {
      source = %q
    }
  }
}
`, FloorSource)
	writeAssignments(&b, "floor_assignment", n)
	return b.String()
}

// writeAssignments writes n resources of type typ with the arguments of
// whatsapp_assigned_user, one per generated user of the managed WABA.
func writeAssignments(b *strings.Builder, typ string, n int) {
	for i := range n {
		fmt.Fprintf(b, `
resource %[1]q "u%[3]d" {
  waba_id = %[2]q
  user_id = "%[4]d"
  tasks   = ["MANAGE_TEMPLATES", "VIEW_COST"]
}
`, typ, WABAID, i+1, FirstUserID+i)
	}
}
