# The token's app's subscription on every WABA the business owns.
list "whatsapp_subscribed_app" "all" {
  provider = whatsapp

  config {
    business_id = "506914307656634" # defaults to the provider's business_id
  }
}

# Or on the WABAs given.
list "whatsapp_subscribed_app" "support" {
  provider = whatsapp

  config {
    waba_ids = ["102290129340398"]
  }
}
