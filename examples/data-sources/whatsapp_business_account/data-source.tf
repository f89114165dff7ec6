data "whatsapp_business_account" "example" {
  id = "102290129340398"
}

output "whatsapp_account" {
  value = {
    name             = data.whatsapp_business_account.example.name
    review_status    = data.whatsapp_business_account.example.account_review_status
    can_send_message = data.whatsapp_business_account.example.health_status.can_send_message
    messaging_limit  = data.whatsapp_business_account.example.whatsapp_business_manager_messaging_limit
  }
}
