data "whatsapp_business_account" "example" {
  id = "102290129340398"
}

output "whatsapp_account" {
  value = {
    name          = data.whatsapp_business_account.example.name
    review_status = data.whatsapp_business_account.example.account_review_status
    # Graph leaves some fields out for some accounts (a sandbox WABA has no
    # health_status): try() keeps the output valid when one is null.
    can_send_message = try(data.whatsapp_business_account.example.health_status.can_send_message, null)
    messaging_limit  = data.whatsapp_business_account.example.whatsapp_business_manager_messaging_limit
  }
}
