terraform {
  required_providers {
    whatsapp = {
      source = "wabactl/whatsapp"
    }
  }
}

# Keep secrets out of configuration: the provider reads them from the
# environment when the arguments are unset.
#
#   export WHATSAPP_ACCESS_TOKEN=...   # system user access token
#   export WHATSAPP_APP_SECRET=...     # adds appsecret_proof to every request
provider "whatsapp" {
  # The business (portfolio) that owns the WhatsApp Business Accounts; needed
  # to read assigned users. Also WHATSAPP_BUSINESS_ID.
  business_id = "506914307656634"

  # The app that owns the token. Optional: without it the provider looks the
  # app up once per run. Also WHATSAPP_APP_ID.
  app_id = "670843887433847"

  # Pin the Graph API version so that an upgrade of the provider's default
  # never changes behaviour unannounced. Also WHATSAPP_API_VERSION.
  api_version = "v26.0"
}
