package simulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A phone number's QR codes, /{phone-number-id}/message_qrdls and
// /{phone-number-id}/message_qrdls/{code}. They are kept in the number's
// seed data under message_qrdls, a list of {code, prefilled_message},
// where /_sim/state shows them and a seed can start with some.

const (
	tmplQRCodes = "/{phone-number-id}/message_qrdls"
	tmplQRCode  = "/{phone-number-id}/message_qrdls/{code}"
)

// qrCodeTemplate gives the QR code routes their templates, or "".
func qrCodeTemplate(segs []string) string {
	if len(segs) < 2 || segs[1] != "message_qrdls" || !isNumericID(segs[0]) {
		return ""
	}
	switch len(segs) {
	case 2:
		return tmplQRCodes
	case 3:
		return tmplQRCode
	}
	return ""
}

var (
	qrCodeFields     = setOf("code", "prefilled_message", "deep_link_url", "qr_image_url")
	qrImageFormats   = []string{"PNG", "SVG"}
	qrFormatPattern  = regexp.MustCompile(`qr_image_url\.format\(([^)]*)\)`)
	qrMessageMaxRune = 140
)

// serveQRCodes handles both routes. A number answers like its WABA: missing
// to a token that cannot see the WABA, and counted against the WABA's
// Business Use Case budget.
func (s *Server) serveQRCodes(c *call) response {
	if !c.hasScopes(scopeWABAManagement) {
		return errorResponse(errPermission())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w, phone := s.st.phoneNumber(c.segs[0])
	if w == nil || s.st.hidden(c.token, w.ID) {
		return errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	buc, gerr := s.admitWABACall(c.appID, w.ID, c.now)
	var resp response
	switch {
	case gerr != nil:
		resp = errorResponse(gerr)
	case c.template == tmplQRCodes && c.method == http.MethodGet:
		resp = s.listQRCodes(c, phone)
	case c.template == tmplQRCodes && c.method == http.MethodPost:
		resp = s.writeQRCode(c, phone)
	case c.template == tmplQRCode && c.method == http.MethodGet:
		resp = s.getQRCode(c, phone)
	case c.template == tmplQRCode && c.method == http.MethodDelete:
		resp = s.deleteQRCode(c, phone)
	default:
		resp = errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	resp.setHeader("X-Business-Use-Case-Usage", buc)
	return resp
}

// qrCodesOf is the number's codes, as kept in its data (a list of objects,
// so that a JSON seed and a clone keep the same shape).
func qrCodesOf(phone map[string]any) []any {
	codes, _ := phone["message_qrdls"].([]any)
	return codes
}

func qrCodeIndex(phone map[string]any, code string) int {
	return slices.IndexFunc(qrCodesOf(phone), func(v any) bool {
		m, _ := v.(map[string]any)
		return fmt.Sprint(m["code"]) == code
	})
}

// qrFormat reads the image format of a read's fields, PNG when none is
// asked for, as Graph defaults to.
func qrFormat(fields string) (string, *graphError) {
	m := qrFormatPattern.FindStringSubmatch(fields)
	if m == nil {
		return "PNG", nil
	}
	return checkQRFormat(m[1])
}

func checkQRFormat(format string) (string, *graphError) {
	format = strings.ToUpper(strings.TrimSpace(format))
	if !slices.Contains(qrImageFormats, format) {
		return "", errParam("Param generate_qr_image must be one of {PNG, SVG}")
	}
	return format, nil
}

// qrCodeItem is a code as Graph answers it, with an image URL in format.
// The URL is a fake CDN address that changes with the format.
func qrCodeItem(m map[string]any, format string, fields []fieldSpec) map[string]any {
	code := fmt.Sprint(m["code"])
	full := map[string]any{
		"code":              code,
		"prefilled_message": m["prefilled_message"],
		"deep_link_url":     "https://wa.me/message/" + code,
		"qr_image_url":      fmt.Sprintf("https://scontent.simulator.invalid/qr/%s.%s", code, strings.ToLower(format)),
	}
	return project(full, fields, []string{"code", "prefilled_message", "deep_link_url"}, nil)
}

func checkQRFields(fields []fieldSpec) *graphError {
	for _, f := range fields {
		if !qrCodeFields[f.name] {
			return errNonexistingField(f.name, "MessageQRDL")
		}
	}
	return nil
}

// listQRCodes serves GET /{phone-number-id}/message_qrdls, paged.
func (s *Server) listQRCodes(c *call, phone map[string]any) response {
	raw := c.params.Get("fields")
	fields := parseFields(raw)
	if gerr := checkQRFields(fields); gerr != nil {
		return errorResponse(gerr)
	}
	format, gerr := qrFormat(raw)
	if gerr != nil {
		return errorResponse(gerr)
	}
	items := make([]any, 0, len(qrCodesOf(phone)))
	for _, v := range qrCodesOf(phone) {
		m, _ := v.(map[string]any)
		items = append(items, qrCodeItem(m, format, fields))
	}
	return s.listResponse(c, items, listOptions{})
}

// getQRCode serves GET /{phone-number-id}/message_qrdls/{code}.
func (s *Server) getQRCode(c *call, phone map[string]any) response {
	raw := c.params.Get("fields")
	fields := parseFields(raw)
	if gerr := checkQRFields(fields); gerr != nil {
		return errorResponse(gerr)
	}
	format, gerr := qrFormat(raw)
	if gerr != nil {
		return errorResponse(gerr)
	}
	i := qrCodeIndex(phone, c.segs[2])
	if i < 0 {
		return errorResponse(errUnknownObject(c.method, c.segs[2]))
	}
	m, _ := qrCodesOf(phone)[i].(map[string]any)
	return jsonResponse(qrCodeItem(m, format, fields))
}

// writeQRCode serves POST /{phone-number-id}/message_qrdls: a new code, or
// with code, a new message for an existing one. Either answers the code
// with every field.
func (s *Server) writeQRCode(c *call, phone map[string]any) response {
	message := c.params.Get("prefilled_message")
	if message == "" {
		return errorResponse(errParam("The parameter prefilled_message is required"))
	}
	if utf8.RuneCountInString(message) > qrMessageMaxRune {
		return errorResponse(errParam("Param prefilled_message must be at most %d characters long", qrMessageMaxRune))
	}
	// generate_qr_image is optional (Meta's OpenAPI description,
	// CreateQrCodeRequest): without it the answer has no image URL.
	fields := []string{"code", "prefilled_message", "deep_link_url"}
	format := ""
	if raw := c.params.Get("generate_qr_image"); raw != "" {
		var gerr *graphError
		if format, gerr = checkQRFormat(raw); gerr != nil {
			return errorResponse(gerr)
		}
		fields = append(fields, "qr_image_url")
	}
	code := c.params.Get("code")
	if code == "" {
		code = s.newQRCode()
		phone["message_qrdls"] = append(qrCodesOf(phone), map[string]any{"code": code})
	}
	i := qrCodeIndex(phone, code)
	if i < 0 {
		return errorResponse(errUnknownObject(c.method, code))
	}
	m, _ := qrCodesOf(phone)[i].(map[string]any)
	m["prefilled_message"] = message
	return jsonResponse(qrCodeItem(m, format, fieldSpecs(fields)))
}

// deleteQRCode serves DELETE /{phone-number-id}/message_qrdls/{code}.
func (s *Server) deleteQRCode(c *call, phone map[string]any) response {
	i := qrCodeIndex(phone, c.segs[2])
	if i < 0 {
		return errorResponse(errUnknownObject(c.method, c.segs[2]))
	}
	phone["message_qrdls"] = slices.Delete(qrCodesOf(phone), i, i+1)
	return jsonResponse(s.successBody())
}

// newQRCode is a random-looking code of 14 characters from A-Z and 2-7,
// the pattern Meta's WhatsApp OpenAPI description gives a code
// (QrCodeResponse.code, ^[A-Z2-7]{14}$). It comes from the simulator's
// seeded generator, so recordings repeat. The caller holds s.mu.
func (s *Server) newQRCode() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	b := make([]byte, 14)
	for i := range b {
		b[i] = alphabet[s.rng.IntN(len(alphabet))]
	}
	return string(b)
}
