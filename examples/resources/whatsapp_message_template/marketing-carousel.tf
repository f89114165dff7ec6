# A product card carousel, which the schema does not model yet: the CAROUSEL
# component goes into extra_components_json, in Graph's form, next to the
# typed body. Each card shows a product of the catalogue connected to the
# WABA, with a View button. Inside the cards, write types and formats in
# capitals, as Graph answers them: the cards are compared as written.
resource "whatsapp_message_template" "succulent_picks" {
  waba_id  = "102290129340398"
  name     = "succulent_picks"
  language = "en_US"
  category = "MARKETING"

  body = {
    text     = "Rare succulents for sale! {{1}}, add these unique plants to your collection."
    examples = { "1" = "Pablo" }
  }
  extra_components_json = jsonencode([{
    type = "CAROUSEL"
    cards = [for card in range(2) : {
      components = [
        { type = "HEADER", format = "PRODUCT" },
        { type = "BUTTONS", buttons = [{ type = "SPM", text = "View" }] },
      ]
    }]
  }])
}
