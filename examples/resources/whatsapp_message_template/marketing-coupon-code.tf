# A marketing template with a coupon: the COPY_CODE button copies the code
# sent with each message; example is a sample code of at most 15 characters
# for Meta's review.
resource "whatsapp_message_template" "spring_coupon" {
  waba_id  = "102290129340398"
  name     = "spring_coupon"
  language = "en_US"
  category = "MARKETING"

  header = { format = "TEXT", text = "Our spring sale is on!" }
  body = {
    text     = "Shop now through April and use code {{1}} to get {{2}} off all merchandise."
    examples = { "1" = "SPRING25", "2" = "25%" }
  }
  footer = { text = "Tap Unsubscribe to stop promotions" }
  buttons = [
    { type = "QUICK_REPLY", text = "Unsubscribe" },
    { type = "COPY_CODE", example = "SPRING25" },
  ]
}
