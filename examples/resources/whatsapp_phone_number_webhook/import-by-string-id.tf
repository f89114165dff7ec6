import {
  to = whatsapp_phone_number_webhook.example
  id = "102290129340398/106540352242922"
}
