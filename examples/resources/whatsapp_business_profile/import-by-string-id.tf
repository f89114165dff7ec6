import {
  to = whatsapp_business_profile.store
  id = "102290129340398/106540352242922"
}
