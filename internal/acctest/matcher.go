package acctest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// requestShape is the part of a request that matching looks at. Headers and
// host are deliberately absent: the port changes every run and headers carry
// credentials.
type requestShape struct {
	Method      string
	Path        string
	Query       url.Values
	ContentType string
	Body        []byte
}

// shapeOfRequest describes an incoming request, with the given secrets
// already replaced by Redacted so they compare like a scrubbed recording.
func shapeOfRequest(r *http.Request, body []byte, secrets []string) requestShape {
	q := url.Values{}
	for k, vs := range r.URL.Query() {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = redactSecrets(v, secrets)
		}
		q[k] = out
	}
	return requestShape{
		Method:      strings.ToUpper(r.Method),
		Path:        r.URL.Path,
		Query:       q,
		ContentType: r.Header.Get("Content-Type"),
		Body:        []byte(redactSecrets(string(body), secrets)),
	}
}

// shapeOfRecorded describes a request stored in a cassette.
func shapeOfRecorded(req cassette.Request) (requestShape, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return requestShape{}, fmt.Errorf("recorded URL %q: %w", req.URL, err)
	}
	return requestShape{
		Method:      strings.ToUpper(req.Method),
		Path:        u.Path,
		Query:       u.Query(),
		ContentType: contentType(req.Headers),
		Body:        []byte(req.Body),
	}, nil
}

// contentType looks Content-Type up case-insensitively, because
// hand-written cassettes do not always use canonical header names.
func contentType(h http.Header) string {
	const name = "Content-Type"
	if v := h.Get(name); v != "" {
		return v
	}
	for k, vs := range h {
		if strings.EqualFold(k, name) && len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// difference is one way an incoming request differs from a recorded one.
type difference struct {
	Field string // method, path, query or body
	Got   string
	Want  string
}

func (d difference) String() string {
	return fmt.Sprintf("%s: got %q, recorded %q", d.Field, d.Got, d.Want)
}

// compareShapes lists how actual differs from recorded; an empty result is
// a match. Values the scrubber redacts in recorded match anything.
func compareShapes(actual, recorded requestShape) []difference {
	var diffs []difference
	if actual.Method != recorded.Method {
		diffs = append(diffs, difference{"method", actual.Method, recorded.Method})
	}
	if actual.Path != recorded.Path {
		diffs = append(diffs, difference{"path", actual.Path, recorded.Path})
	}
	gotQ := CanonicalQuery(wildcardValues(actual.Query, recorded.Query))
	wantQ := CanonicalQuery(recorded.Query)
	if gotQ != wantQ {
		diffs = append(diffs, difference{"query", gotQ, wantQ})
	}
	gotB, wantB := canonicalBodies(actual, recorded)
	if gotB != wantB {
		diffs = append(diffs, difference{"body", gotB, wantB})
	}
	return diffs
}

// canonicalBodies renders both bodies for comparison. A recording without a
// Content-Type is read with the incoming request's type.
func canonicalBodies(actual, recorded requestShape) (got, want string) {
	act, rec := actual.ContentType, recorded.ContentType
	if rec == "" {
		rec = act
	}
	if kind := kindOf(act); kind == kindOf(rec) {
		switch kind {
		case bodyJSON:
			av, aok := parseJSON(actual.Body)
			rv, rok := parseJSON(recorded.Body)
			if aok && rok {
				return marshalJSON(wildcardJSON(av, rv)), marshalJSON(rv)
			}
		case bodyForm:
			aq, aerr := url.ParseQuery(string(actual.Body))
			rq, rerr := url.ParseQuery(string(recorded.Body))
			if aerr == nil && rerr == nil {
				return CanonicalQuery(wildcardValues(aq, rq)), CanonicalQuery(rq)
			}
		}
	}
	return CanonicalBody(act, actual.Body), CanonicalBody(rec, recorded.Body)
}

// shapeKey carries a precomputed requestShape through the request context
// so matching does not re-read the body for every interaction.
type shapeKey struct{}

// matcher adapts compareShapes to go-vcr's MatcherFunc.
type matcher struct {
	secrets []string
}

func (m matcher) match(r *http.Request, rec cassette.Request) bool {
	shape, ok := r.Context().Value(shapeKey{}).(requestShape)
	if !ok {
		var body []byte
		if r.Body != nil {
			body, _ = io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		shape = shapeOfRequest(r, body, m.secrets)
	}
	recShape, err := shapeOfRecorded(rec)
	if err != nil {
		return false
	}
	return len(compareShapes(shape, recShape)) == 0
}

// describeRequest renders a request for failure messages.
func describeRequest(method, path, query, body string) string {
	s := method + " " + path
	if query != "" {
		s += "?" + query
	}
	if body != "" {
		s += " body=" + truncate(body, 300)
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
