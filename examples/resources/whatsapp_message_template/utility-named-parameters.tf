# A utility template with named parameters: variables are names such as
# {{first_name}} instead of numbers, and the examples are keyed by name.
# parameter_format cannot change on a template: changing it replaces it.
resource "whatsapp_message_template" "order_ready" {
  waba_id          = "102290129340398"
  name             = "order_ready"
  language         = "en_US"
  category         = "UTILITY"
  parameter_format = "NAMED"

  header = { format = "TEXT", text = "Order {{order_number}} is ready", example = "860198" }
  body = {
    text = "Hi {{first_name}}, your order {{order_number}} is ready for pickup at {{store}} until {{closing_time}}."
    examples = {
      first_name   = "Pablo"
      order_number = "860198"
      store        = "Main Street"
      closing_time = "18:00"
    }
  }
  buttons = [{ type = "QUICK_REPLY", text = "I'm on my way" }]
}
