# The app's whatsapp_business_account webhook subscription, if it has one.
# The provider needs app_id and app_secret.
list "whatsapp_app_webhook_subscription" "app" {
  provider = whatsapp
}
