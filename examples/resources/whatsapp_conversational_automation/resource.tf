# The ice breakers and commands of one phone number.
resource "whatsapp_conversational_automation" "support" {
  waba_id         = "102290129340398"
  phone_number_id = "106540352242922"

  prompts = ["Track my order", "Talk to a person"]

  commands = [
    { command_name = "orders", command_description = "Track your recent orders" },
    { command_name = "help", command_description = "What this number can do" },
  ]
}
