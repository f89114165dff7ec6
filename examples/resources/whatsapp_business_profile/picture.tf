# The same about text and picture on every other number of the account. The
# picture is uploaded through Meta's Resumable Upload API, which needs the
# provider's app_id, and tracked by the file's SHA-256.
data "whatsapp_phone_numbers" "all" {
  waba_id = "102290129340398"
}

resource "whatsapp_business_profile" "everywhere" {
  for_each = { for p in data.whatsapp_phone_numbers.all.phone_numbers : p.id => p if p.id != "106540352242922" }

  waba_id         = "102290129340398"
  phone_number_id = each.key

  about                = "Fresh bread every morning"
  profile_picture_file = "${path.module}/logo.png"
}
