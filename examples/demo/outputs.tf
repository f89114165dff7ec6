output "account" {
  description = "The account's name, review status and whether it can send messages."
  value = {
    name             = data.whatsapp_business_account.support.name
    review_status    = data.whatsapp_business_account.support.account_review_status
    verification     = data.whatsapp_business_account.support.business_verification_status
    can_send_message = try(data.whatsapp_business_account.support.health_status.can_send_message, null) # null on a sandbox WABA
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

output "support_line" {
  description = "Where the support line's webhooks go, and where they would go without its override."
  value = {
    callback   = whatsapp_phone_number_webhook.support_line.override_callback_uri
    without_it = whatsapp_phone_number_webhook.support_line.waba_callback_uri
  }
}

output "support_line_profile" {
  description = "The support line's public business profile."
  value = {
    about    = whatsapp_business_profile.support_line.about
    websites = whatsapp_business_profile.support_line.websites
  }
}

output "team" {
  description = "User ID => tasks."
  value       = { for id, a in whatsapp_assigned_user.team : id => sort(tolist(a.tasks)) }
}

output "phone_numbers" {
  description = "How many phone numbers the account has, and each one's quality rating."
  value = {
    count   = length(data.whatsapp_phone_numbers.support.phone_numbers)
    quality = { for p in data.whatsapp_phone_numbers.support.phone_numbers : p.display_phone_number => p.quality_rating }
  }
}

output "templates_by_status" {
  description = "Template names, by review status."
  value = {
    for status in distinct([for t in data.whatsapp_message_templates.support.templates : t.status]) :
    status => sort(distinct([for t in data.whatsapp_message_templates.support.templates : t.name if t.status == status]))
  }
}

output "subscribed_app_names" {
  description = "Every app receiving this account's webhooks."
  value       = sort([for a in data.whatsapp_subscribed_apps.support.apps : a.name])
}

output "user_count" {
  description = "How many users have tasks on the account."
  value       = length(data.whatsapp_assigned_users.support.users)
}
