terraform {
  required_version = ">= 1.11"

  required_providers {
    whatsapp = {
      source = "wabactl/whatsapp"
    }
  }
}

# Credentials come from WHATSAPP_ACCESS_TOKEN (and WHATSAPP_APP_SECRET,
# WHATSAPP_BUSINESS_ID); make demo points WHATSAPP_BASE_URL at the local
# Graph API simulator.
provider "whatsapp" {}
