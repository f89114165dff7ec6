output "account" {
  description = "The account's name, review status and whether it can send messages."
  value = {
    name             = data.whatsapp_business_account.support.name
    review_status    = data.whatsapp_business_account.support.account_review_status
    verification     = data.whatsapp_business_account.support.business_verification_status
    can_send_message = data.whatsapp_business_account.support.health_status.can_send_message
    messaging_limit  = data.whatsapp_business_account.support.whatsapp_business_manager_messaging_limit
  }
}

output "subscribed_app" {
  description = "The app receiving this account's webhooks, and where they go."
  value = {
    app      = whatsapp_subscribed_app.support.app_name
    callback = whatsapp_subscribed_app.support.override_callback_uri
  }
}

output "team" {
  description = "User ID => tasks."
  value       = { for id, a in whatsapp_assigned_user.team : id => sort(tolist(a.tasks)) }
}
