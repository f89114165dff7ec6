import {
  to = whatsapp_qr_code.storefront
  id = "106540352242922/ANED2T5QRU7HG1"
}
