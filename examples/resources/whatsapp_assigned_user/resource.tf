# Give a system user developer access and template management on a WABA.
resource "whatsapp_assigned_user" "example" {
  waba_id     = "102290129340398"
  user_id     = "1972555232742222"
  business_id = "506914307656634" # may be left to the provider's business_id
  tasks       = ["DEVELOP", "MANAGE_TEMPLATES", "VIEW_COST"]
}

# Assign a whole team, taking business_id from the provider configuration.
locals {
  team = {
    "100000000000101" = ["MANAGE"]
    "100000000000102" = ["MANAGE_TEMPLATES", "VIEW_TEMPLATES"]
  }
}

resource "whatsapp_assigned_user" "team" {
  for_each = local.team

  waba_id = "102290129340398"
  user_id = each.key
  tasks   = each.value
}
