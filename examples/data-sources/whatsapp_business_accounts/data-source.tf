# Every WhatsApp Business Account of the business: the ones it owns and the
# ones client businesses shared with it. business_id defaults to the
# provider's; ownership to "all".
data "whatsapp_business_accounts" "all" {
  business_id = "506914307656634"
}

# One instance per account, keyed by its ID.
data "whatsapp_business_account" "each" {
  for_each = toset(data.whatsapp_business_accounts.all.ids)
  id       = each.value
}

output "review_status_by_account" {
  value = {
    for account in data.whatsapp_business_account.each :
    account.name => account.account_review_status
  }
}

# Only the accounts shared by clients, with what each client permits.
data "whatsapp_business_accounts" "clients" {
  business_id = "506914307656634"
  ownership   = "client"
}

output "client_tasks" {
  value = {
    for account in data.whatsapp_business_accounts.clients.accounts :
    account.id => account.permitted_tasks
  }
}
