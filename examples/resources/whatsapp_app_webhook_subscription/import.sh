# The subscription is identified by the app ID, which must be the provider's
# app_id.
terraform import whatsapp_app_webhook_subscription.example 670843887433847
