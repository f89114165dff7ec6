import {
  to = whatsapp_message_template.shipping_update
  id = "102290129340398/shipping_update/en_US"
}
