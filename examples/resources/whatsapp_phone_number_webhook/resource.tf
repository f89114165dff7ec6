# Send one phone number's webhooks to an endpoint of its own, ahead of the
# account's callback override and the app's callback. Meta accepts the
# override only from an app subscribed to the account, so the subscription
# comes first.
#
# Meta verifies the endpoint when the override is set: it must answer
# GET ?hub.mode=subscribe&hub.challenge=<n>&hub.verify_token=<token> with the
# challenge. The verify token is write-only: sent to Meta, never stored in the
# plan or the state. Bump verify_token_wo_version whenever it changes.
variable "webhook_verify_token" {
  description = "Token Meta echoes to the callback URL when it verifies the endpoint."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "whatsapp_subscribed_app" "support" {
  waba_id = "102290129340398"
}

resource "whatsapp_phone_number_webhook" "example" {
  waba_id                 = "102290129340398"
  phone_number_id         = "106540352242922"
  override_callback_uri   = "https://hooks.example.com/whatsapp/support-line"
  verify_token_wo         = var.webhook_verify_token
  verify_token_wo_version = 1

  depends_on = [whatsapp_subscribed_app.support]
}
