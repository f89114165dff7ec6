package provider

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func mustComponents(t *testing.T, raw string) []map[string]any {
	t.Helper()
	c, err := decodeComponents(raw)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCanonicalComponents: what was sent and what Graph answers compare
// equal after Graph's normalisation (the shapes of Meta's template pages
// and public client code), and a real change does not.
func TestCanonicalComponents(t *testing.T) {
	for _, tc := range []struct {
		name, sent, answered string
		auth, equal          bool
	}{
		{"case and order", `[{"type":"body","text":"Hi"},{"type":"header","format":"text","text":"Sale"}]`,
			`[{"type":"HEADER","format":"TEXT","text":"Sale"},{"type":"BODY","text":"Hi"}]`, false, true},
		{"media example handle answered as a URL", `[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2U=:ARb"]}}]`,
			`[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["https://scontent.whatsapp.net/v/t61/1.jpg"]}}]`, false, true},
		{"authentication texts written by Meta", `[{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":10},` +
			`{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"}]}]`,
			`[{"type":"BODY","text":"*{{1}}* is your verification code. For your security, do not share this code.","add_security_recommendation":true,` +
				`"example":{"body_text":[["123456"]]}},{"type":"FOOTER","text":"This code expires in 10 minutes.","code_expiration_minutes":"10"},` +
				`{"type":"BUTTONS","buttons":[{"type":"URL","text":"Copy code","url":"https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}",` +
				`"example":["https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456"]}]}]`, true, true},
		{"phone number with a plus", `[{"type":"BUTTONS","buttons":[{"type":"PHONE_NUMBER","text":"Call","phone_number":"16467043595"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"PHONE_NUMBER","text":"Call","phone_number":"+1 646-704-3595"}]}]`, false, true},
		{"empty members left out", `[{"type":"BODY","text":"Hi","add_security_recommendation":false}]`, `[{"type":"BODY","text":"Hi"}]`, false, true},
		{"body text changed", `[{"type":"BODY","text":"Hi"}]`, `[{"type":"BODY","text":"Hello"}]`, false, false},
		{"button label changed", `[{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Unsubscribe"}]}]`, false, false},
		{"button order changed", `[{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"A"},{"type":"QUICK_REPLY","text":"B"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"B"},{"type":"QUICK_REPLY","text":"A"}]}]`, false, false},
		{"footer removed", `[{"type":"BODY","text":"Hi"},{"type":"FOOTER","text":"Bye"}]`, `[{"type":"BODY","text":"Hi"}]`, false, false},
		{"OTP type changed", `[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"URL","url":"https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}"}]}]`, true, false},
		{"one-tap app in the answer's URL", `[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","text":"Copy code","autofill_text":"Autofill","package_name":"com.example.app","signature_hash":"K8a/AINcGX7"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"URL","text":"Copy code","url":"https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&cta_display_name=Autofill&package_name=com.example.app&signature_hash=K8a%2FAINcGX7&code=otp{{1}}"}]}]`, true, true},
		{"one-tap app in supported_apps", `[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","package_name":"com.example.app","signature_hash":"K8a"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","supported_apps":[{"package_name":"com.example.app","signature_hash":"K8a"}]}]}]`, true, true},
		{"one-tap app changed", `[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","package_name":"com.example.new","signature_hash":"K8a"}]}]`,
			`[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","package_name":"com.example.app","signature_hash":"K8a"}]}]`, true, false},
		{"carousel card media answered as a URL", `[{"type":"CAROUSEL","cards":[{"components":[{"type":"header","format":"image","example":{"header_handle":["4::aW1h:ARb"]}},{"type":"BODY","text":"Card"}]}]}]`,
			`[{"type":"CAROUSEL","cards":[{"components":[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["https://scontent.whatsapp.net/1.jpg"]}},{"type":"BODY","text":"Card"}]}]}]`, false, true},
		{"carousel card text changed", `[{"type":"CAROUSEL","cards":[{"components":[{"type":"BODY","text":"Card"}]}]}]`,
			`[{"type":"CAROUSEL","cards":[{"components":[{"type":"BODY","text":"Other card"}]}]}]`, false, false},
		{"body text kept outside authentication", `[{"type":"BODY","text":"Code {{1}}"}]`, `[{"type":"BODY","text":"Your code {{1}}"}]`, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := canonicalComponents(mustComponents(t, tc.sent), tc.auth)
			b := canonicalComponents(mustComponents(t, tc.answered), tc.auth)
			if (a == b) != tc.equal {
				t.Errorf("equal = %v, want %v\n sent     %s\n answered %s", a == b, tc.equal, a, b)
			}
		})
	}
}

