# <phone_number_id>/<code>
terraform import whatsapp_qr_code.storefront 106540352242922/ANED2T5QRU7HG1
