import {
  to = whatsapp_subscribed_app.example
  id = "102290129340398"
}