// TestTemplatePartsRoundTrip: the typed components render Graph's JSON, and
// Graph's answer reads back into objects that render the same meaning.
func TestTemplatePartsRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name, format, answer string
		auth                 bool
		examples             []string
	}{
		{"positional", "POSITIONAL", `[{"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["1234"]}},` +
			`{"type":"BODY","text":"Hi {{1}}, order {{2}} ships {{3}}.","example":{"body_text":[["Jim","1234","today"]]}},` +
			`{"type":"FOOTER","text":"Reply STOP to opt out"},{"type":"BUTTONS","buttons":[{"type":"URL","text":"Track","url":"https://x.example/t/{{1}}",` +
			`"example":["https://x.example/t/1234"]},{"type":"PHONE_NUMBER","text":"Call","phone_number":"+15550100"},{"type":"QUICK_REPLY","text":"Stop"}]}]`, false,
			[]string{`"header_text":["1234"]`, `"body_text":[["Jim","1234","today"]]`, `"example":["https://x.example/t/1234"]`}},
		{"named", "NAMED", `[{"type":"BODY","text":"Hi {{first_name}}, your code is {{code}}.","example":{"body_text_named_params":` +
			`[{"param_name":"first_name","example":"Jim"},{"param_name":"code","example":"X1"}]}},{"type":"BUTTONS","buttons":[{"type":"COPY_CODE","example":"SAVE10"}]}]`, false,
			[]string{`{"example":"Jim","param_name":"first_name"}`, `"example":"SAVE10"`}},
		{"authentication", "POSITIONAL", `[{"type":"BODY","text":"*{{1}}* is your verification code.","add_security_recommendation":true},` +
			`{"type":"FOOTER","text":"This code expires in 5 minutes.","code_expiration_minutes":5},` +
			`{"type":"BUTTONS","buttons":[{"type":"URL","text":"Copy code","url":"https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}"}]}]`, true, nil},
		{"one-tap answered as a URL", "POSITIONAL", `[{"type":"BODY","text":"*{{1}}* is your verification code."},` +
			`{"type":"BUTTONS","buttons":[{"type":"URL","text":"Copy code","url":"https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&cta_display_name=Autofill&package_name=com.example.app&signature_hash=K8a%2FAINcGX7&code=otp{{1}}"}]}]`,
			true, []string{`"package_name":"com.example.app"`, `"signature_hash":"K8a/AINcGX7"`, `"autofill_text":"Autofill"`}},
		{"carousel kept as JSON", "POSITIONAL", `[{"type":"BODY","text":"Our picks"},{"type":"CAROUSEL","cards":[{"components":[{"type":"HEADER","format":"IMAGE"}]}]}]`, false, []string{`"cards":`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			remote := mustComponents(t, tc.answer)
			header, body, footer, buttons, extra, diags := objectsFromGraph(remote)
			if diags.HasError() {
				t.Fatal(diags)
			}
			p, d := partsOf(ctx, header, body, footer, buttons, extra)
			diags.Append(d...)
			rendered, d := p.graphJSON(ctx, tc.format, "")
			diags.Append(d...)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if a, b := canonicalComponents(rendered, tc.auth), canonicalComponents(remote, tc.auth); a != b {
				t.Errorf("read back and rendered differ\n rendered %s\n answer   %s", a, b)
			}
			// The examples, which the comparison ignores, survive too.
			data, _ := json.Marshal(rendered)
			for _, want := range tc.examples {
				if !strings.Contains(string(data), want) {
					t.Errorf("rendered %s lacks the example %q", data, want)
				}
			}
		})
	}
}

