package bench

import "fmt"

// users is the HCL set of the first n generated system users' IDs. The IDs
// are computed in HCL so the configuration stays the same size for every N.
func users(n int) string {
	return fmt.Sprintf("toset([for i in range(%d) : format(\"%%d\", %d + i)])", n, FirstUserID)
}

// WhatsAppConfig manages n assigned users, the token app's subscription and
// reads the WABA node, all on one WABA: the shape the request budget is
// stated for.
func WhatsAppConfig(n int) string {
	return fmt.Sprintf(`terraform {
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

resource "whatsapp_assigned_user" "bench" {
  for_each = %[2]s

  waba_id = %[1]q
  user_id = each.key
  tasks   = ["MANAGE_TEMPLATES", "VIEW_COST"]
}
`, WABAID, users(n))
}

// FloorConfig is n built-in terraform_data resources shaped like the
// assignments: what Terraform itself costs for n resources, with no provider
// process and no API.
func FloorConfig(n int) string {
	return fmt.Sprintf(`resource "terraform_data" "bench" {
  for_each = %[2]s

  input = {
    waba_id = %[1]q
    user_id = each.key
    tasks   = ["MANAGE_TEMPLATES", "VIEW_COST"]
  }
}
`, WABAID, users(n))
}
