# Deliver a WhatsApp Business Account's webhooks to the app's own callback URL.
resource "whatsapp_subscribed_app" "default_callback" {
  waba_id = "102290129340399"
}

# Deliver this account's message webhooks to a dedicated endpoint instead.
# The verify token is write-only: it is sent to Meta but never stored in the
# plan or the state. Bump verify_token_wo_version whenever the token changes.
variable "webhook_verify_token" {
  description = "Token Meta echoes to the callback URL when it verifies the endpoint."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "whatsapp_subscribed_app" "example" {
  waba_id                 = "102290129340398"
  override_callback_uri   = "https://hooks.example.com/whatsapp/support"
  verify_token_wo         = var.webhook_verify_token
  verify_token_wo_version = 1
}
