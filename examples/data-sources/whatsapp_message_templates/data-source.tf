# Approved utility templates in English, with their body text.
data "whatsapp_message_templates" "utility" {
  waba_id  = "102290129340398"
  status   = ["APPROVED"]
  category = ["UTILITY"]
  language = ["en_US"]
}

output "template_bodies" {
  value = {
    for t in data.whatsapp_message_templates.utility.templates :
    t.name => one([for c in jsondecode(t.components_json) : c.text if c.type == "BODY"])
  }
}
