# Every user assigned to a WABA, with their tasks. Run: terraform query
list "whatsapp_assigned_user" "support" {
  provider = whatsapp

  config {
    waba_id = "102290129340398"
    # business_id defaults to the provider's, else to the WABA's owner.
  }
}
