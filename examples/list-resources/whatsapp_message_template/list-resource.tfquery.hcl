# Every template of a WABA, each language of each name. Run: terraform query
# -generate-config-out=templates.tf writes a resource and an import block for
# each.
list "whatsapp_message_template" "all" {
  provider = whatsapp

  config {
    waba_id = "102290129340398"
  }
}
