# <waba_id>/<business_id>/<user_id>
terraform import whatsapp_assigned_user.example 102290129340398/506914307656634/1972555232742222

# <waba_id>/<user_id>, when the provider sets business_id (or WHATSAPP_BUSINESS_ID)
terraform import whatsapp_assigned_user.example 102290129340398/1972555232742222
