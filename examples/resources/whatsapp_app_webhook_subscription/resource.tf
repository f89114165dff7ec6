# The app's default callback for every WhatsApp Business Account it is
# subscribed to (see whatsapp_subscribed_app). The provider needs app_id and
# app_secret: Graph accepts this setting only with the app access token.
#
# Meta verifies the callback on every change: it must answer
# GET ?hub.mode=subscribe&hub.challenge=<n>&hub.verify_token=<token> with the
# challenge. The verify token is write-only: sent to Meta, never stored in
# the plan or the state. Bump verify_token_wo_version when it changes.
variable "webhook_verify_token" {
  description = "Token Meta echoes to the callback URL when it verifies the endpoint."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "whatsapp_app_webhook_subscription" "example" {
  callback_url            = "https://hooks.example.com/whatsapp"
  verify_token_wo         = var.webhook_verify_token
  verify_token_wo_version = 1
  fields = [
    "messages",
    "account_update",
    "message_template_status_update",
    "phone_number_quality_update",
  ]
}
