package graph

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Logger receives the client's request logs. The provider adapts it to
// terraform-plugin-log; the client itself stays free of Terraform imports.
// Fields never hold a secret: the client masks them before calling.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Trace(ctx context.Context, msg string, fields map[string]any)
	Warn(ctx context.Context, msg string, fields map[string]any)
}

type nopLogger struct{}

func (nopLogger) Debug(context.Context, string, map[string]any) {}
func (nopLogger) Trace(context.Context, string, map[string]any) {}
func (nopLogger) Warn(context.Context, string, map[string]any)  {}

const masked = "***"

// secretParams are request parameters whose values are secrets wherever they
// appear: in a query, a form body or a JSON body.
var secretParams = []string{"access_token", "appsecret_proof", "appsecret_time", "verify_token", "input_token", "client_secret"}

var secretJSONValue = regexp.MustCompile(`("(?:` + strings.Join(secretParams, "|") + `)"\s*:\s*)"(?:[^"\\]|\\.)*"`)

// masker removes secrets from anything the client logs or puts in an error.
type masker struct{ secrets []string }

func newMasker(secrets ...string) masker {
	var m masker
	for _, s := range secrets {
		if s = strings.TrimSpace(s); len(s) >= 4 {
			m.secrets = append(m.secrets, s)
		}
	}
	return m
}

// text masks the literal secrets and secret-named parameters in s, whether s
// is a URL, a form body or a JSON body.
func (m masker) text(s string) string {
	for _, secret := range m.secrets {
		s = strings.ReplaceAll(s, secret, masked)
	}
	s = secretJSONValue.ReplaceAllString(s, `${1}"`+masked+`"`)
	for _, p := range secretParams {
		s = maskParam(s, p)
	}
	return s
}

// maskParam masks the value of name=value pairs in a query or form string.
func maskParam(s, name string) string {
	for _, sep := range []string{"?", "&"} {
		key := sep + name + "="
		for start := 0; ; {
			i := strings.Index(s[start:], key)
			if i < 0 {
				break
			}
			vStart := start + i + len(key)
			vEnd := strings.IndexAny(s[vStart:], "&# \"")
			if vEnd < 0 {
				vEnd = len(s) - vStart
			}
			s = s[:vStart] + masked + s[vStart+vEnd:]
			start = vStart + len(masked)
		}
	}
	if strings.HasPrefix(s, name+"=") {
		s = maskParam("&"+s, name)[1:]
	}
	return s
}

func (m masker) url(u *url.URL) string { return m.text(u.String()) }

func (m masker) headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, v := range h {
		val := strings.Join(v, ", ")
		if strings.EqualFold(k, "Authorization") {
			// A known scheme (Bearer, or OAuth for uploads) stays readable;
			// anything else is masked whole.
			val = masked
			if scheme, _, ok := strings.Cut(strings.Join(v, ", "), " "); ok && (strings.EqualFold(scheme, "Bearer") || strings.EqualFold(scheme, "OAuth")) {
				val = scheme + " " + masked
			}
		}
		out[k] = m.text(val)
	}
	return out
}

// loggingTransport logs every attempt the retrying client makes, using the
// request's own context so that each Terraform operation's logger (and its
// masks) apply.
type loggingTransport struct {
	next   http.RoundTripper
	log    Logger
	masker masker
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"http_method": req.Method,
		"http_url":    t.masker.url(req.URL),
	}
	t.log.Debug(ctx, "Graph API request", fields)
	t.log.Trace(ctx, "Graph API request headers", map[string]any{"http_headers": t.masker.headers(req.Header)})
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		t.log.Debug(ctx, "Graph API request failed", map[string]any{"http_method": req.Method, "http_url": t.masker.url(req.URL), "error": t.masker.text(err.Error())})
		return nil, err
	}
	t.log.Debug(ctx, "Graph API response", map[string]any{
		"http_method": req.Method, "http_url": t.masker.url(req.URL), "http_status": resp.StatusCode,
		"fbtrace_id": resp.Header.Get("X-Fb-Trace-Id"), "buc_usage": resp.Header.Get("X-Business-Use-Case-Usage"),
	})
	t.log.Trace(ctx, "Graph API response headers", map[string]any{"http_headers": t.masker.headers(resp.Header)})
	return resp, nil
}
