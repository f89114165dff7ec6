# A module that gives a team its tasks on a WhatsApp Business Account and
# sends the account's webhooks to a callback of its own.

terraform {
  required_version = ">= 1.11"
  required_providers {
    whatsapp = {
      source  = "wabactl/whatsapp"
      version = ">= 0.1.0"
    }
  }
}

variable "waba_id" {
  description = "ID of the WhatsApp Business Account."
  type        = string
}

variable "team" {
  description = "User ID => tasks on the WABA."
  type        = map(set(string))
  default     = {}
}

variable "callback_url" {
  description = "Where this WABA's webhooks go (https)."
  type        = string
  default     = "https://hooks.example.com/whatsapp"
}

variable "verify_token" {
  description = "Verify token the callback expects."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "whatsapp_subscribed_app" "this" {
  waba_id                 = var.waba_id
  override_callback_uri   = var.callback_url
  verify_token_wo         = var.verify_token
  verify_token_wo_version = 1
}

resource "whatsapp_assigned_user" "team" {
  for_each = var.team

  waba_id = var.waba_id
  user_id = each.key
  tasks   = each.value
}

output "team" {
  description = "User ID => tasks, as applied."
  value       = { for id, a in whatsapp_assigned_user.team : id => sort(tolist(a.tasks)) }
}

output "callback" {
  description = "The callback the WABA's webhooks go to."
  value       = whatsapp_subscribed_app.this.override_callback_uri
}
