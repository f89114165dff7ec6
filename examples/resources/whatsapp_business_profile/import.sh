# A number's profile is identified by the WhatsApp Business Account ID and
# the phone number ID: <waba_id>/<phone_number_id>.
terraform import whatsapp_business_profile.store 102290129340398/106540352242922
