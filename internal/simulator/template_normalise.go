package simulator

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// How Graph reads a template's components back, which is not quite how
// they were sent. A client that compares what it sent with what it reads
// must absorb each of these rules:
//
//   - component type, HEADER format and button type are capitals, however
//     they were sent ("body" reads "BODY");
//   - a media HEADER's example.header_handle reads as the file's CDN
//     address, not the upload handle sent; the address is made when the
//     template is created or edited and stays the same until the next edit;
//   - an AUTHENTICATION BODY reads with Meta's text, "*{{1}}* is your
//     verification code.", followed by " For your security, do not share
//     this code." when add_security_recommendation is true, and with
//     example.body_text [["123456"]];
//   - an AUTHENTICATION FOOTER reads with the text "This code expires in N
//     minutes." beside code_expiration_minutes;
//   - an OTP button reads as a URL button: text as sent or "Copy code",
//     url https://www.whatsapp.com/otp/code/?otp_type=<OTP_TYPE>&code=otp{{1}}
//     (the otp_type in capitals inside the URL, no otp_type member) and
//     example [that URL with otp123456]; package_name, signature_hash,
//     supported_apps and the other members sent are kept;
//   - a PHONE_NUMBER button's phone_number gains a leading "+";
//   - a URL button whose url has no variable has no example;
//   - members sent empty (null, "", [] or {}) are left out, and everything
//     else reads as sent. CAROUSEL and LIMITED_TIME_OFFER components read
//     exactly as sent, but for their type.

const (
	authBodyText      = "*{{1}}* is your verification code."
	authSecurityText  = " For your security, do not share this code."
	authCodeExample   = "123456"
	otpURLFormat      = "https://www.whatsapp.com/otp/code/?otp_type=%s&code=otp%s"
	minCodeExpiration = 1
	maxCodeExpiration = 90
	otpVariable       = "{{1}}"
)

// mediaExtensions name a CDN address's file by the uploaded file's type.
var mediaExtensions = map[string]string{
	"image/jpeg": "jpg", "image/jpg": "jpg", "image/png": "png", "video/mp4": "mp4", "application/pdf": "pdf",
}

// keptMembers copies a component or button without its empty members,
// its type in capitals.
func keptMembers(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if !isEmptyMember(v) {
			out[k] = v
		}
	}
	if t, ok := out["type"].(string); ok {
		out["type"] = strings.ToUpper(t)
	}
	return out
}

// isEmptyMember reports whether a member was sent without a value.
func isEmptyMember(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// withPlus gives a phone number the leading "+" Graph reads back.
func withPlus(phone string) string {
	if strings.HasPrefix(phone, "+") {
		return phone
	}
	return "+" + phone
}

// authBody checks an AUTHENTICATION BODY, which carries no text of its own
// (Meta writes it), only add_security_recommendation.
func authBody(m map[string]any) (map[string]any, *graphError) {
	for key := range m {
		if key != "type" && key != "add_security_recommendation" {
			return nil, errComponent("an AUTHENTICATION BODY takes only add_security_recommendation, not %s: Meta writes its text", key)
		}
	}
	out := keptMembers(m)
	text := authBodyText
	switch v := m["add_security_recommendation"].(type) {
	case nil:
	case bool:
		if v {
			text += authSecurityText
		}
	default:
		return nil, errComponent("BODY add_security_recommendation must be true or false")
	}
	out["text"] = text
	out["example"] = map[string]any{"body_text": []any{[]any{authCodeExample}}}
	return out, nil
}

// authFooter checks an AUTHENTICATION FOOTER, which carries
// code_expiration_minutes (1 to 90) instead of text.
func authFooter(m map[string]any) (map[string]any, *graphError) {
	for key := range m {
		if key != "type" && key != "code_expiration_minutes" {
			return nil, errComponent("an AUTHENTICATION FOOTER takes only code_expiration_minutes, not %s: Meta writes its text", key)
		}
	}
	n, ok := m["code_expiration_minutes"].(json.Number)
	minutes, err := n.Int64()
	if !ok || err != nil || minutes < minCodeExpiration || minutes > maxCodeExpiration {
		return nil, errComponent("FOOTER code_expiration_minutes must be a whole number of minutes from %d to %d", minCodeExpiration, maxCodeExpiration)
	}
	out := keptMembers(m)
	out["code_expiration_minutes"] = minutes
	out["text"] = fmt.Sprintf("This code expires in %d minutes.", minutes)
	return out, nil
}

// otpReadBack is an OTP button as Graph reads it back: a URL button.
func otpReadBack(b map[string]any, otpType string) map[string]any {
	out := keptMembers(b)
	delete(out, "otp_type")
	out["type"] = "URL"
	if _, ok := out["text"]; !ok {
		out["text"] = defaultOTPButtonText
	}
	out["url"] = fmt.Sprintf(otpURLFormat, otpType, otpVariable)
	out["example"] = []any{fmt.Sprintf(otpURLFormat, otpType, authCodeExample)}
	return out
}

// templateComponentCheck is the check of a create or edit by the call's
// app: a media header's handle must be one the upload API gave that app,
// for a file of the header's kind. The caller holds s.mu.
func (s *Server) templateComponentCheck(c *call, category, format string) componentCheck {
	return componentCheck{category: category, format: format, media: func(handle, headerFormat string) (string, bool) {
		file, ok := s.uploads.files[handle]
		if !ok || file.appID != c.appID || !mediaSuits(headerFormat, file.fileType) {
			return "", false
		}
		return s.newTemplateMediaURL(c.now, file.fileType), true
	}}
}

// mediaSuits reports whether an uploaded file's type fits a media header.
func mediaSuits(headerFormat, fileType string) bool {
	switch headerFormat {
	case "IMAGE":
		return strings.HasPrefix(fileType, "image/")
	case "VIDEO":
		return strings.HasPrefix(fileType, "video/")
	case "DOCUMENT":
		return fileType == "application/pdf"
	}
	return false
}

// newTemplateMediaURL is a fake CDN address shaped like those Graph reads
// media header examples back as; nothing fetches it. It comes from the
// seeded generator, so recordings repeat. The caller holds s.mu.
func (s *Server) newTemplateMediaURL(now time.Time, fileType string) string {
	ext := mediaExtensions[fileType]
	const digits = "0123456789"
	return fmt.Sprintf("https://scontent.whatsapp.net/v/t61.29466-34/%s_%s_%s_n.%s?ccb=1-7&_nc_sid=8b1bef&_nc_ohc=%s&_nc_ht=scontent.whatsapp.net&edm=AH51TzQEAAAA&oh=01_%s&oe=%X",
		s.randomText(digits, 9), s.randomText(digits, 16), s.randomText(digits, 19), ext,
		s.randomText(urlSafeAlphabet, 16), s.randomText(urlSafeAlphabet, 40), now.Add(30*24*time.Hour).Unix())
}
