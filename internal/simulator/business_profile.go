package simulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A phone number's business profile, /{phone-number-id}/whatsapp_business_profile:
// GET reads it, POST changes the fields it is given and keeps the others.
// Every number has one and nothing deletes it: one nobody set reads as
// {"messaging_product":"whatsapp","vertical":"UNDEFINED"}. It is kept in the
// number's seed data as whatsapp_business_profile {about, address,
// description, email, websites, vertical, profile_picture_url}, where a seed
// can set it and /_sim/state shows it. Asked as a field of the number's node
// or of the phone_numbers edge, it answers like the edge inlined,
// {"data":[profile]}, the shape public client code reads.

const tmplBusinessProfile = "/{phone-number-id}/whatsapp_business_profile"

// Limits from Meta's business profile reference.
const (
	maxProfileAbout       = 139
	maxProfileAddress     = 256
	maxProfileDescription = 512
	maxProfileEmail       = 128
	maxProfileWebsites    = 2
	maxProfileWebsite     = 256
)

// profileVerticals is the union of the values on Meta's business profile
// reference page and in its OpenAPI description's WhatsAppBusinessVertical:
// each lists some the other does not.
var profileVerticals = []string{
	"UNDEFINED", "OTHER", "AUTO", "BEAUTY", "APPAREL", "EDU", "ENTERTAIN", "EVENT_PLAN", "FINANCE",
	"GROCERY", "GOVT", "HOTEL", "HEALTH", "NONPROFIT", "PROF_SERVICES", "RETAIL", "TRAVEL",
	"RESTAURANT", "NOT_A_BIZ", "ALCOHOL", "ONLINE_GAMBLING", "PHYSICAL_GAMBLING", "OTC_DRUGS",
}

// businessProfileFields are the fields a read may ask for, and the ones it
// answers when none is asked. messaging_product is answered either way.
var businessProfileFields = []string{
	"messaging_product", "about", "address", "description", "email", "profile_picture_url", "websites", "vertical",
}

// businessProfileObject checks the fields of a read and the sub-fields of
// whatsapp_business_profile{...}.
var businessProfileObject = &objectType{
	node:   "WhatsAppBusinessProfile",
	fields: setOf(businessProfileFields...),
}

// Parameters POST whatsapp_business_profile takes, and the credentials any
// request may carry.
var (
	profileParams    = setOf("messaging_product", "about", "address", "description", "email", "websites", "vertical", "profile_picture_handle")
	credentialParams = setOf("access_token", "appsecret_proof", "appsecret_time")
)

// errNoSuchPhoneNumber is reported by SetBusinessProfile, so /_sim/ can
// answer 404.
var errNoSuchPhoneNumber = errors.New("unknown phone number")

// serveBusinessProfile handles /{phone-number-id}/whatsapp_business_profile.
// The number answers like its WABA: 100/33 to a token that cannot see it,
// counted against the WABA's budget.
func (s *Server) serveBusinessProfile(c *call) response {
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
	case c.method == http.MethodGet:
		resp = s.getBusinessProfile(c, phone)
	case c.method == http.MethodPost:
		resp = s.postBusinessProfile(c, phone)
	default:
		resp = errorResponse(errUnknownObject(c.method, c.segs[0]))
	}
	resp.setHeader("X-Business-Use-Case-Usage", buc)
	return resp
}

// getBusinessProfile serves GET: the profile as a one-item list. The caller
// holds s.mu.
func (s *Server) getBusinessProfile(c *call, phone map[string]any) response {
	fields := parseFields(c.params.Get("fields"))
	if gerr := businessProfileObject.check(fields); gerr != nil {
		return errorResponse(gerr)
	}
	return jsonResponse(map[string]any{"data": []any{s.profileItem(phone, fields)}})
}

// profileItem is the number's profile as a read answers it: messaging_product
// and each asked field that has a value (every field when none is asked), in
// the shape business_profile_shape chooses. The caller holds s.mu.
func (s *Server) profileItem(phone map[string]any, fields []fieldSpec) map[string]any {
	if len(fields) == 0 {
		fields = fieldSpecs(businessProfileFields)
	}
	full := map[string]any{"messaging_product": "whatsapp", "vertical": "UNDEFINED"}
	for k, v := range storedProfile(phone) {
		if hasValue(v) {
			full[k] = v
		}
	}
	out := map[string]any{"messaging_product": "whatsapp"}
	for _, f := range fields {
		if v, ok := full[f.name]; ok {
			out[f.name] = v
		}
	}
	if s.settings.BusinessProfileShape == BusinessProfileNested {
		return map[string]any{"business_profile": out}
	}
	return out
}

