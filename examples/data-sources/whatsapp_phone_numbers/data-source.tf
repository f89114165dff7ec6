data "whatsapp_phone_numbers" "live" {
  waba_id      = "102290129340398"
  account_mode = "LIVE"
}

output "phone_quality" {
  value = {
    for phone in data.whatsapp_phone_numbers.live.phone_numbers :
    phone.display_phone_number => phone.quality_rating
  }
}
