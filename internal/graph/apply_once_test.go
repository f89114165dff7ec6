package graph

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// resetConnection closes the connection under the request with a reset.
func resetConnection(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
		_ = conn.Close()
	}
}

// holdUntilTimeout answers nothing until the client gives up on the attempt.
func holdUntilTimeout(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

// cutBody starts a 200 answer and closes the connection midway through it.
func cutBody(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"code\":\"ANED")
		_ = buf.Flush()
		_ = conn.Close()
	}
}

// failOnceThenAnswer answers the first request with fail and every later
// one with answer.
func failOnceThenAnswer(fail http.HandlerFunc, answer string) http.HandlerFunc {
	var n atomic.Int64
	return func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			fail(w, r)
			return
		}
		writeJSON(w, 200, answer)
	}
}

// ambiguousFailures are the answers that leave open whether Graph applied
// a write: asked again for an ordinary call, never for an apply-once one.
func ambiguousFailures(t *testing.T) []struct {
	name string
	fail http.HandlerFunc
	want string // in the error
} {
	html := map[string]string{"Content-Type": "text/html"}
	return []struct {
		name string
		fail http.HandlerFunc
		want string
	}{
		{"connection reset", resetConnection(t), "failed (not retried)"},
		{"timeout", holdUntilTimeout, "failed (not retried)"},
		{"HTTP 500", respond(500, nil, ""), "HTTP 500"},
		{"HTTP 502 HTML", respond(502, html, "<html><h1>502 Bad Gateway</h1></html>"), "HTTP 502"},
		{"HTTP 503 code 2", respond(503, nil, graphErr(2, 0, "Service temporarily unavailable", false)), "Graph API error 2"},
		{"400 code 2", respond(400, nil, graphErr(2, 0, "Service temporarily unavailable", false)), "Graph API error 2"},
		{"400 code 1", respond(400, nil, graphErr(1, 0, "An unknown error occurred", false)), "Graph API error 1"},
		{"500 code 131000", respond(500, nil, graphErr(131000, 0, "Something went wrong", false)), "Graph API error 131000"},
		{"is_transient", respond(400, nil, graphErr(131057, 0, "Account in maintenance mode", true)), "Graph API error 131057"},
		{"empty 200", respond(200, nil, ""), "not the JSON Graph sends"},
		{"200 with truncated JSON", respond(200, nil, `{"code":"ANED`), "not the JSON Graph sends"},
		{"200 body cut midway", cutBody(t), "not the JSON Graph sends"},
	}
}

// refusals are the answers that prove Graph applied nothing: asked again
// for every call.
var refusals = []struct {
	name string
	fail http.HandlerFunc
}{
	{"code 4", respond(400, nil, graphErr(4, 0, "Application request limit reached", false))},
	{"code 17", respond(400, nil, graphErr(17, 0, "User request limit reached", false))},
	{"code 80008", respond(400, nil, graphErr(80008, 2446079, "There have been too many calls to this WhatsApp Business account.", false))},
	{"code 130429", respond(400, nil, graphErr(130429, 0, "Rate limit hit", false))},
	{"code 341", respond(400, nil, graphErr(341, 0, "Application limit reached", false))},
	{"HTTP 429 without a code", respond(429, nil, "")},
}

func applyOnceTestClient(t *testing.T, url string) *Client {
	return newTestClient(t, url, withRetries(3), func(c *Config) { c.RequestTimeout = 300 * time.Millisecond })
}

func TestCreateQRCodeIsNotRetriedWhenTheOutcomeIsUnknown(t *testing.T) {
	for _, tc := range ambiguousFailures(t) {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, failOnceThenAnswer(tc.fail, qrAnswer))
			c := applyOnceTestClient(t, f.URL())
			q, err := c.CreateQRCode(context.Background(), testPhone, "Hi", "PNG")
			if err == nil {
				t.Fatalf("CreateQRCode = %+v after %d attempts, want the first failure", q, f.count())
			}
			if n := f.count(); n != 1 {
				t.Errorf("server saw %d attempts, want 1: the first may have made a code", n)
			}
			if st := c.stats(); st.Retries != 0 {
				t.Errorf("Stats = %+v, want no retry", st)
			}
			if !IsOutcomeUnknown(err) {
				t.Fatalf("err = %v (%T), want an *OutcomeUnknownError", err, err)
			}
			for _, want := range []string{
				tc.want,
				"The outcome is unknown: Graph may have created the QR code",
				"every create makes a new code",
				"List the codes of phone number " + testPhone + " (GET /" + testPhone + "/message_qrdls",
				"import the one created", "<phone_number_id>/<code>", "or delete it",
			} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

func TestCreateQRCodeIsRetriedAfterARefusal(t *testing.T) {
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, failOnceThenAnswer(tc.fail, qrAnswer))
			c := applyOnceTestClient(t, f.URL())
			q, err := c.CreateQRCode(context.Background(), testPhone, "Hi", "PNG")
			if err != nil {
				t.Fatalf("err = %v, want the code after a retry", err)
			}
			if q.Code != "ANED2T5QRU7HG1" {
				t.Errorf("code = %+v", q)
			}
			if n := f.count(); n != 2 {
				t.Errorf("server saw %d attempts, want 2", n)
			}
		})
	}
	t.Run("throttled on every attempt", func(t *testing.T) {
		f := newFakeGraph(t, refusals[2].fail)
		c := applyOnceTestClient(t, f.URL())
		_, err := c.CreateQRCode(context.Background(), testPhone, "Hi", "PNG")
		if n := f.count(); n != 4 {
			t.Errorf("server saw %d attempts, want 4 (1 + MaxRetries)", n)
		}
		if ge, ok := AsError(err); !ok || ge.Code != 80008 || IsOutcomeUnknown(err) {
			t.Errorf("err = %v, want Graph's refusal, code 80008, with a known outcome", err)
		}
	})
}

