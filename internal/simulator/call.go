package simulator

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// latestVersion is reported in facebook-api-version when the request named
// no valid version.
const latestVersion = "v26.0"

var versionPattern = regexp.MustCompile(`^v\d+\.\d+$`)

// Route templates, used as keys of Counts and in the request log.
const (
	tmplApp              = "/app"
	tmplWABA             = "/{waba-id}"
	tmplSubscribedApps   = "/{waba-id}/subscribed_apps"
	tmplAssignedUsers    = "/{waba-id}/assigned_users"
	tmplPhoneNumbers     = "/{waba-id}/phone_numbers"
	tmplMessageTemplates = "/{waba-id}/message_templates"
	tmplAppSubscriptions = "/{app-id}/subscriptions"
	tmplOwnedWABAs       = "/{business-id}/owned_whatsapp_business_accounts"
	tmplClientWABAs      = "/{business-id}/client_whatsapp_business_accounts"
	tmplPhoneNumber      = "/{phone-number-id}"
	tmplUnknown          = "unknown"
)

// call carries everything known about one API request while it is served.
type call struct {
	r        *http.Request
	method   string
	version  string   // "" when the path has no valid version prefix
	segs     []string // path segments after the version
	bare     string   // path without the version prefix, matched by faults
	template string
	trace    string
	now      time.Time

	params   url.Values // query, then body parameters on top
	token    string
	appID    string
	scopes   []string
	appToken bool
}

func newCall(r *http.Request, trace string, now time.Time) *call {
	c := &call{r: r, method: r.Method, trace: trace, now: now}
	segs := splitPath(r.URL.Path)
	if len(segs) > 0 && versionPattern.MatchString(segs[0]) {
		c.version = segs[0]
		segs = segs[1:]
	}
	c.segs = segs
	c.bare = "/" + strings.Join(segs, "/")
	if c.version != "" {
		c.template = templateFor(segs)
	} else {
		c.template = tmplUnknown
	}
	return c
}

func splitPath(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func templateFor(segs []string) string {
	if t := qrCodeTemplate(segs); t != "" {
		return t
	}
	if t := uploadTemplate(segs); t != "" {
		return t
	}
	switch len(segs) {
	case 1:
		if segs[0] == "app" {
			return tmplApp
		}
		if isNumericID(segs[0]) {
			return tmplWABA
		}
	case 2:
		if !isNumericID(segs[0]) {
			break
		}
		switch segs[1] {
		case "subscribed_apps":
			return tmplSubscribedApps
		case "assigned_users":
			return tmplAssignedUsers
		case "phone_numbers":
			return tmplPhoneNumbers
		case "message_templates":
			return tmplMessageTemplates
		case "subscriptions":
			return tmplAppSubscriptions
		case "owned_whatsapp_business_accounts":
			return tmplOwnedWABAs
		case "client_whatsapp_business_accounts":
			return tmplClientWABAs
		case "conversational_automation":
			return tmplConversationalAutomation
		case "whatsapp_business_profile":
			return tmplBusinessProfile
		}
	}
	return tmplUnknown
}

func isNumericID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (c *call) headerVersion() string {
	if c.version != "" {
		return c.version
	}
	return latestVersion
}

// wabaID is the WABA a WABA-scoped route addresses, or "".
func (c *call) wabaID() string {
	if strings.HasPrefix(c.template, "/{waba-id}") {
		return c.segs[0]
	}
	return ""
}

func (c *call) hasScopes(want ...string) bool {
	for _, w := range want {
		if !slices.Contains(c.scopes, w) {
			return false
		}
	}
	return true
}
