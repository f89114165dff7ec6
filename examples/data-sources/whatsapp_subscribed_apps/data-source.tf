# Every app receiving this account's webhooks, whichever app owns the token.
data "whatsapp_subscribed_apps" "example" {
  waba_id = "102290129340398"
}

output "subscribed_apps" {
  value = {
    for app in data.whatsapp_subscribed_apps.example.apps :
    app.name => coalesce(app.override_callback_uri, "app callback")
  }
}