// TestCreateQRCodeRejectedIsNotAnUnknownOutcome: an answer that rejects the
// request, or a 200 that refuses it, is Graph's answer, not a lost one.
func TestCreateQRCodeRejectedIsNotAnUnknownOutcome(t *testing.T) {
	cases := []struct {
		name   string
		fail   http.HandlerFunc
		status int
		code   int
	}{
		{"code 100", respond(400, nil, graphErr(100, 0, "Invalid parameter", false)), 400, 100},
		{"500 code 100", respond(500, nil, graphErr(100, 0, "Invalid parameter", false)), 500, 100},
		{"code 190", respond(400, nil, graphErr(190, 463, "Error validating access token", false)), 400, 190},
		{"HTTP 404 without a body", respond(404, nil, ""), 404, 0},
		{"success:false", respond(200, map[string]string{"X-Fb-Trace-Id": "AqRtUvWxYz1"}, `{"success":false}`), 200, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, failOnceThenAnswer(tc.fail, qrAnswer))
			c := applyOnceTestClient(t, f.URL())
			_, err := c.CreateQRCode(context.Background(), testPhone, "Hi", "PNG")
			if n := f.count(); n != 1 {
				t.Errorf("server saw %d attempts, want 1", n)
			}
			if IsOutcomeUnknown(err) {
				t.Errorf("err = %v, want Graph's answer without an unknown outcome", err)
			}
			ge, ok := AsError(err)
			if !ok || ge.HTTPStatus != tc.status || ge.Code != tc.code {
				t.Fatalf("err = %v, want a *Error with HTTP %d, code %d", err, tc.status, tc.code)
			}
		})
	}
}

// TestOrdinaryWritesAreStillRetried: marking the creates changes nothing
// for the calls that may be repeated, such as a QR code's update.
func TestOrdinaryWritesAreStillRetried(t *testing.T) {
	for _, tc := range ambiguousFailures(t) {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, failOnceThenAnswer(tc.fail, qrAnswer))
			c := applyOnceTestClient(t, f.URL())
			if _, err := c.UpdateQRCode(context.Background(), testPhone, "ANED2T5QRU7HG1", "Hi", "PNG"); err != nil {
				t.Fatalf("err = %v, want success after a retry", err)
			}
			if n := f.count(); n < 2 {
				t.Errorf("server saw %d attempts, want the failure retried", n)
			}
		})
	}
	t.Run("transport failure says it was retried", func(t *testing.T) {
		f := newFakeGraph(t, resetConnection(t))
		c := applyOnceTestClient(t, f.URL())
		_, err := c.UpdateQRCode(context.Background(), testPhone, "ANED2T5QRU7HG1", "Hi", "PNG")
		if err == nil || !strings.Contains(err.Error(), "retried up to 3 times") || IsOutcomeUnknown(err) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestCreateMessageTemplateIsAppliedOnce(t *testing.T) {
	draft := TemplateDraft{Name: "order_update", Language: "en_US", Category: "UTILITY"}
	created := `{"id":"7002","status":"PENDING","category":"UTILITY"}`
	t.Run("HTTP 500", func(t *testing.T) {
		f := newFakeGraph(t, failOnceThenAnswer(respond(500, nil, graphErr(1, 0, "An unknown error occurred", false)), created))
		c := applyOnceTestClient(t, f.URL())
		_, err := c.CreateMessageTemplate(context.Background(), testWABA, draft)
		if n := f.count(); n != 1 {
			t.Errorf("server saw %d attempts, want 1", n)
		}
		if !IsOutcomeUnknown(err) {
			t.Fatalf("err = %v, want an unknown outcome", err)
		}
		for _, want := range []string{
			"The outcome is unknown: Graph may have created the message template",
			`fails with "already exists" (code 100, subcode 2388024)`,
			`template named "order_update" in language "en_US" in WhatsApp Business Account ` + testWABA,
			"GET /" + testWABA + "/message_templates?name=order_update",
			"import it by its ID <waba_id>/<name>/<language>: " + testWABA + "/order_update/en_US.",
		} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not contain %q", err, want)
			}
		}
	})
	t.Run("code 80008", func(t *testing.T) {
		f := newFakeGraph(t, failOnceThenAnswer(refusals[2].fail, created))
		c := applyOnceTestClient(t, f.URL())
		got, err := c.CreateMessageTemplate(context.Background(), testWABA, draft)
		if err != nil || got.ID != "7002" {
			t.Fatalf("created %+v, %v; want the template after a retry", got, err)
		}
		if n := f.count(); n != 2 {
			t.Errorf("server saw %d attempts, want 2", n)
		}
	})
}

