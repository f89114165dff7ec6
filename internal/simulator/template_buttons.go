package simulator

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Buttons of a BUTTONS component, with the limits of Meta's template
// pages. OTP buttons belong to AUTHENTICATION templates, which have exactly
// one button, an OTP one.

const (
	maxButtons           = 10
	maxButtonText        = 25
	maxButtonURL         = 2000
	maxButtonPhone       = 20
	maxCopyCodeExample   = 15
	maxURLButtons        = 2
	maxPhoneButtons      = 1
	maxCopyCodeButtons   = 1
	defaultOTPButtonText = "Copy code"
)

var (
	buttonTypes = []string{"QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW", "CATALOG", "MPM"}
	otpTypes    = []string{"COPY_CODE", "ONE_TAP", "ZERO_TAP"}
	flowActions = []string{"NAVIGATE", "DATA_EXCHANGE"}
)

// buttons checks the list and each button, and counts the kinds Meta
// limits.
func (k componentCheck) buttons(m map[string]any) (map[string]any, *graphError) {
	list, _ := m["buttons"].([]any)
	switch {
	case len(list) == 0:
		return nil, errComponent("BUTTONS needs a non-empty buttons list")
	case len(list) > maxButtons:
		return nil, errComponent("BUTTONS may have at most %d buttons, not %d", maxButtons, len(list))
	case k.auth() && len(list) != 1:
		return nil, errComponent("an AUTHENTICATION template has exactly one button, of type OTP")
	}
	counts := map[string]int{}
	out := keptMembers(m)
	built := make([]any, 0, len(list))
	for i, v := range list {
		b, ok := v.(map[string]any)
		if !ok {
			return nil, errComponent("buttons[%d] must be an object", i)
		}
		typ, gerr := stringMember(b, "type", fmt.Sprintf("buttons[%d]", i))
		if gerr != nil {
			return nil, gerr
		}
		typ = strings.ToUpper(typ)
		if !slices.Contains(buttonTypes, typ) {
			return nil, errComponent("buttons[%d].type must be one of {%s}", i, strings.Join(buttonTypes, ", "))
		}
		if (typ == "OTP") != k.auth() {
			return nil, errComponent("buttons[%d]: OTP buttons are for AUTHENTICATION templates, which take no other button", i)
		}
		counts[typ]++
		norm, gerr := button(fmt.Sprintf("buttons[%d] (%s)", i, typ), typ, b)
		if gerr != nil {
			return nil, gerr
		}
		built = append(built, norm)
	}
	for _, limit := range []struct {
		typ string
		max int
	}{{"URL", maxURLButtons}, {"PHONE_NUMBER", maxPhoneButtons}, {"COPY_CODE", maxCopyCodeButtons}} {
		if counts[limit.typ] > limit.max {
			return nil, errComponent("a template may have at most %d %s button(s), not %d", limit.max, limit.typ, counts[limit.typ])
		}
	}
	out["buttons"] = built
	return out, nil
}

// button checks one button and builds it as reads answer it.
func button(where, typ string, b map[string]any) (map[string]any, *graphError) {
	if typ == "OTP" {
		return otpButton(where, b)
	}
	out := keptMembers(b)
	textRequired := typ != "COPY_CODE"
	if gerr := buttonText(where, b, textRequired); gerr != nil {
		return nil, gerr
	}
	switch typ {
	case "URL":
		return urlButton(where, b, out)
	case "PHONE_NUMBER":
		phone, gerr := stringMember(b, "phone_number", where)
		switch {
		case gerr != nil:
			return nil, gerr
		case phone == "":
			return nil, errComponent("%s phone_number is required", where)
		case utf8.RuneCountInString(phone) > maxButtonPhone:
			return nil, errComponent("%s phone_number must be at most %d characters", where, maxButtonPhone)
		}
		out["phone_number"] = withPlus(phone)
	case "COPY_CODE":
		example, gerr := stringMember(b, "example", where)
		if gerr != nil {
			return nil, gerr
		}
		if example == "" || utf8.RuneCountInString(example) > maxCopyCodeExample {
			return nil, errComponent("%s example is required: the code, at most %d characters", where, maxCopyCodeExample)
		}
	case "FLOW":
		if gerr := flowButton(where, b); gerr != nil {
			return nil, gerr
		}
	}
	return out, nil
}

