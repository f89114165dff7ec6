package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph/internal/pacing"
)

// Error is a failed Graph API call, decoded from Graph's error object when the
// response carried one. Fields keep Graph's names so that a user can search
// Meta's documentation for them.
type Error struct {
	HTTPStatus  int
	Method      string
	Path        string // the request path without its query
	Message     string
	Type        string
	Code        int
	Subcode     int
	UserTitle   string
	UserMessage string
	FBTraceID   string
	IsTransient bool
	// Details is error_data.details when Graph sent one (WhatsApp errors do).
	Details string
	// RetryAfter is how long Graph asked the caller to wait, from Retry-After
	// or the Business Use Case usage header, when it said so.
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Code != 0 {
		fmt.Fprintf(&b, "Graph API error %d", e.Code)
		if e.Subcode != 0 {
			fmt.Fprintf(&b, " (subcode %d)", e.Subcode)
		}
		if e.Type != "" {
			fmt.Fprintf(&b, " %s", e.Type)
		}
	} else {
		fmt.Fprintf(&b, "Graph API HTTP %d", e.HTTPStatus)
	}
	if e.Method != "" {
		fmt.Fprintf(&b, " on %s %s", e.Method, e.Path)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Details != "" && !strings.Contains(e.Message, e.Details) {
		fmt.Fprintf(&b, " (%s)", e.Details)
	}
	if e.FBTraceID != "" {
		fmt.Fprintf(&b, " [fbtrace_id %s]", e.FBTraceID)
	}
	return b.String()
}

// graphErrorBody is the envelope Graph wraps every error in.
type graphErrorBody struct {
	Error *struct {
		Message     string          `json:"message"`
		Type        string          `json:"type"`
		Code        int             `json:"code"`
		Subcode     int             `json:"error_subcode"`
		UserTitle   string          `json:"error_user_title"`
		UserMessage string          `json:"error_user_msg"`
		FBTraceID   string          `json:"fbtrace_id"`
		IsTransient bool            `json:"is_transient"`
		ErrorData   json.RawMessage `json:"error_data"`
	} `json:"error"`
}

// parseError turns an error response into an *Error. A body that is not a
// Graph error object (an HTML page from a proxy, an empty or cut body) still
// gives an *Error that names the HTTP status, never a JSON parse failure.
func parseError(resp *http.Response, body []byte) *Error {
	e := &Error{HTTPStatus: resp.StatusCode}
	if resp.Request != nil {
		e.Method = resp.Request.Method
		e.Path = resp.Request.URL.Path
	}
	var env graphErrorBody
	if json.Unmarshal(body, &env) == nil && env.Error != nil {
		g := env.Error
		e.Message, e.Type, e.Code, e.Subcode = g.Message, g.Type, g.Code, g.Subcode
		e.UserTitle, e.UserMessage, e.FBTraceID, e.IsTransient = g.UserTitle, g.UserMessage, g.FBTraceID, g.IsTransient
		e.Details = errorDataDetails(g.ErrorData)
	} else {
		e.Message = describeNonGraphBody(resp, body)
	}
	if e.FBTraceID == "" {
		e.FBTraceID = resp.Header.Get("X-Fb-Trace-Id")
	}
	e.RetryAfter = pacing.RetryAfter(resp.Header)
	return e
}

// errorDataDetails reads error_data, which Graph sends either as an object or
// as a JSON-encoded string holding that object.
func errorDataDetails(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		raw = json.RawMessage(s)
	}
	var d struct {
		Details string `json:"details"`
	}
	if json.Unmarshal(raw, &d) == nil {
		return d.Details
	}
	return ""
}

var htmlTags = regexp.MustCompile(`<[^>]*>`)

func describeNonGraphBody(resp *http.Response, body []byte) string {
	// The text ends up in a diagnostic, which must be valid UTF-8 whatever
	// charset a proxy used: bad bytes are replaced and the cut falls
	// between characters.
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	ct = strings.ToValidUTF8(ct, "\uFFFD")
	text := strings.Join(strings.Fields(htmlTags.ReplaceAllString(strings.ToValidUTF8(string(body), "\uFFFD"), " ")), " ")
	if r := []rune(text); len(r) > 200 {
		text = string(r[:200]) + "..."
	}
	switch {
	case len(body) == 0:
		return fmt.Sprintf("unexpected HTTP %d response with an empty body", resp.StatusCode)
	case ct == "" || ct == "application/json" || ct == "text/javascript":
		return fmt.Sprintf("unexpected HTTP %d response that is not a Graph error object: %s", resp.StatusCode, text)
	default:
		return fmt.Sprintf("unexpected HTTP %d response of type %s (not from the Graph API, perhaps a proxy): %s", resp.StatusCode, ct, text)
	}
}

// AsError unwraps err to a *Error when it is one.
func AsError(err error) (*Error, bool) {
	var ge *Error
	ok := errors.As(err, &ge)
	return ge, ok
}