// storedProfile is the profile kept in the number's data, nil when none was
// set. It is replaced, never changed in place, since answers share it.
func storedProfile(phone map[string]any) map[string]any {
	p, _ := phone["whatsapp_business_profile"].(map[string]any)
	return p
}

// hasValue reports whether a stored field is set: an empty text or list is
// a cleared field.
func hasValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case []string:
		return len(x) > 0
	}
	return true
}

// withBusinessProfiles puts each number's whatsapp_business_profile into its
// projected item when fields asks for it, as the edge inlined. Its shape
// follows the settings, so it is computed here rather than stored. The
// caller holds s.mu.
func (s *Server) withBusinessProfiles(w *WABA, items []any, fields []fieldSpec) []any {
	i := slices.IndexFunc(fields, func(f fieldSpec) bool { return f.name == "whatsapp_business_profile" })
	if i < 0 {
		return items
	}
	for _, item := range items {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		id := fmt.Sprint(m["id"])
		if j := slices.IndexFunc(w.PhoneNumbers, func(p map[string]any) bool { return fmt.Sprint(p["id"]) == id }); j >= 0 {
			m["whatsapp_business_profile"] = map[string]any{"data": []any{s.profileItem(w.PhoneNumbers[j], fields[i].subFields())}}
		}
	}
	return items
}

// postBusinessProfile serves POST. It checks every parameter first, then
// applies those present: an empty text or list clears its field, except
// about, which cannot be empty. The caller holds s.mu.
func (s *Server) postBusinessProfile(c *call, phone map[string]any) response {
	for _, k := range slices.Sorted(maps.Keys(c.params)) {
		// Meta documents the parameters, not the answer to others: the
		// wording is the simulator's own.
		if !profileParams[k] && !credentialParams[k] {
			return errorResponse(errParam("Param %s is not a valid parameter of whatsapp_business_profile", k))
		}
	}
	switch product, given := c.params["messaging_product"]; {
	case !given:
		return errorResponse(errParam("The parameter messaging_product is required"))
	case product[0] != "whatsapp":
		return errorResponse(errParam("Param messaging_product must be whatsapp"))
	}
	changes := map[string]any{}
	for _, field := range []string{"about", "address", "description", "email", "vertical"} {
		if raw, ok := c.params[field]; ok {
			if problem := checkProfileText(field, raw[0]); problem != "" {
				return errorResponse(errParam("Param %s", problem))
			}
			changes[field] = raw[0]
		}
	}
	if raw, ok := c.params["websites"]; ok {
		sites := parseList(raw)
		if problem := checkProfileWebsites(sites); problem != "" {
			return errorResponse(errParam("Param %s", problem))
		}
		changes["websites"] = stringsToAny(sites)
	}
	if raw, ok := c.params["profile_picture_handle"]; ok {
		file, found := s.uploads.files[raw[0]]
		if !found || file.appID != c.appID || !strings.HasPrefix(file.fileType, "image/") {
			return errorResponse(errParam("Invalid profile_picture_handle"))
		}
		changes["profile_picture_url"] = s.newProfilePictureURL(c.now)
	}
	next := maps.Clone(storedProfile(phone))
	if next == nil {
		next = map[string]any{}
	}
	for k, v := range changes {
		if hasValue(v) {
			next[k] = v
		} else {
			delete(next, k)
		}
	}
	phone["whatsapp_business_profile"] = next
	return jsonResponse(s.successBody())
}

// checkProfileText says what is wrong with a new value of a text field, or
// returns "".
func checkProfileText(field, v string) string {
	n := utf8.RuneCountInString(v)
	switch field {
	case "about":
		if n < 1 || n > maxProfileAbout {
			return fmt.Sprintf("about must be between 1 and %d characters long", maxProfileAbout)
		}
	case "address":
		if n > maxProfileAddress {
			return fmt.Sprintf("address must be at most %d characters long", maxProfileAddress)
		}
	case "description":
		if n > maxProfileDescription {
			return fmt.Sprintf("description must be at most %d characters long", maxProfileDescription)
		}
	case "email":
		if n > maxProfileEmail {
			return fmt.Sprintf("email must be at most %d characters long", maxProfileEmail)
		}
		if local, domain, ok := strings.Cut(v, "@"); v != "" && (!ok || local == "" || domain == "" || strings.Contains(domain, "@")) {
			return "email must be an email address, with one @ and text on both sides"
		}
	case "vertical":
		if !slices.Contains(profileVerticals, v) {
			return fmt.Sprintf("vertical must be one of {%s}", strings.Join(profileVerticals, ", "))
		}
	}
	return ""
}

