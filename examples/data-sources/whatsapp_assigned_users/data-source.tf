# Who has which tasks on the account. business_id defaults to the provider's.
data "whatsapp_assigned_users" "example" {
  waba_id     = "102290129340398"
  business_id = "506914307656634"
}

output "admins" {
  value = [
    for user in data.whatsapp_assigned_users.example.users :
    user.id if contains(user.tasks, "MANAGE")
  ]
}
