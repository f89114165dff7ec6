# A subscription is identified by the WhatsApp Business Account ID; the app is
# always the one that owns the provider's access token.
terraform import whatsapp_subscribed_app.example 102290129340398
