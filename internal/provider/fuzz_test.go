package provider

import (
	"strconv"
	"strings"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// FuzzParseAssignedUserImportID checks that an import ID is either read
// exactly as written, every part a numeric Graph ID, or refused with a
// message that quotes it and shows the valid forms.
func FuzzParseAssignedUserImportID(f *testing.F) {
	f.Add("102290129340398/1972555232742222", "506914307656634")
	f.Add("102290129340398/506914307656634/1972555232742222", "")
	f.Add("102290129340398/1972555232742222", "")
	f.Add("102290129340398//1972555232742222", "506914307656634")
	f.Add(" 1/2", "3")
	f.Add("1/2/3/4", "5")
	f.Add("١٢٣/456", "7")
	f.Fuzz(func(t *testing.T, id, business string) {
		// The provider's business_id is validated before it gets here.
		if business != "" && !validators.IsNumericID(business) {
			return
		}
		got, err := parseAssignedUserImportID(id, business)
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, strconv.Quote(id)) || !strings.Contains(msg, "<waba_id>/") {
				t.Errorf("refusal %q does not quote the ID and show the form", msg)
			}
			return
		}
		// Without the provider's business_id, <waba_id>/<user_id> leaves
		// the business for Read to look up.
		lookUp := business == "" && strings.Count(id, "/") == 1
		parts := []string{got.WABA, got.User}
		if lookUp && got.Business != "" {
			t.Errorf("%q: business %q taken from nowhere", id, got.Business)
		} else if !lookUp {
			parts = append(parts, got.Business)
		}
		for _, part := range parts {
			if !validators.IsNumericID(part) {
				t.Errorf("accepted %q with a part %q that is not a numeric ID", id, part)
			}
		}
		want := got.WABA + "/" + got.User
		if strings.Count(id, "/") == 2 {
			want = got.WABA + "/" + got.Business + "/" + got.User
		} else if got.Business != business {
			t.Errorf("%q: business %q, want the provider's %q", id, got.Business, business)
		}
		if want != id {
			t.Errorf("%q read as %+v", id, got)
		}
	})
}
