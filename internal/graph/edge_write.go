package graph

import (
	"cmp"
	"context"
	"net/url"
)

// edgeWrite is one write to an edge: a POST or DELETE of the edge's path.
type edgeWrite struct {
	method string
	// path, when set, is where the write goes instead of the edge: the node
	// of one of its items, whose change the edge's reads must see (a phone
	// number's webhook override is set on the number, read on the WABA's
	// phone_numbers edge).
	path  string
	query url.Values
	body  body
	// unconfirmedOK takes an answer without a success flag as done, for
	// writes whose response Meta does not document; success=false is still
	// a refusal.
	unconfirmedOK bool
	// removes marks a POST that removes an object (a DELETE always does).
	removes bool
}

// write sends w to the edge. Reads of the edge wait for it and refetch after
// it, whether it succeeded or not (a failed write may have been applied), and
// Graph must confirm it.
func (e edge[T]) write(ctx context.Context, w edgeWrite) error {
	// After a removal, existence checks must not trust a read from before
	// it (see readCache.lastKnown): forgotten before the call, and again
	// after it, in case a read that overlapped it kept the old answer. The
	// removal may apply even when the call fails.
	removes := w.removes || w.method == "DELETE"
	if removes {
		e.cache.forgetKnown(e.scope())
		defer e.cache.forgetKnown(e.scope())
	}
	return e.cache.writing(e.scope(), func() error {
		path := cmp.Or(w.path, e.path)
		var res writeResult
		if err := e.via.do(ctx, w.method, path, w.query, w.body, &res); err != nil {
			return err
		}
		if w.unconfirmedOK && res.Success == nil {
			return nil
		}
		return res.check(w.method, path)
	})
}

// writeResult is the body of every write this client makes.
type writeResult struct {
	Success *flexBool `json:"success"`
	trace   string
}

// check turns a write's body into an error when Graph did not confirm it.
func (w writeResult) check(method, path string) error {
	if w.Success == nil || !bool(*w.Success) {
		return &Error{HTTPStatus: 200, Method: method, Path: path, FBTraceID: w.trace,
			Message: "Graph answered without confirming the change (success was not true); the change may not have been applied"}
	}
	return nil
}

// setTrace keeps the response's fbtrace_id so that an unconfirmed write is
// reported with it, as every other failed call is.
func (w *writeResult) setTrace(id string) { w.trace = id }
