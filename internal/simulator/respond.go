package simulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// response is a fully built answer; handlers build it under the state lock
// and ServeHTTP writes it after the lock is released.
type response struct {
	status int
	body   any
	err    *graphError
	header http.Header
}

// jsonResponse is a 200 answer with body as JSON; errors go through
// errorResponse.
func jsonResponse(body any) response {
	return response{status: http.StatusOK, body: body}
}

func errorResponse(e *graphError) response {
	return response{status: e.Status, err: e}
}

// setHeader adds a header to the response, allocating the map on demand.
func (r *response) setHeader(key, value string) {
	if r.header == nil {
		r.header = http.Header{}
	}
	r.header.Set(key, value)
}

// successBody is the answer to writes; older Meta docs show "true" as a string.
func (s *Server) successBody() map[string]any {
	if s.cfg.successAsString {
		return map[string]any{"success": "true"}
	}
	return map[string]any{"success": true}
}

// encodeJSON encodes without HTML escaping so URLs in paging links stay
// readable, as Graph's do.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte(`{"error":{"message":"simulator could not encode the response","type":"OAuthException","code":1,"is_transient":false}}`)
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// writeCommonHeaders sets the headers every Graph response carries.
func writeCommonHeaders(w http.ResponseWriter, c *call) {
	h := w.Header()
	h.Set("X-Fb-Trace-Id", c.trace)
	h.Set("Facebook-Api-Version", c.headerVersion())
}

// write sends a built response and returns the status written.
func (s *Server) write(w http.ResponseWriter, c *call, resp response) int {
	writeCommonHeaders(w, c)
	for k, vs := range resp.header {
		w.Header()[k] = vs
	}
	var body []byte
	if resp.err != nil {
		body = encodeJSON(resp.err.envelope(c.trace))
	} else {
		body = encodeJSON(resp.body)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(resp.status)
	_, _ = w.Write(body)
	return resp.status
}
