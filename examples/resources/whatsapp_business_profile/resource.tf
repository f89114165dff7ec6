# The public profile of one phone number. Only the fields set here are
# managed; a field removed later is cleared (address, description, email,
# websites) or left as it is (about, vertical, the picture).
resource "whatsapp_business_profile" "store" {
  waba_id         = "102290129340398"
  phone_number_id = "106540352242922"

  about       = "Fresh bread every morning"
  address     = "1 Main Street, Springfield"
  description = "A family bakery since 1982. Order before 18:00 for next-day pickup."
  email       = "hello@bakery.example"
  websites    = ["https://bakery.example", "https://bakery.example/menu"]
  vertical    = "RESTAURANT"
}