// checkProfileWebsites says what is wrong with a new websites list, or
// returns "".
func checkProfileWebsites(sites []string) string {
	if len(sites) > maxProfileWebsites {
		return fmt.Sprintf("websites must have at most %d elements", maxProfileWebsites)
	}
	for i, site := range sites {
		if !hasHTTPScheme(site) {
			return fmt.Sprintf("websites[%d] must start with http:// or https://", i)
		}
		if utf8.RuneCountInString(site) > maxProfileWebsite {
			return fmt.Sprintf("websites[%d] must be at most %d characters long", i, maxProfileWebsite)
		}
	}
	return ""
}

// hasHTTPScheme reports whether u starts with http:// or https:// and has
// something after it.
func hasHTTPScheme(u string) bool {
	lower := strings.ToLower(u)
	for _, scheme := range []string{"http://", "https://"} {
		if strings.HasPrefix(lower, scheme) && len(u) > len(scheme) {
			return true
		}
	}
	return false
}

func stringsToAny(in []string) []any {
	out := make([]any, len(in))
	for i, v := range in {
		out[i] = v
	}
	return out
}

// newProfilePictureURL is a fake CDN address shaped like the ones Graph
// answers, new for every picture; nothing ever fetches it. It comes from
// the simulator's seeded generator, so recordings repeat. The caller holds
// s.mu.
func (s *Server) newProfilePictureURL(now time.Time) string {
	const digits = "0123456789"
	return fmt.Sprintf("https://pps.whatsapp.net/v/t61.24694-24/%s_%s_%s_n.jpg?oh=01_%s&oe=%X",
		s.randomText(digits, 9), s.randomText(digits, 16), s.randomText(digits, 19),
		s.randomText(urlSafeAlphabet, 40), now.Add(30*24*time.Hour).Unix())
}

// seededProfile is a whatsapp_business_profile as a seed or POST
// /_sim/business_profile gives it.
type seededProfile struct {
	About             *string  `json:"about,omitempty"`
	Address           *string  `json:"address,omitempty"`
	Description       *string  `json:"description,omitempty"`
	Email             *string  `json:"email,omitempty"`
	Websites          []string `json:"websites,omitempty"`
	Vertical          *string  `json:"vertical,omitempty"`
	ProfilePictureURL *string  `json:"profile_picture_url,omitempty"`
}

// parseSeededProfile checks a profile against the rules POST applies (and
// profile_picture_url, which only a seed or an admin call sets directly)
// and returns it as the number's data keeps it.
func parseSeededProfile(v any) (map[string]any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var p seededProfile
	if err := decodeStrict(data, &p); err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, f := range []struct {
		name  string
		value *string
	}{{"about", p.About}, {"address", p.Address}, {"description", p.Description}, {"email", p.Email}, {"vertical", p.Vertical}} {
		if f.value == nil {
			continue
		}
		if problem := checkProfileText(f.name, *f.value); problem != "" {
			return nil, errors.New(problem)
		}
		if *f.value != "" {
			out[f.name] = *f.value
		}
	}
	if problem := checkProfileWebsites(p.Websites); problem != "" {
		return nil, errors.New(problem)
	}
	if len(p.Websites) > 0 {
		out["websites"] = stringsToAny(p.Websites)
	}
	if p.ProfilePictureURL != nil && *p.ProfilePictureURL != "" {
		if !hasHTTPScheme(*p.ProfilePictureURL) {
			return nil, errors.New("profile_picture_url must start with http:// or https://")
		}
		out["profile_picture_url"] = *p.ProfilePictureURL
	}
	return out, nil
}

// validateProfiles checks the business profile of each seeded number.
func (w WABA) validateProfiles() error {
	for _, phone := range w.PhoneNumbers {
		v, ok := phone["whatsapp_business_profile"]
		if !ok {
			continue
		}
		if _, err := parseSeededProfile(v); err != nil {
			return fmt.Errorf("phone number %v: whatsapp_business_profile: %w", phone["id"], err)
		}
	}
	return nil
}

// SetBusinessProfile replaces a number's business profile behind the API's
// back, to simulate a change made in WhatsApp Manager. The profile uses the
// seed's keys and rules; an empty one leaves only the defaults.
func (s *Server) SetBusinessProfile(phoneNumberID string, profile map[string]any) error {
	next, err := parseSeededProfile(profile)
	if err != nil {
		return fmt.Errorf("whatsapp_business_profile: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w, phone := s.st.phoneNumber(phoneNumberID)
	if w == nil {
		return fmt.Errorf("%w %q", errNoSuchPhoneNumber, phoneNumberID)
	}
	phone["whatsapp_business_profile"] = next
	return nil
}
