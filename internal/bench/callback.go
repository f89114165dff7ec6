package bench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
)

// VerifyToken is the verify token the phone-number configuration gives
// every webhook override, and the one the callback accepts.
const VerifyToken = "bench-verify-token"

// Callback is a webhook endpoint on loopback for the overrides of the
// phone-number configuration. Like Meta, the simulator verifies a new
// override before accepting it (GET
// ?hub.mode=subscribe&hub.challenge=<n>&hub.verify_token=<token> must answer
// 200 with the challenge), and it calls only loopback hosts over https with
// any certificate: a TLS test server is all it takes, as for graphsim
// -webhook-receiver.
type Callback struct {
	server *httptest.Server
	// verified counts the handshakes the callback passed.
	verified atomic.Int64
}

// StartCallback serves a callback that passes verification with
// VerifyToken.
func StartCallback() *Callback {
	c := &Callback{}
	c.server = httptest.NewTLSServer(http.HandlerFunc(c.serve))
	return c
}

// URL is the callback's base URL; any path under it answers.
func (c *Callback) URL() string { return c.server.URL }

// Verified is how many handshakes the callback has passed.
func (c *Callback) Verified() int { return int(c.verified.Load()) }

// Close stops the callback.
func (c *Callback) Close() { c.server.Close() }

func (c *Callback) serve(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if r.Method != http.MethodGet || q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != VerifyToken {
		http.Error(w, "verify token mismatch", http.StatusForbidden)
		return
	}
	c.verified.Add(1)
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, q.Get("hub.challenge"))
}
