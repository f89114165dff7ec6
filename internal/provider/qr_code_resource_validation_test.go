package provider

import (
	"fmt"
	"strings"
	"testing"
)

func qrCodeWith(body string) string {
	return "provider \"whatsapp\" {}\n" + fmt.Sprintf("resource \"whatsapp_qr_code\" \"x\" {\n%s\n}\n", body)
}

// TestQRCodeResource_validation feeds bad input through terraform plan: each
// must be refused before any Graph request.
func TestQRCodeResource_validation(t *testing.T) {
	cases := []struct{ name, config, want string }{
		{"phone number instead of its ID", qrCodeWith("phone_number_id = \"+1 555-010-0001\"\nprefilled_message = \"Hi\""), `(?s)phone_number_id must be a numeric Graph ID`},
		{"empty message", qrCodeWith("phone_number_id = \"106540352242922\"\nprefilled_message = \"\""), `(?s)prefilled_message.*between 1 and 140`},
		{"message too long", qrCodeWith(fmt.Sprintf("phone_number_id = \"106540352242922\"\nprefilled_message = %q", strings.Repeat("a", 141))), `(?s)prefilled_message.*between 1 and 140`},
		{"bad format", qrCodeWith("phone_number_id = \"106540352242922\"\nprefilled_message = \"Hi\"\nimage_format = \"JPG\""), `(?s)image_format`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestQRCodeResource_importIDValidation refuses import IDs that are not
// <phone_number_id>/<code>, before any Graph request.
func TestQRCodeResource_importIDValidation(t *testing.T) {
	config := qrCodeWith("phone_number_id = \"106540352242922\"\nprefilled_message = \"Hi\"")
	for _, id := range []string{"106540352242922", "106540352242922/", "/ABC", "phone/ABC", "106540352242922/A/B"} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), config, "whatsapp_qr_code.x", id, `imported by <phone_number_id>/<code>`)
		})
	}
}
