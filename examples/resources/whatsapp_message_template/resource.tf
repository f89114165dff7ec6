# A utility template with a text header, a body with positional variables,
# a footer and two buttons. Meta reviews it; wait_for_review makes the apply
# wait until the review ends.
resource "whatsapp_message_template" "shipping_update" {
  waba_id  = "102290129340398"
  name     = "shipping_update"
  language = "en_US"
  category = "UTILITY"

  header = { format = "TEXT", text = "Order {{1}}", example = "#1234" }
  body = {
    text     = "Hi {{1}}, your order {{2}} has shipped and arrives {{3}}."
    examples = { "1" = "Jim", "2" = "#1234", "3" = "tomorrow" }
  }
  footer = { text = "Reply STOP to stop updates" }
  buttons = [
    { type = "URL", text = "Track it", url = "https://shop.example/track/{{1}}", example = "https://shop.example/track/1234" },
    { type = "QUICK_REPLY", text = "Stop updates" },
  ]

  wait_for_review = true
  timeouts = {
    create = "20m"
    update = "20m"
  }

  lifecycle {
    # A deleted approved template's name is locked for 30 days.
    prevent_destroy = true
  }
}
