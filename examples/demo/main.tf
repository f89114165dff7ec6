# A small WhatsApp Business Account setup: subscribe the platform app to the
# account's webhooks with a dedicated callback, give the support line a
# callback of its own, give the team their tasks, and report what the account
# looks like.

data "whatsapp_business_account" "support" {
  id = var.waba_id
}

resource "whatsapp_subscribed_app" "support" {
  waba_id                 = var.waba_id
  override_callback_uri   = var.callback_url
  verify_token_wo         = var.webhook_verify_token
  verify_token_wo_version = 1
}

# The support line's webhooks go to an endpoint of their own. Meta accepts a
# number's override only from an app subscribed to the account: hence the
# dependency.
resource "whatsapp_phone_number_webhook" "support_line" {
  waba_id                 = var.waba_id
  phone_number_id         = var.support_line_id
  override_callback_uri   = var.support_line_callback_url
  verify_token_wo         = var.support_line_verify_token
  verify_token_wo_version = 1

  depends_on = [whatsapp_subscribed_app.support]
}

# What customers see when they open a chat with the support line. Only the
# fields set here are managed; destroying leaves the profile as it is.
resource "whatsapp_business_profile" "support_line" {
  waba_id         = var.waba_id
  phone_number_id = var.support_line_id

  about       = "Support, Monday to Friday, 8:00-18:00"
  description = "Questions about an order, a delivery or a refund: write to us here."
  email       = "support@example.com"
  websites    = ["https://www.example.com/support"]
  vertical    = "RETAIL"
}

resource "whatsapp_assigned_user" "team" {
  for_each = var.team

  waba_id = var.waba_id
  user_id = each.key
  tasks   = each.value
}

# What the account holds. The apps and users are read after the resources
# above are applied, so that they include them.
data "whatsapp_phone_numbers" "support" {
  waba_id = var.waba_id
}

data "whatsapp_message_templates" "support" {
  waba_id = var.waba_id
}

data "whatsapp_subscribed_apps" "support" {
  waba_id    = var.waba_id
  depends_on = [whatsapp_subscribed_app.support]
}

data "whatsapp_assigned_users" "support" {
  waba_id    = var.waba_id
  depends_on = [whatsapp_assigned_user.team]
}
