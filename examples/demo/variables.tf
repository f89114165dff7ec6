variable "waba_id" {
  description = "WhatsApp Business Account to manage."
  type        = string
  default     = "102290129340398"
}

variable "callback_url" {
  description = "Where this account's message webhooks go instead of the app's default callback."
  type        = string
  default     = "https://hooks.example.com/whatsapp/acme-support"
}

variable "webhook_verify_token" {
  description = "Token Meta echoes to the callback when it verifies it. Never stored in state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "support_line_id" {
  description = "Phone number ID of the support line."
  type        = string
  default     = "106540352242922"
}

variable "support_line_callback_url" {
  description = "Where the support line's message webhooks go, ahead of the account's callback."
  type        = string
  default     = "https://hooks.example.com/whatsapp/acme-support-line"
}

variable "support_line_verify_token" {
  description = "Token Meta echoes to the support line's callback when it verifies it. Never stored in state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "team" {
  description = "Business user ID => tasks on the account."
  type        = map(set(string))
  default = {
    "100000000000101" = ["MANAGE"]
    "100000000000102" = ["MANAGE_TEMPLATES", "VIEW_COST", "DEVELOP"]
  }
}
