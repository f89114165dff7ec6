# An authentication template whose one-tap button hands the code straight to
# an Android app, identified by its package name and signing key hash; where
# the app cannot take it, the button copies the code instead.
resource "whatsapp_message_template" "login_code_one_tap" {
  waba_id  = "102290129340398"
  name     = "login_code_one_tap"
  language = "en_US"
  category = "AUTHENTICATION"

  body   = { add_security_recommendation = true }
  footer = { code_expiration_minutes = 5 }
  buttons = [{
    type           = "OTP"
    otp_type       = "ONE_TAP"
    text           = "Copy code"
    autofill_text  = "Autofill"
    package_name   = "com.example.shop"
    signature_hash = "K8a/AINcGX7"
  }]
}
