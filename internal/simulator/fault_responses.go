package simulator

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

const (
	htmlBadGateway = "<html><body><h1>502 Bad Gateway</h1></body></html>"
	truncatedBody  = `{"data":[{"id":"1972555232742222","name":"ci-depl`
)

// serveFault answers a request the way the fault says. It reports the
// status written (0 when nothing was) and whether the request is finished;
// a slow fault returns false after its delay so normal handling follows.
func (s *Server) serveFault(w http.ResponseWriter, c *call, f Fault) (int, bool) {
	if f.Kind == FaultSlow {
		// net/http notices a client that hung up only once the request
		// body has been read; read it now (within the usual cap), or a
		// timed-out POST would still be applied after its client gave up.
		if c.r.Body != nil {
			body, _ := io.ReadAll(io.LimitReader(c.r.Body, maxBodyBytes+1))
			c.r.Body = io.NopCloser(bytes.NewReader(body))
		}
		t := time.NewTimer(time.Duration(f.Delay))
		defer t.Stop()
		select {
		case <-t.C:
			return 0, false
		case <-c.r.Context().Done():
			return 0, true
		}
	}

	writeCommonHeaders(w, c)
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	switch f.Kind {
	case FaultGraphError:
		return s.write(w, c, faultGraphError(c, f)), true
	case FaultHTTPStatus:
		status := f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		code := 1
		if status == http.StatusServiceUnavailable {
			code = 2
		}
		e := newError(code, defaultMessage(code))
		e.Status, e.Transient = status, true
		return s.write(w, c, errorResponse(e)), true
	case FaultHTML:
		return writeRaw(w, http.StatusBadGateway, "text/html; charset=utf-8", htmlBadGateway), true
	case FaultTruncated:
		return writeRaw(w, http.StatusOK, "application/json", truncatedBody), true
	case FaultEmpty:
		return writeRaw(w, http.StatusOK, "application/json", ""), true
	default: // FaultSuccessFalse
		return writeRaw(w, http.StatusOK, "application/json", `{"success":false}`), true
	}
}

// faultGraphError builds the error a graph_error fault describes. Throttling
// codes also carry the usage headers a throttled Graph answer has.
func faultGraphError(c *call, f Fault) response {
	code := f.Code
	if code == 0 {
		code = 1
	}
	msg := f.Message
	if msg == "" {
		msg = defaultMessage(code)
	}
	e := newError(code, msg)
	e.Subcode, e.Transient = f.Subcode, f.Transient
	if f.Status != 0 {
		e.Status = f.Status
	}
	resp := errorResponse(e)
	switch code {
	case 4, 17, 80008:
		if waba := c.wabaID(); waba != "" {
			resp.setHeader("X-Business-Use-Case-Usage", bucHeader(waba, 100, f.RegainMinutes))
		}
		if code != 80008 {
			resp.setHeader("X-App-Usage", appUsageHeader(100))
		}
	}
	return resp
}

func writeRaw(w http.ResponseWriter, status int, contentType, body string) int {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
	return status
}

// resetConnection drops the TCP connection without a response, with an RST
// where possible. Writers that cannot be hijacked get the handler abort
// that net/http turns into a closed connection.
func resetConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}