// TestPositionalExamplesFollowNumbers: body_text lists values from {{1}},
// whatever order the variables appear in.
func TestPositionalExamplesFollowNumbers(t *testing.T) {
	ctx := context.Background()
	body, _ := types.ObjectValueFrom(ctx, templateBodyType.AttrTypes, templateBodyModel{
		Text:                      types.StringValue("Ships {{2}} to {{1}}"),
		Examples:                  types.MapValueMust(types.StringType, map[string]attr.Value{"1": types.StringValue("Jim"), "2": types.StringValue("today")}),
		AddSecurityRecommendation: types.BoolNull(),
	})
	p, diags := partsOf(ctx, types.ObjectNull(templateHeaderType.AttrTypes), body, types.ObjectNull(templateFooterType.AttrTypes), types.ListNull(templateButtonType), types.StringNull())
	comps, d := p.graphJSON(ctx, "POSITIONAL", "")
	diags.Append(d...)
	if diags.HasError() {
		t.Fatal(diags)
	}
	data, _ := json.Marshal(comps)
	if want := `[{"example":{"body_text":[["Jim","today"]]},"text":"Ships {{2}} to {{1}}","type":"BODY"}]`; string(data) != want {
		t.Errorf("rendered %s\nwant     %s", data, want)
	}
}

// TestCheckEditable: Meta's edit rules, checked at plan with the time they
// lift.
func TestCheckEditable(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	model := func(status, category, previous string) messageTemplateModel {
		m := messageTemplateModel{Name: types.StringValue("promo"), Status: types.StringValue(status), Category: types.StringValue(category), PreviousCategory: types.StringNull()}
		if previous != "" {
			m.PreviousCategory = types.StringValue(previous)
		}
		return m
	}
	hoursAgo := func(h ...int) []time.Time {
		var out []time.Time
		for _, n := range h {
			out = append(out, now.Add(-time.Duration(n)*time.Hour))
		}
		return out
	}
	for _, tc := range []struct {
		name        string
		plan, state messageTemplateModel
		prior       []time.Time
		want        string
	}{
		{"approved, never edited", model("", "UTILITY", ""), model("APPROVED", "UTILITY", ""), nil, ""},
		{"rejected", model("", "UTILITY", ""), model("REJECTED", "UTILITY", ""), hoursAgo(1), ""},
		{"pending", model("", "UTILITY", ""), model("PENDING", "UTILITY", ""), nil, `Template "promo" is PENDING: Meta edits only APPROVED, REJECTED or PAUSED templates. Wait until Meta's review ends`},
		{"disabled", model("", "UTILITY", ""), model("DISABLED", "UTILITY", ""), nil, "A disabled template cannot be edited"},
		{"pending, category Meta chose", model("", "UTILITY", ""), model("PENDING", "MARKETING", ""), nil, `Graph holds the template as MARKETING: if Meta chose that category, set category = "MARKETING" to accept it.`},
		{"category of an approved template", model("", "UTILITY", ""), model("APPROVED", "MARKETING", ""), nil, "does not allow the category of an approved template to change (MARKETING to UTILITY)"},
		{"category Meta changed", model("", "UTILITY", ""), model("APPROVED", "MARKETING", "UTILITY"), nil, `Meta itself moved it from UTILITY to MARKETING: set category = "MARKETING"`},
		{"edited 3 hours ago", model("", "UTILITY", ""), model("APPROVED", "UTILITY", ""), hoursAgo(3, 100), "The edit becomes possible at 2026-12-01T09:00:00Z"},
		{"ten edits in 30 days", model("", "UTILITY", ""), model("APPROVED", "UTILITY", ""), hoursAgo(25, 50, 75, 100, 125, 150, 175, 200, 225, 700),
			"edited 10 times in the last 30 days: Meta allows 10. The next edit becomes possible at 2026-12-01T08:00:00Z"},
		{"old edits do not count", model("", "UTILITY", ""), model("APPROVED", "UTILITY", ""), hoursAgo(25, 50, 75, 100, 125, 150, 175, 200, 225, 800), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			checkEditable(tc.plan, tc.state, tc.prior, now, &diags)
			switch {
			case tc.want == "" && diags.HasError():
				t.Errorf("refused: %v", diags)
			case tc.want != "" && (len(diags.Errors()) != 1 || !strings.Contains(diags.Errors()[0].Detail(), tc.want)):
				t.Errorf("diagnostics %v\nwant one error containing %q", diags, tc.want)
			}
		})
	}
}
