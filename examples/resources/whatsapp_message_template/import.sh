# A template is imported by <waba_id>/<template_id>...
terraform import whatsapp_message_template.shipping_update 102290129340398/1192339204654487

# ...or by <waba_id>/<name>/<language>.
terraform import whatsapp_message_template.shipping_update 102290129340398/shipping_update/en_US
