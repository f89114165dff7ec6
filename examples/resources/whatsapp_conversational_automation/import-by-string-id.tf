import {
  to = whatsapp_conversational_automation.example
  id = "102290129340398/106540352242922"
}