// buttonText checks a button's label.
func buttonText(where string, b map[string]any, required bool) *graphError {
	text, gerr := stringMember(b, "text", where)
	switch {
	case gerr != nil:
		return gerr
	case text == "" && required:
		return errComponent("%s text is required", where)
	case utf8.RuneCountInString(text) > maxButtonText:
		return errComponent("%s text must be at most %d characters", where, maxButtonText)
	}
	return nil
}

// urlButton checks a URL of at most 2000 characters. It may end with the
// variable {{1}}, which then needs an example: the full URL.
func urlButton(where string, b, out map[string]any) (map[string]any, *graphError) {
	url, gerr := stringMember(b, "url", where)
	switch {
	case gerr != nil:
		return nil, gerr
	case !hasHTTPScheme(url):
		return nil, errComponent("%s url is required and must start with http:// or https://", where)
	case utf8.RuneCountInString(url) > maxButtonURL:
		return nil, errComponent("%s url must be at most %d characters", where, maxButtonURL)
	}
	vars := variablePattern.FindAllString(url, -1)
	switch {
	case len(vars) == 0:
		// Read back without an example, whatever was sent.
		delete(out, "example")
	case len(vars) > 1 || vars[0] != "{{1}}" || !strings.HasSuffix(url, "{{1}}"):
		return nil, errComponent("%s url may have one variable, {{1}}, at its end", where)
	default:
		examples, _ := b["example"].([]any)
		full := ""
		if len(examples) == 1 {
			full, _ = examples[0].(string)
		}
		if full == "" {
			return nil, errComponent("%s url has the variable {{1}}, so example must be a list with one full URL", where)
		}
	}
	return out, nil
}

// flowButton checks that a FLOW button names its flow one way only.
func flowButton(where string, b map[string]any) *graphError {
	named := 0
	for _, key := range []string{"flow_id", "flow_name", "flow_json"} {
		if !isEmptyMember(b[key]) {
			named++
		}
	}
	if named != 1 {
		return errComponent("%s needs exactly one of flow_id, flow_name or flow_json", where)
	}
	action, gerr := stringMember(b, "flow_action", where)
	if gerr != nil {
		return gerr
	}
	if action != "" && !slices.Contains(flowActions, strings.ToUpper(action)) {
		return errComponent("%s flow_action must be one of {%s}", where, strings.Join(flowActions, ", "))
	}
	_, gerr = stringMember(b, "navigate_screen", where)
	return gerr
}

// otpButton checks an OTP button: ONE_TAP and ZERO_TAP need the Android
// app, as package_name and signature_hash or as supported_apps.
func otpButton(where string, b map[string]any) (map[string]any, *graphError) {
	otpType, gerr := stringMember(b, "otp_type", where)
	if gerr != nil {
		return nil, gerr
	}
	otpType = strings.ToUpper(otpType)
	if !slices.Contains(otpTypes, otpType) {
		return nil, errComponent("%s otp_type must be one of {%s}", where, strings.Join(otpTypes, ", "))
	}
	if gerr := buttonText(where, b, false); gerr != nil {
		return nil, gerr
	}
	if otpType != "COPY_CODE" && !namesAndroidApp(b) {
		return nil, errComponent("%s: a %s button needs package_name and signature_hash, or supported_apps [{package_name, signature_hash}]", where, otpType)
	}
	return otpReadBack(b, otpType), nil
}

// namesAndroidApp reports whether an OTP button names the app to fill the
// code into.
func namesAndroidApp(b map[string]any) bool {
	pkg, _ := b["package_name"].(string)
	sig, _ := b["signature_hash"].(string)
	if pkg != "" && sig != "" {
		return true
	}
	apps, _ := b["supported_apps"].([]any)
	for _, a := range apps {
		m, _ := a.(map[string]any)
		pkg, _ := m["package_name"].(string)
		sig, _ := m["signature_hash"].(string)
		if pkg == "" || sig == "" {
			return false
		}
	}
	return len(apps) > 0
}
