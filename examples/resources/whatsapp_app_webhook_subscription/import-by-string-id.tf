import {
  to = whatsapp_app_webhook_subscription.example
  id = "670843887433847"
}
