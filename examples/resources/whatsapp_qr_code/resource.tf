# A QR code that opens a chat with the number, "Hello" typed in.
# Replacing or destroying it breaks every printed copy: keep it.
resource "whatsapp_qr_code" "storefront" {
  phone_number_id   = "106540352242922"
  prefilled_message = "Hello, I would like to know more about your offers"
  image_format      = "SVG"

  lifecycle {
    prevent_destroy = true
  }
}
