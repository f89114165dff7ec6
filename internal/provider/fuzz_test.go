package provider

import (
	"context"
	"encoding/json"
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

// FuzzTemplateComponents feeds Graph answers of any shape through the
// template read: it must never panic, the comparison form must be
// deterministic, and what the read makes of an answer must be stable: the
// components rendered from it, read back, mean the same again.
func FuzzTemplateComponents(f *testing.F) {
	f.Add(`[{"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["1"]}},{"type":"BODY","text":"Hi {{1}}","example":{"body_text":[["Jim"]]}}]`)
	f.Add(`[{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":"5"},` +
		`{"type":"BUTTONS","buttons":[{"type":"URL","url":"https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&package_name=a&code=otp{{1}}"}]}]`)
	f.Add(`[{"type":"CAROUSEL","cards":[{"components":[{"type":"header","format":"image","example":{"header_handle":["h"]}}]}]},{"type":"BODY","text":"x"}]`)
	f.Add(`[{"type":"BUTTONS","buttons":[{"type":"PHONE_NUMBER","phone_number":12},{"type":"COPY_CODE","example":["A"]},null,7]}]`)
	f.Add(`[{"type":7,"buttons":{"a":1},"example":null}]`)
	f.Fuzz(func(t *testing.T, raw string) {
		comps, err := decodeComponents(raw)
		if err != nil {
			return
		}
		for _, auth := range []bool{false, true} {
			if a, b := canonicalComponents(comps, auth), canonicalComponents(comps, auth); a != b {
				t.Fatalf("comparison form not deterministic: %s then %s", a, b)
			}
		}
		ctx := context.Background()
		readBack := func(comps []map[string]any) ([]map[string]any, bool) {
			header, body, footer, buttons, extra, diags := objectsFromGraph(comps)
			p, d := partsOf(ctx, header, body, footer, buttons, extra)
			diags.Append(d...)
			rendered, d := p.graphJSON(ctx, "POSITIONAL", "")
			diags.Append(d...)
			return rendered, !diags.HasError()
		}
		once, ok := readBack(comps)
		if !ok {
			return
		}
		data, err := json.Marshal(once)
		if err != nil {
			t.Fatalf("rendered components do not marshal: %v", err)
		}
		again, err := decodeComponents(string(data))
		if err != nil {
			t.Fatalf("rendered components do not decode: %v (%s)", err, data)
		}
		twice, ok := readBack(again)
		if !ok {
			t.Fatalf("components rendered from an answer cannot be read back: %s", data)
		}
		if a, b := canonicalComponents(once, false), canonicalComponents(twice, false); a != b {
			t.Errorf("reading back is not stable:\n once  %s\n twice %s", a, b)
		}
	})
}
