import {
  to = whatsapp_assigned_user.example
  id = "102290129340398/506914307656634/1972555232742222"
}
