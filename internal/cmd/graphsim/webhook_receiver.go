package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

// webhookReceiver is a callback endpoint for trying
// whatsapp_app_webhook_subscription locally. Meta, and the simulator like
// it, verify a callback before accepting it: GET
// ?hub.mode=subscribe&hub.challenge=<n>&hub.verify_token=<token> must answer
// 200 with the challenge. The simulator calls only https callbacks on
// loopback and accepts any certificate, so a TLS test server with its own
// certificate on 127.0.0.1 is all it takes.
type webhookReceiver struct {
	server      *httptest.Server
	verifyToken string
	log         io.Writer // deliveries and refused handshakes, or nil
}

// startWebhookReceiver serves the receiver on a free loopback port.
func startWebhookReceiver(verifyToken string, log io.Writer) *webhookReceiver {
	r := &webhookReceiver{verifyToken: verifyToken, log: log}
	r.server = httptest.NewTLSServer(http.HandlerFunc(r.serve))
	return r
}

// CallbackURL is the URL to give as callback_url.
func (r *webhookReceiver) CallbackURL() string { return r.server.URL + "/webhook" }

func (r *webhookReceiver) Close() { r.server.Close() }

func (r *webhookReceiver) serve(w http.ResponseWriter, req *http.Request) {
	switch req.Method {
	case http.MethodGet:
		q := req.URL.Query()
		if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != r.verifyToken {
			r.logf("webhook receiver: refused a verification with another verify token")
			http.Error(w, "verify token mismatch", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
	case http.MethodPost:
		body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
		r.logf("webhook receiver: delivery of %d bytes", len(body))
		w.WriteHeader(http.StatusOK)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func (r *webhookReceiver) logf(format string, args ...any) {
	if r.log != nil {
		fmt.Fprintf(r.log, format+"\n", args...)
	}
}

// receiverGuide tells how to point whatsapp_app_webhook_subscription at the
// receiver.
func receiverGuide(r *webhookReceiver) string {
	return fmt.Sprintf("\nWebhook callback for whatsapp_app_webhook_subscription (passes Meta's verification here):\n"+
		"  callback_url    = %q\n  verify_token_wo = %q  # e.g. export TF_VAR_webhook_verify_token=%s\n", r.CallbackURL(), r.verifyToken, r.verifyToken)
}
