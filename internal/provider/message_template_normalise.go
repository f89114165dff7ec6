package provider

import (
	"encoding/json"
	"net/url"
	"sort"
	"strings"
)

// Graph answers a template's components in a normalised form that differs
// from what was sent: types and formats in upper case, media examples as
// CDN URLs instead of upload handles, the texts of an authentication
// template written by Meta, an OTP button as a URL button, a phone number
// with a "+". canonicalComponents reduces both forms to what they mean, so
// that only a real difference shows in a plan.

// componentOrder is the order components are compared in: Graph may answer
// them in an order of its own.
var componentOrder = map[string]int{"HEADER": 0, "LIMITED_TIME_OFFER": 1, "BODY": 2, "FOOTER": 3, "BUTTONS": 4, "CAROUSEL": 5}

// canonicalComponents is the comparison form of a components array. In an
// authentication template Meta writes the body and footer texts itself.
func canonicalComponents(components []map[string]any, authentication bool) string {
	out := make([]any, 0, len(components))
	for _, c := range components {
		if n := canonicalComponent(c, authentication); len(n) > 0 {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := jsonText(jsonMember(out[i], "type")), jsonText(jsonMember(out[j], "type"))
		oa, aok := componentOrder[a]
		ob, bok := componentOrder[b]
		switch {
		case aok && bok:
			return oa < ob
		case aok != bok:
			return aok
		default:
			return a < b
		}
	})
	data, _ := json.Marshal(out) // maps marshal with sorted keys
	return string(data)
}

func canonicalComponent(c map[string]any, authentication bool) map[string]any {
	n := canonicalMembers(c)
	typ := strings.ToUpper(jsonText(n["type"]))
	n["type"] = typ
	if f, ok := n["format"]; ok {
		n["format"] = strings.ToUpper(jsonText(f))
	}
	// Examples are not compared: a media example comes back as a URL,
	// and Meta may rewrite the others.
	delete(n, "example")
	switch typ {
	case "BODY":
		if authentication {
			delete(n, "text") // written by Meta
		}
	case "FOOTER":
		if authentication {
			delete(n, "text") // written by Meta
		}
		if v, ok := n["code_expiration_minutes"]; ok {
			n["code_expiration_minutes"] = jsonText(v)
		}
	case "BUTTONS":
		list, _ := n["buttons"].([]any)
		buttons := make([]any, 0, len(list))
		for _, raw := range list {
			if m, ok := raw.(map[string]any); ok {
				buttons = append(buttons, canonicalButton(m))
			}
		}
		n["buttons"] = buttons
	case "CAROUSEL":
		// Each card's components are normalised like the template's: a
		// card's media example comes back as a URL too.
		list, _ := n["cards"].([]any)
		cards := make([]any, 0, len(list))
		for _, raw := range list {
			card, ok := raw.(map[string]any)
			if !ok {
				continue
			}
			card = canonicalMembers(card)
			if comps, ok := card["components"].([]any); ok {
				normalised := make([]any, 0, len(comps))
				for _, c := range comps {
					if m, ok := c.(map[string]any); ok {
						normalised = append(normalised, canonicalComponent(m, false))
					}
				}
				card["components"] = normalised
			}
			cards = append(cards, card)
		}
		n["cards"] = cards
	}
	return n
}

func canonicalButton(m map[string]any) map[string]any {
	n := canonicalMembers(m)
	typ := strings.ToUpper(jsonText(n["type"]))
	if otp := otpTypeOfURL(jsonText(n["url"])); otp != "" {
		typ, n["otp_type"] = "OTP", otp
	}
	n["type"] = typ
	delete(n, "example")
	switch typ {
	case "OTP":
		return canonicalOTP(n)
	case "PHONE_NUMBER":
		n["phone_number"] = digitsOnly(jsonText(n["phone_number"]))
	}
	return n
}

// canonicalOTP is what was chosen for an OTP button: its type, and for a
// one-tap or zero-tap button the app and the autofill label. Meta answers
// its own label and URL, with the app in the URL's query (package_name,
// signature_hash, cta_display_name) or in supported_apps; the members sent
// are read from either.
func canonicalOTP(n map[string]any) map[string]any {
	out := map[string]any{"type": "OTP", "otp_type": strings.ToUpper(jsonText(n["otp_type"]))}
	query := url.Values{}
	if u, err := url.Parse(jsonText(n["url"])); err == nil {
		query = u.Query()
	}
	if apps, ok := n["supported_apps"].([]any); ok && len(apps) > 0 {
		for _, key := range []string{"package_name", "signature_hash"} {
			if v := jsonText(jsonMember(apps[0], key)); v != "" && query.Get(key) == "" {
				query.Set(key, v)
			}
		}
	}
	for member, param := range map[string]string{"package_name": "package_name", "signature_hash": "signature_hash", "autofill_text": "cta_display_name"} {
		v := jsonText(n[member])
		if v == "" {
			v = query.Get(param)
		}
		if v != "" {
			out[member] = v
		}
	}
	return out
}

// canonicalMembers copies m without empty members (null, "", false, empty
// lists and objects), which Graph leaves out.
func canonicalMembers(m map[string]any) map[string]any {
	n := make(map[string]any, len(m))
	for k, v := range m {
		switch t := v.(type) {
		case nil:
		case string:
			if t != "" {
				n[k] = t
			}
		case bool:
			if t {
				n[k] = t
			}
		case []any:
			if len(t) > 0 {
				n[k] = t
			}
		case map[string]any:
			if len(t) > 0 {
				n[k] = t
			}
		default:
			n[k] = jsonText(t)
		}
	}
	return n
}

func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// decodeComponents reads Graph's components JSON (ComponentsJSON), keeping
// numbers as written.
func decodeComponents(raw string) ([]map[string]any, error) {
	if raw == "" {
		return nil, nil
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var out []map[string]any
	err := dec.Decode(&out)
	return out, err
}