// IsMissingOrHidden reports whether Graph answered that the object a request
// named is not there for this token: HTTP 404, code 803, or code 100 with
// subcode 33 ("Object with ID 'X' does not exist, cannot be loaded due to
// missing permissions, or does not support this operation"). It is not proof
// of deletion: Graph gives the same answer for an object that exists but is
// not visible to the token's system user, such as a WABA no longer assigned
// to it.
// Seen in real responses in public client code: 100/33 for existing, verified WABAs not assigned to the system user.
func IsMissingOrHidden(err error) bool {
	ge, ok := AsError(err)
	if !ok {
		return false
	}
	return ge.HTTPStatus == http.StatusNotFound || ge.Code == 803 || (ge.Code == 100 && ge.Subcode == 33)
}

// isTooMuchData reports Graph's answer to a read it finds too heavy: HTTP
// 500, code 1, subcode 99, "Please reduce the amount of data you're asking
// for, then retry your request". Code 1 is otherwise transient, but this
// request fails again unchanged; a smaller page works.
// Seen in real Graph responses in public client code (on Graph edges generally, not yet on a WhatsApp edge).
func isTooMuchData(err error) bool {
	ge, ok := AsError(err)
	return ok && ge.Code == 1 && ge.Subcode == 99
}

// isThrottled reports whether Graph refused the call because a rate limit
// (app, user, or Business Use Case) was reached.
func isThrottled(err error) bool {
	ge, ok := AsError(err)
	return ok && (isThrottleCode(ge.Code) || ge.HTTPStatus == http.StatusTooManyRequests)
}

// isAuth reports whether the access token is invalid or expired (code 190 and
// the other OAuth session codes).
func isAuth(err error) bool {
	ge, ok := AsError(err)
	return ok && (ge.Code == 190 || ge.Code == 102 || ge.Code == 2500 && ge.Type == "OAuthException")
}

// isPermission reports whether the token is valid but lacks a permission.
func isPermission(err error) bool {
	ge, ok := AsError(err)
	return ok && (ge.Code == 10 || ge.Code == 3 || (ge.Code >= 200 && ge.Code <= 299))
}

// isThrottleCode lists Graph's rate-limit codes: app (4), user (17), page
// (32), custom (613), Business Use Case (80000-80014, WhatsApp's 80007 and
// 80008 among them), and Cloud API throughput and pair limits.
func isThrottleCode(code int) bool {
	switch {
	case code == 4, code == 17, code == 32, code == 613, code == 130429, code == 131056:
		return true
	case code >= 80000 && code <= 80014:
		return true
	}
	return false
}

// isTransientCode lists the codes Meta documents as temporary: wait and retry.
// 32 and 613 are not confirmed in Meta's own text; retrying them is harmless.
func isTransientCode(code int) bool {
	switch code {
	case 1, 2, 341, 131000, 131016, 133004:
		return true
	}
	return isThrottleCode(code)
}

// Hint says what a user should do about err, or "" when there is nothing
// specific to say.
func Hint(err error) string {
	ge, ok := AsError(err)
	if !ok {
		return ""
	}
	switch {
	case ge.Code == 190:
		return "The access token is invalid or has expired. Generate a new token (a system user token for automation), set it in the provider's access_token or WHATSAPP_ACCESS_TOKEN, and run again."
	case ge.Code == 100 && strings.Contains(strings.ToLower(ge.Message), "appsecret_proof"):
		return "The app requires appsecret_proof. Set app_secret (or WHATSAPP_APP_SECRET) to the secret of the app that owns the token."
	case isPermission(err):
		return "The token is valid but lacks a permission for this call. Grant whatsapp_business_management (and business_management for assigned users) to the system user, give it access to this WhatsApp Business Account, and generate a new token."
	case isThrottled(err):
		// The client sleeps through short throttles and gives up at once on
		// long ones, so "the provider retried" would be wrong half the time.
		msg := "Meta throttled the calls for this app or WhatsApp Business Account (Business Use Case rate limit)."
		if ge.RetryAfter > 0 {
			msg += fmt.Sprintf(" Meta expects access back in about %s.", ge.RetryAfter.Round(time.Second))
		}
		return msg + " The provider waits out short throttles, not long ones. Wait, then run again; lower -parallelism or the number of refreshes per hour if this recurs."
	case IsMissingOrHidden(err):
		return "Check that the ID is right. Graph gives this answer both for an object that was deleted and for one the token's system user can no longer see, so the object may still exist: check in Meta Business Settings > Users > System users > the user > Assigned assets that it still has access to it."
	case ge.Code == 100:
		return "Graph rejected a parameter; check the value named in the message."
	case isTooMuchData(err):
		return "Graph answered that the request asks for too much data at once. The provider asks list edges for smaller pages, down to one item per page, before it gives up. Run again later; if this persists, report it to Meta with the fbtrace_id."
	case ge.Code == 0 && ge.HTTPStatus >= 500:
		return "The Graph API or a proxy in front of it failed. The provider retried; run again later."
	}
	return ""
}
