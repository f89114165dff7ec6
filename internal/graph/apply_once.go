package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// Most calls of this client can be repeated without harm: a read, or a
// write that sets a value or deletes an object, leaves Graph the same
// however often it is made. A few are not: a create that Graph answers with
// a new object each time (a QR code) or refuses the second time (a message
// template of the same name and language). Such a call is marked to be
// applied once; it is repeated only after an answer that proves Graph
// applied nothing, and an answer that proves nothing either way fails with
// an *OutcomeUnknownError saying what to check.

// onceCall describes a call marked to be applied once, for the error that
// reports an unknown outcome.
type onceCall struct {
	object string // what the call creates: "QR code"
	why    string // why asking again is no remedy
	advice string // how to find out, and what to do
}

type applyOnceKey struct{}

// applyOnce marks the calls made with the returned context as calls Graph
// must apply at most once.
func applyOnce(ctx context.Context, call onceCall) context.Context {
	return context.WithValue(ctx, applyOnceKey{}, call)
}

// appliedOnce returns the mark applyOnce put on ctx.
func appliedOnce(ctx context.Context) (onceCall, bool) {
	call, ok := ctx.Value(applyOnceKey{}).(onceCall)
	return call, ok
}

// OutcomeUnknownError is the failure of a call Graph must apply at most
// once (a create that makes a new object every time) when the answer does
// not say whether Graph applied it: the connection broke or timed out after
// the request was sent, Graph or a proxy failed with HTTP 5xx or a
// temporary error code, or a success status came with an empty or cut body.
// The call is not repeated, so Graph may hold an object that no state
// records.
type OutcomeUnknownError struct {
	// Err is what went wrong: a *Error, or the failure to get an answer.
	Err  error
	call onceCall
}

func (e *OutcomeUnknownError) Error() string {
	return fmt.Sprintf("%s. %s", e.Err, e.Explanation())
}

func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// Explanation says that the outcome is unknown, why the call was not
// repeated, and what to do.
func (e *OutcomeUnknownError) Explanation() string {
	return fmt.Sprintf("The outcome is unknown: Graph may have created the %s before the answer was lost. The request was not repeated, since %s. %s",
		e.call.object, e.call.why, e.call.advice)
}

// IsOutcomeUnknown reports whether err is an *OutcomeUnknownError: a create
// failed in a way that leaves open whether Graph made the object.
func IsOutcomeUnknown(err error) bool {
	var ou *OutcomeUnknownError
	return errors.As(err, &ou)
}

// outcomeUnknown wraps the failure of a call marked with applyOnce in an
// *OutcomeUnknownError; any other call's failure is returned as it is.
func outcomeUnknown(ctx context.Context, err error) error {
	call, ok := appliedOnce(ctx)
	if !ok || err == nil {
		return err
	}
	return &OutcomeUnknownError{Err: err, call: call}
}

// isRefusal reports whether an error answer proves that Graph applied
// nothing: a rate limit turned the call away before it was looked at
// (the throttling codes, 341 included, or HTTP 429 without a code).
func isRefusal(ge *Error) bool {
	if ge.Code != 0 {
		return isThrottleCode(ge.Code) || ge.Code == 341
	}
	return ge.HTTPStatus == http.StatusTooManyRequests
}

// leavesOutcomeUnknown reports whether an error answer may come from a call
// Graph applied: a failure of Graph or of a proxy (HTTP 5xx, codes 1 and 2
// and the others Graph calls temporary, is_transient) rather than a refusal
// or a rejection of the request.
func leavesOutcomeUnknown(ge *Error) bool {
	switch {
	case isRefusal(ge):
		return false
	case ge.Code != 0:
		return ge.IsTransient || isTransientCode(ge.Code)
	}
	return ge.HTTPStatus >= 500
}

// qrCodeCreate is how CreateQRCode is applied once: every call makes a new
// code.
func qrCodeCreate(phoneID string) onceCall {
	return onceCall{
		object: "QR code",
		why:    "every create makes a new code",
		advice: fmt.Sprintf("List the codes of phone number %s (GET /%s/message_qrdls, as the whatsapp_qr_code resource's documentation describes) "+
			"and import the one created, by its ID <phone_number_id>/<code>, or delete it; applying again without doing so may leave a second code.",
			phoneID, pathSegment(phoneID)),
	}
}

// messageTemplateCreate is how CreateMessageTemplate is applied once: a
// second create of the name and language fails, as existing.
func messageTemplateCreate(wabaID, name, language string) onceCall {
	return onceCall{
		object: "message template",
		why:    `a second create of the same name and language fails with "already exists" (code 100, subcode 2388024)`,
		advice: fmt.Sprintf("Look for the template named %q in language %q in WhatsApp Business Account %s (GET /%s/message_templates?name=%s) "+
			"and, if it is there, import it by its ID <waba_id>/<name>/<language>: %s/%s/%s.",
			name, language, wabaID, pathSegment(wabaID), url.QueryEscape(name), wabaID, name, language),
	}
}
