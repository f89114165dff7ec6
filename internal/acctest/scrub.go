package acctest

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// canonicalBaseURL replaces whichever upstream a cassette was recorded
// against, so recordings from the simulator and from Meta look alike.
const canonicalBaseURL = "https://graph.facebook.com"

// Headers worth keeping in a cassette; everything else (Authorization,
// cookies, dates, proxy headers) is dropped.
var (
	requestHeaderAllow  = []string{"Content-Type", "User-Agent"}
	responseHeaderAllow = []string{
		"Content-Type", "X-Business-Use-Case-Usage", "X-App-Usage", "Retry-After",
		"facebook-api-version", "x-fb-trace-id", "WWW-Authenticate",
	}
)

var (
	// credentialParam finds credentials written as URL parameters anywhere
	// in text, e.g. the access_token Meta embeds in paging.next links.
	credentialParam = regexp.MustCompile(`((?:hub\.)?verify_token|access_token|appsecret_proof|appsecret_time|input_token|client_secret)=([^&"'\s\\<>#]+)`)
	// credentialJSON finds the same credentials as JSON string members.
	credentialJSON = regexp.MustCompile(`("(?:(?:hub\.)?verify_token|access_token|appsecret_proof|input_token|client_secret)"\s*:\s*)"(?:[^"\\]|\\.)*"`)
	digitRun       = regexp.MustCompile(`\d+`)
)

// minSecretLen keeps a degenerate one- or two-character secret from
// shredding every cassette string it happens to occur in.
const minSecretLen = 6

// redactSecrets replaces each secret, raw or URL-escaped, with Redacted.
func redactSecrets(s string, secrets []string) string {
	for _, sec := range secrets {
		if len(sec) < minSecretLen {
			continue
		}
		s = strings.ReplaceAll(s, sec, Redacted)
		if esc := url.QueryEscape(sec); esc != sec {
			s = strings.ReplaceAll(s, esc, Redacted)
		}
	}
	return s
}

// scrubber removes credentials and real identifiers from an interaction
// before it is written to disk.
type scrubber struct {
	secrets []string          // access tokens and app secrets
	ids     map[string]string // real object ID -> fixture ID
	bases   []string          // upstream base URLs to rewrite to canonicalBaseURL
}

// hook is a go-vcr BeforeSaveHook. It only ever replaces fields with new
// values (cloning header maps first), so the live request and response that
// shared those maps are never altered.
func (s *scrubber) hook(i *cassette.Interaction) error {
	req := &i.Request
	req.Headers = s.headers(req.Headers, requestHeaderAllow)
	req.URL = s.url(req.URL)
	ct := contentType(req.Headers)
	body := req.Body
	if kindOf(ct) == bodyForm {
		body = scrubParams(body)
	}
	req.Body = s.text(body)
	req.Form = formOf(req.URL, ct, req.Body)
	req.ContentLength = int64(len(req.Body))
	if u, err := url.Parse(req.URL); err == nil {
		req.Host = u.Host
	}
	req.RemoteAddr, req.RequestURI = "", ""
	req.Trailer, req.TransferEncoding = nil, nil

	resp := &i.Response
	resp.Headers = s.headers(resp.Headers, responseHeaderAllow)
	resp.Body = s.text(resp.Body)
	resp.ContentLength = int64(len(resp.Body))
	resp.Trailer, resp.TransferEncoding = nil, nil
	resp.Uncompressed = false
	resp.Duration = 0
	return nil
}

// headers returns a scrubbed copy holding only allowed headers.
func (s *scrubber) headers(h http.Header, allow []string) http.Header {
	out := http.Header{}
	for k, vs := range h.Clone() {
		if !allowed(k, allow) {
			continue
		}
		for _, v := range vs {
			out[k] = append(out[k], s.text(v))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func allowed(name string, allow []string) bool {
	for _, a := range allow {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// url rewrites the upstream to canonicalBaseURL, drops credential
// parameters and scrubs what remains.
func (s *scrubber) url(raw string) string {
	raw = s.rebase(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return s.text(raw)
	}
	u.RawQuery = scrubParams(u.RawQuery)
	u.ForceQuery = false
	return s.text(u.String())
}

// redactCredentials masks credential parameters and JSON members in text
// that is about to be printed, such as a mismatch report.
func redactCredentials(v string) string {
	v = credentialParam.ReplaceAllString(v, "${1}="+Redacted)
	return credentialJSON.ReplaceAllString(v, `${1}"`+Redacted+`"`)
}

// text scrubs free text: upstream URLs, secrets, credential parameters and
// JSON members, and real IDs.
func (s *scrubber) text(v string) string {
	v = s.rebase(v)
	v = redactSecrets(v, s.secrets)
	v = credentialParam.ReplaceAllString(v, "${1}="+Redacted)
	v = credentialJSON.ReplaceAllString(v, `${1}"`+Redacted+`"`)
	if len(s.ids) > 0 {
		v = digitRun.ReplaceAllStringFunc(v, func(d string) string {
			if f, ok := s.ids[d]; ok {
				return f
			}
			return d
		})
	}
	return v
}

// rebase rewrites upstream base URLs, also in their JSON-escaped form
// (Graph writes "https:\/\/graph.facebook.com" in bodies).
func (s *scrubber) rebase(v string) string {
	for _, b := range s.bases {
		if b == "" || b == canonicalBaseURL {
			continue
		}
		v = strings.ReplaceAll(v, b, canonicalBaseURL)
		v = strings.ReplaceAll(v, strings.ReplaceAll(b, "/", `\/`), strings.ReplaceAll(canonicalBaseURL, "/", `\/`))
	}
	return v
}

// scrubParams drops secret parameters from an encoded query or form body
// and redacts the values of redacted ones, keeping everything else as
// written.
func scrubParams(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for _, p := range strings.Split(raw, "&") {
		if p == "" {
			continue
		}
		k, _, _ := strings.Cut(p, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		switch {
		case secretParams[key]:
			continue
		case redactedParams[key]:
			p = k + "=" + Redacted
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

// formOf rebuilds the recorded form (query plus form body) from the already
// scrubbed URL and body, as go-vcr would have parsed them.
func formOf(rawURL, contentType, body string) url.Values {
	form := url.Values{}
	if u, err := url.Parse(rawURL); err == nil {
		for k, vs := range u.Query() {
			form[k] = append(form[k], vs...)
		}
	}
	if kindOf(contentType) == bodyForm {
		if q, err := url.ParseQuery(body); err == nil {
			for k, vs := range q {
				form[k] = append(form[k], vs...)
			}
		}
	}
	if len(form) == 0 {
		return nil
	}
	return form
}
