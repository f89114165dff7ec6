package simulator

import (
	"fmt"
	"net/http"
	"strings"
)

// Graph error types used in error bodies.
const (
	typeOAuth        = "OAuthException"
	typeGraphMethod  = "GraphMethodException"
	unknownObjectDoc = "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"
)

// graphError is a Graph API error before it is stamped with a trace id.
type graphError struct {
	Status    int
	Type      string
	Code      int
	Subcode   int
	Message   string
	Transient bool
	UserTitle string // error_user_title, shown to end users
	UserMsg   string // error_user_msg
}

// errorEnvelope is the exact body shape Graph uses for errors.
type errorEnvelope struct {
	Error errorObject `json:"error"`
}

type errorObject struct {
	Message   string `json:"message"`
	Type      string `json:"type"`
	Code      int    `json:"code"`
	Subcode   int    `json:"error_subcode,omitempty"`
	Transient bool   `json:"is_transient"`
	UserTitle string `json:"error_user_title,omitempty"`
	UserMsg   string `json:"error_user_msg,omitempty"`
	TraceID   string `json:"fbtrace_id"`
}

func (e *graphError) envelope(trace string) errorEnvelope {
	return errorEnvelope{Error: errorObject{
		Message: e.Message, Type: e.Type, Code: e.Code, Subcode: e.Subcode,
		Transient: e.Transient, UserTitle: e.UserTitle, UserMsg: e.UserMsg, TraceID: trace,
	}}
}

// statusForCode maps a Graph error code to the HTTP status Meta sends with
// it. Clients must not rely on the status alone: throttling is a 400.
func statusForCode(code int) int {
	switch {
	case code == 190 || code == 102:
		return http.StatusUnauthorized
	case code == 10 || (code >= 200 && code <= 299):
		return http.StatusForbidden
	case code == 2:
		return http.StatusServiceUnavailable
	case code == 1:
		return http.StatusInternalServerError
	default:
		return http.StatusBadRequest
	}
}

// defaultMessage is the text Meta uses for a code when a fault gives none.
func defaultMessage(code int) string {
	switch code {
	case 1:
		return "An unknown error has occurred."
	case 2:
		return "An unexpected error has occurred. Please retry your request later."
	case 4:
		return "(#4) Application request limit reached"
	case 10:
		return "(#10) Application does not have permission for this action"
	case 17:
		return "(#17) User request limit reached"
	case 100:
		return "(#100) Invalid parameter"
	case 190:
		return "Invalid OAuth access token - Cannot parse access token"
	case 200:
		return "(#200) Permissions error"
	case 341:
		return "(#341) Application limit reached"
	case 368:
		return "(#368) The action attempted has been deemed abusive or is otherwise disallowed"
	case 613:
		return "(#613) Calls to this api have exceeded the rate limit."
	case 2500:
		return "Unknown path components"
	case 80008:
		return throttleMessage
	default:
		return fmt.Sprintf("(#%d) An error occurred.", code)
	}
}

const throttleMessage = "There have been too many calls to this WhatsApp Business account. Wait a bit and try again."

func newError(code int, message string) *graphError {
	return &graphError{Status: statusForCode(code), Type: typeOAuth, Code: code, Message: message}
}

// errParam is the generic invalid-parameter error (code 100).
func errParam(format string, args ...any) *graphError {
	return newError(100, "(#100) "+fmt.Sprintf(format, args...))
}

// errNonexistingField is Graph's answer for a field the node type does not
// have, or does not have in the requested version; it fails the whole request.
func errNonexistingField(field, nodeType string) *graphError {
	return errParam("Tried accessing nonexisting field (%s) on node type (%s)", field, nodeType)
}

// errReduceData is Graph's answer to a read it finds too heavy. Repeating
// the request fails again; asking for fewer items works.
// Seen in real Graph responses to large list reads (not yet on a WhatsApp edge).
func errReduceData() *graphError {
	e := newError(1, "An unknown error occurred")
	e.Subcode = 99
	e.UserTitle = "Reduce the amount of data"
	e.UserMsg = "Please reduce the amount of data you're asking for, then retry your request"
	return e
}

func errPermission() *graphError {
	return newError(200, "(#200) Permissions error")
}

func errUnknownPath(path string) *graphError {
	return newError(2500, "Unknown path components: "+path)
}

// errUnknownObject is what Graph answers for an ID it cannot load or a
// method the object does not support.
func errUnknownObject(method, id string) *graphError {
	e := newError(100, fmt.Sprintf(
		"Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. %s",
		strings.ToLower(method), id, unknownObjectDoc))
	e.Type = typeGraphMethod
	e.Subcode = 33
	return e
}

// errUnknownAlias is Graph's answer for a non-numeric node name.
func errUnknownAlias(alias string) *graphError {
	e := newError(803, "(#803) Some of the aliases you requested do not exist: "+alias)
	e.Status = http.StatusNotFound
	return e
}

func errThrottled() *graphError {
	e := newError(80008, throttleMessage)
	e.Transient = true
	return e
}
