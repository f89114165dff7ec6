# An authentication template with a copy-code button. Meta writes its body
# ("<code> is your verification code.") and its footer from
# code_expiration_minutes: the configuration only chooses the options.
resource "whatsapp_message_template" "login_code" {
  waba_id  = "102290129340398"
  name     = "login_code"
  language = "en_US"
  category = "AUTHENTICATION"

  body    = { add_security_recommendation = true }
  footer  = { code_expiration_minutes = 10 }
  buttons = [{ type = "OTP", otp_type = "COPY_CODE", text = "Copy code" }]
}