// TestApplyOnceCallsStillRetryWhatWasNeverSent: a call that could not
// connect, or was cancelled before it was sent, reached no one.
func TestApplyOnceCallsStillRetryWhatWasNeverSent(t *testing.T) {
	t.Run("connection refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		_ = ln.Close()
		c := applyOnceTestClient(t, "http://"+addr)
		_, err = c.CreateQRCode(context.Background(), testPhone, "Hi", "PNG")
		if !isUnreachable(err) || IsOutcomeUnknown(err) {
			t.Errorf("err = %v, want the unreachable error, not an unknown outcome", err)
		}
		if st := c.stats(); st.Attempts != 2 {
			t.Errorf("Stats = %+v, want the one retry of a refused connection", st)
		}
	})
	t.Run("cancelled before sending", func(t *testing.T) {
		f := newFakeGraph(t, okGraph)
		c := applyOnceTestClient(t, f.URL())
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := c.CreateQRCode(ctx, testPhone, "Hi", "PNG")
		if !errors.Is(err, context.Canceled) || IsOutcomeUnknown(err) {
			t.Errorf("err = %v, want the cancellation alone", err)
		}
		if f.count() != 0 {
			t.Errorf("server saw %d attempts", f.count())
		}
	})
}

// TestCheckRetryApplyOnce pins the policy for a marked call on answers
// alone, with no server.
func TestCheckRetryApplyOnce(t *testing.T) {
	c := newTestClient(t, "https://graph.example.com")
	ctx := applyOnce(context.Background(), qrCodeCreate(testPhone))
	answer := func(status int, body string) *http.Response {
		return &http.Response{StatusCode: status, Header: http.Header{}, Body: readCloser(body)}
	}
	cases := []struct {
		name  string
		resp  *http.Response
		err   error
		retry bool
	}{
		{"reset", nil, errors.New("read: connection reset by peer"), false},
		{"dial failure", nil, &net.OpError{Op: "dial", Err: errors.New("connection refused")}, false},
		{"HTTP 500", answer(500, ""), nil, false},
		{"HTTP 503 code 2", answer(503, graphErr(2, 0, "x", false)), nil, false},
		{"code 1", answer(400, graphErr(1, 0, "x", false)), nil, false},
		{"is_transient", answer(400, graphErr(100, 0, "x", true)), nil, false},
		{"empty 200", answer(200, ""), nil, false},
		{"truncated 200", answer(200, `{"code":"A`), nil, false},
		{"code 4", answer(400, graphErr(4, 0, "x", false)), nil, true},
		{"code 613", answer(400, graphErr(613, 0, "x", false)), nil, true},
		{"code 80014", answer(400, graphErr(80014, 0, "x", false)), nil, true},
		{"HTTP 500 code 32", answer(500, graphErr(32, 0, "x", false)), nil, true},
		{"HTTP 429", answer(429, ""), nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			retry, err := c.checkRetry(ctx, tc.resp, tc.err)
			if retry != tc.retry || err != nil {
				t.Errorf("checkRetry = %v, %v; want %v", retry, err, tc.retry)
			}
			// Without the mark every one of them is asked again, but a dial
			// failure, which send retries itself.
			if tc.name != "dial failure" {
				if tc.resp != nil {
					tc.resp.Body = readCloser(readAll(t, tc.resp))
				}
				if retry, _ := c.checkRetry(context.Background(), tc.resp, tc.err); !retry {
					t.Error("an ordinary call is not retried")
				}
			}
		})
	}
}
