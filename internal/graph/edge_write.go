package graph

import (
	"context"
	"net/url"
)

// edgeWrite is one write to an edge: a POST or DELETE of the edge's path.
type edgeWrite struct {
	method string
	query  url.Values
	body   body
	// unconfirmedOK takes an answer without a success flag as done, for
	// writes whose response Meta does not document; success=false is still
	// a refusal.
	unconfirmedOK bool
}

// write sends w to the edge. Reads of the edge wait for it and refetch after
// it, whether it succeeded or not (a failed write may have been applied), and
// Graph must confirm it.
func (e edge[T]) write(ctx context.Context, w edgeWrite) error {
	return e.cache.writing(e.scope(), func() error {
		var res writeResult
		if err := e.via.do(ctx, w.method, e.path, w.query, w.body, &res); err != nil {
			return err
		}
		if w.unconfirmedOK && res.Success == nil {
			return nil
		}
		return res.check(w.method, e.path)
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
