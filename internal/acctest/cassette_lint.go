package acctest

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// leakPatterns are strings that must never reach a committed cassette.
var leakPatterns = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`EAA[A-Za-z0-9]{20,}`), "a Meta access token (EAA...)"},
	{regexp.MustCompile(`Bearer `), "a Bearer credential"},
	{regexp.MustCompile(`sim-access-token`), "the simulator's access token"},
	{regexp.MustCompile(`sim-app-secret`), "the simulator's app secret"},
}

// credentialValue finds credential URL parameters that still carry a value.
var credentialValue = regexp.MustCompile(`(access_token|appsecret_proof|input_token|client_secret)=([^&"'\s\\<>#]+)`)

// LintCassette checks a cassette for leaked credentials, unparsable
// content and unexpected server errors. It returns one line per problem;
// an empty result means the cassette is clean. 5xx responses are allowed
// only in cassettes whose name contains "Retry" or "Fault".
func LintCassette(path string) []string {
	var problems []string
	add := func(format string, args ...any) {
		problems = append(problems, path+": "+fmt.Sprintf(format, args...))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		add("%v", err)
		return problems
	}
	binaryIndent := -1
	for n, line := range strings.Split(string(data), "\n") {
		// A !!binary block is base64, whose letters can spell anything:
		// its decoded bytes are checked below instead.
		if indent := len(line) - len(strings.TrimLeft(line, " ")); binaryIndent >= 0 && indent > binaryIndent && strings.TrimSpace(line) != "" {
			continue
		}
		binaryIndent = -1
		if strings.HasSuffix(line, "!!binary |") {
			binaryIndent = len(line) - len(strings.TrimLeft(line, " "))
		}
		for _, p := range leakPatterns {
			if p.re.MatchString(line) {
				add("line %d holds %s", n+1, p.what)
			}
		}
		for _, m := range credentialValue.FindAllStringSubmatch(line, -1) {
			if m[2] != Redacted {
				add("line %d: %s= carries a value", n+1, m[1])
			}
		}
	}
	if !strings.HasSuffix(path, ".yaml") {
		add("a cassette file name must end in .yaml")
		return problems
	}
	c, err := cassette.Load(strings.TrimSuffix(path, ".yaml"))
	if err != nil {
		add("not a readable go-vcr cassette: %v", err)
		return problems
	}
	base := filepath.Base(path)
	allow5xx := strings.Contains(base, "Retry") || strings.Contains(base, "Fault")
	for _, i := range c.Interactions {
		at := fmt.Sprintf("interaction %d", i.ID)
		for _, body := range []struct{ what, text string }{{"request", i.Request.Body}, {"response", i.Response.Body}} {
			if utf8.ValidString(body.text) {
				continue // a text body was checked line by line
			}
			for _, p := range leakPatterns {
				if p.re.MatchString(body.text) {
					add("%s %s body (binary) holds %s", at, body.what, p.what)
				}
			}
		}
		lintHeaders(at+" request", i.Request.Headers, add)
		lintHeaders(at+" response", i.Response.Headers, add)
		if u, err := url.Parse(i.Request.URL); err != nil {
			add("%s: URL %q does not parse: %v", at, i.Request.URL, err)
		} else {
			lintParams(at+" URL", u.Query(), add)
		}
		lintParams(at+" form", i.Request.Form, add)
		lintBody(at+" request body", contentType(i.Request.Headers), i.Request.Body, add)
		lintBody(at+" response body", contentType(i.Response.Headers), i.Response.Body, add)
		if i.Response.Code >= 500 && !allow5xx {
			add("%s: HTTP %d response; only cassettes named *Retry* or *Fault* may record server errors", at, i.Response.Code)
		}
	}
	return problems
}

type addFunc func(format string, args ...any)

func lintHeaders(at string, h http.Header, add addFunc) {
	for k := range h {
		if strings.EqualFold(k, "Authorization") {
			add("%s has an Authorization header", at)
		}
	}
}

// lintParams flags credential parameters that survived scrubbing.
func lintParams(at string, q url.Values, add addFunc) {
	for k, vs := range q {
		switch {
		case secretParams[k]:
			add("%s carries %s", at, k)
		case redactedParams[k]:
			for _, v := range vs {
				if v != Redacted {
					add("%s: %s is %q, not %s", at, k, v, Redacted)
				}
			}
		}
	}
}

func lintBody(at, contentType, body string, add addFunc) {
	switch kindOf(contentType) {
	case bodyForm:
		if q, err := url.ParseQuery(body); err == nil {
			lintParams(at, q, add)
		}
		return
	}
	if v, ok := parseJSON([]byte(body)); ok {
		lintJSON(at, v, add)
	}
}

// lintJSON flags credential members anywhere in a JSON document whose value
// is not Redacted.
func lintJSON(at string, v any, add addFunc) {
	switch t := v.(type) {
	case map[string]any:
		for k, member := range t {
			if s, isString := member.(string); isString && (secretParams[k] || redactedParams[k]) && s != Redacted {
				add("%s: %s is %q, not %s", at, k, s, Redacted)
				continue
			}
			lintJSON(at, member, add)
		}
	case []any:
		for _, e := range t {
			lintJSON(at, e, add)
		}
	}
}
