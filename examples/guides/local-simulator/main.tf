# A first configuration for the local simulator: make sim seeds every ID used
# here. The "Acme Sandbox" WABA starts with nothing subscribed or assigned.

terraform {
  required_version = ">= 1.11"
  required_providers {
    whatsapp = {
      source = "wabactl/whatsapp"
    }
  }
}

variable "verify_token" {
  description = "Token the callback endpoint expects; the simulator accepts any value."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "whatsapp_subscribed_app" "sandbox" {
  waba_id                 = "102290129340399"
  override_callback_uri   = "https://hooks.example.com/whatsapp/sandbox"
  verify_token_wo         = var.verify_token
  verify_token_wo_version = 1
}

resource "whatsapp_assigned_user" "ana" {
  waba_id = "102290129340399"
  user_id = "100000000000101" # Ana Lima, a business user
  tasks   = ["DEVELOP", "MANAGE_TEMPLATES"]
}

data "whatsapp_business_account" "support" {
  id = "102290129340398"
}

output "support" {
  description = "The seeded Acme Support WABA, as Graph describes it."
  value = {
    name          = data.whatsapp_business_account.support.name
    review_status = data.whatsapp_business_account.support.account_review_status
  }
}
