# Ten templates from Meta's template pages and the create examples of its
# WhatsApp OpenAPI description, one of each kind the resource manages.

resource "whatsapp_message_template" "authentication_code_copy_code_button" {
  waba_id  = var.waba_id
  name     = "authentication_code_copy_code_button"
  language = "en_US"
  category = "AUTHENTICATION"
  body     = { add_security_recommendation = true }
  footer   = { code_expiration_minutes = 10 }
  buttons  = [{ type = "OTP", otp_type = "COPY_CODE", text = "Copy Code" }]
}

resource "whatsapp_message_template" "authentication_code_autofill_button" {
  waba_id  = var.waba_id
  name     = "authentication_code_autofill_button"
  language = "en_US"
  category = "AUTHENTICATION"
  body     = { add_security_recommendation = true }
  footer   = { code_expiration_minutes = 10 }
  buttons = [{
    type           = "OTP"
    otp_type       = "ONE_TAP"
    text           = "Copy Code"
    autofill_text  = "Autofill"
    package_name   = "com.example.luckyshrub"
    signature_hash = "K8a/AINcGX7"
  }]
}

resource "whatsapp_message_template" "seasonal_promotion" {
  waba_id  = var.waba_id
  name     = "seasonal_promotion"
  language = "en_US"
  category = "MARKETING"
  header   = { format = "TEXT", text = "Our {{1}} is on!", example = "Summer Sale" }
  body = {
    text     = "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise."
    examples = { "1" = "the end of August", "2" = "25OFF", "3" = "25%" }
  }
  footer = { text = "Use the buttons below to manage your marketing subscriptions" }
  buttons = [
    { type = "QUICK_REPLY", text = "Unsubscribe from Promos" },
    { type = "QUICK_REPLY", text = "Unsubscribe from All" },
  ]
}

resource "whatsapp_message_template" "limited_time_offer_tuscan_getaway_2023" {
  waba_id  = var.waba_id
  name     = "limited_time_offer_tuscan_getaway_2023"
  language = "en_US"
  category = "MARKETING"
  header   = { format = "IMAGE", media_file = "${path.module}/getaway.png" }
  body = {
    text     = "Hi {{1}}! For a limited time only you can get our {{2}} for as low as {{3}}. Tap the Offer Details button for more information."
    examples = { "1" = "Mark", "2" = "Tuscan Getaway package", "3" = "800" }
  }
  footer = { text = "Offer valid until May 31, 2023" }
  buttons = [
    { type = "PHONE_NUMBER", text = "Call", phone_number = "16467043595" },
    { type = "URL", text = "Shop Now", url = "https://www.examplesite.com/shop?promo={{1}}", example = "https://www.examplesite.com/shop?promo=summer2023" },
  ]
}

resource "whatsapp_message_template" "order_confirmation" {
  waba_id  = var.waba_id
  name     = "order_confirmation"
  language = "en_US"
  category = "UTILITY"
  header   = { format = "DOCUMENT", media_file = "${path.module}/receipt.pdf" }
  body = {
    text     = "Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thanks again!"
    examples = { "1" = "Mark", "2" = "860198-230332" }
  }
  buttons = [
    { type = "PHONE_NUMBER", text = "Call", phone_number = "16467043595" },
    { type = "URL", text = "Contact Support", url = "https://www.examplesite.com/support" },
  ]
}

resource "whatsapp_message_template" "order_delivery_update" {
  waba_id  = var.waba_id
  name     = "order_delivery_update"
  language = "en_US"
  category = "UTILITY"
  header   = { format = "LOCATION" }
  body = {
    text     = "Good news {{1}}! Your order #{{2}} is on its way to the location above. Thank you for your order!"
    examples = { "1" = "Mark", "2" = "566701" }
  }
  footer  = { text = "To stop receiving delivery updates, tap the button below." }
  buttons = [{ type = "QUICK_REPLY", text = "Stop Delivery Updates" }]
}

resource "whatsapp_message_template" "abandoned_cart" {
  waba_id  = var.waba_id
  name     = "abandoned_cart"
  language = "en_US"
  category = "MARKETING"
  header   = { format = "TEXT", text = "Forget something {{1}}?", example = "Pablo" }
  body = {
    text     = "Looks like you left some items in your cart! Use code {{1}} and you can get 10% off of all of them!"
    examples = { "1" = "10OFF" }
  }
  buttons = [{ type = "MPM", text = "View items" }]
}

resource "whatsapp_message_template" "order_status_named" {
  waba_id          = var.waba_id
  name             = "order_status_named"
  language         = "en_US"
  category         = "UTILITY"
  parameter_format = "NAMED"
  body = {
    text     = "Thank you, {{first_name}}! Your order number is {{order_number}}."
    examples = { first_name = "Pablo", order_number = "860198-230332" }
  }
}

resource "whatsapp_message_template" "coupon_code_fall2023_25off" {
  waba_id  = var.waba_id
  name     = "coupon_code_fall2023_25off"
  language = "en_US"
  category = "MARKETING"
  header   = { format = "TEXT", text = "Our Fall Sale is on!" }
  body = {
    text     = "Shop now through November and use code {{1}} to get {{2}} off of all merchandise!"
    examples = { "1" = "25OFF", "2" = "25%" }
  }
  buttons = [
    { type = "QUICK_REPLY", text = "Unsubscribe" },
    { type = "COPY_CODE", example = "250FF" },
  ]
}

resource "whatsapp_message_template" "carousel_template_media_cards_v1" {
  waba_id  = var.waba_id
  name     = "carousel_template_media_cards_v1"
  language = "en_US"
  category = "MARKETING"
  body = {
    text     = "Rare succulents for sale! {{1}}, add these unique plants to your collection. Each comes with care instructions."
    examples = { "1" = "Pablo" }
  }
  extra_components_json = jsonencode([{
    type = "CAROUSEL"
    cards = [for card in ["Echeveria", "Haworthia"] : {
      components = [
        { type = "BODY", text = "${card}: rare, and it rarely flowers." },
        { type = "BUTTONS", buttons = [{ type = "QUICK_REPLY", text = "Send more like this" }] },
      ]
    }]
  }])
}
