package graph

import (
	"encoding/json"
	"fmt"
	"strings"
)

// flexBool decodes Graph's success flag, which Meta's pages show both as the
// boolean true and as the string "true".
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	s := strings.Trim(strings.TrimSpace(string(data)), `"`)
	switch strings.ToLower(s) {
	case "true", "1":
		*b = true
	case "false", "0", "", "null":
		*b = false
	default:
		return fmt.Errorf("success is neither true nor false: %s", data)
	}
	return nil
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

var _ json.Unmarshaler = (*flexBool)(nil)
