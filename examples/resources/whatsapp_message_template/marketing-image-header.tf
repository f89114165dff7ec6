# A marketing template with an image header. Meta reviews the template with
# the sample image: the provider uploads getaway.png through the Resumable
# Upload API (set app_id in the provider block or WHATSAPP_APP_ID) and tracks
# it by its SHA-256, so new content uploads again and nothing else does.
resource "whatsapp_message_template" "spring_getaway" {
  waba_id  = "102290129340398"
  name     = "spring_getaway_offer"
  language = "en_US"
  category = "MARKETING"

  header = { format = "IMAGE", media_file = "${path.module}/getaway.png" }
  body = {
    text     = "Hi {{1}}! For a limited time you can book our {{2}} from {{3}}. Tap Book now for the details."
    examples = { "1" = "Mark", "2" = "Tuscan getaway", "3" = "$800" }
  }
  footer = { text = "Offer valid until May 31" }
  buttons = [
    { type = "PHONE_NUMBER", text = "Call us", phone_number = "+16467043595" },
    { type = "URL", text = "Book now", url = "https://travel.example/offers/{{1}}", example = "https://travel.example/offers/spring" },
  ]
}
