package acctest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/url"
	"sort"
	"strings"
)

// Redacted replaces every secret the scrubber removes from a cassette.
const Redacted = "REDACTED"

// secretParams never reach a cassette and never take part in matching: they
// carry or derive from credentials and change with every token.
var secretParams = map[string]bool{
	"access_token":    true,
	"appsecret_proof": true,
	"appsecret_time":  true,
}

// redactedParams keep their key in a cassette but their value becomes
// Redacted; a recorded Redacted value matches any value.
var redactedParams = map[string]bool{
	"verify_token":     true,
	"hub.verify_token": true,
	"input_token":      true,
	"client_secret":    true,
}

// CanonicalQuery renders query parameters in a stable form: keys sorted,
// each key's values sorted, secret parameters dropped.
func CanonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		if !secretParams[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		if len(vs) == 0 {
			vs = []string{""}
		}
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

// bodyKind is how a request body is compared.
type bodyKind int

const (
	bodyRaw bodyKind = iota
	bodyJSON
	bodyForm
)

func kindOf(contentType string) bodyKind {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return bodyRaw
	}
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return bodyJSON
	case mt == "application/x-www-form-urlencoded":
		return bodyForm
	}
	return bodyRaw
}

// CanonicalBody renders a body so that encodings of the same content
// compare equal: JSON is re-marshalled with sorted keys, form bodies go
// through CanonicalQuery, anything else (or anything that fails to parse)
// is kept byte for byte.
func CanonicalBody(contentType string, body []byte) string {
	switch kindOf(contentType) {
	case bodyJSON:
		if v, ok := parseJSON(body); ok {
			return marshalJSON(v)
		}
	case bodyForm:
		if q, err := url.ParseQuery(string(body)); err == nil {
			return CanonicalQuery(q)
		}
	}
	return string(body)
}

// parseJSON decodes exactly one JSON document, keeping numbers as written
// so large IDs survive.
func parseJSON(body []byte) (any, bool) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	// Only white space may follow the document: trailing garbage, not
	// just a second document, makes the body raw bytes.
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return v, true
}

// marshalJSON writes v compactly; encoding/json sorts map keys.
func marshalJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// wildcardValues returns q with the values of redacted parameters replaced
// by Redacted wherever the recorded values for that key are all Redacted.
func wildcardValues(q, recorded url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		out[k] = vs
		if !redactedParams[k] || !allRedacted(recorded[k]) {
			continue
		}
		rs := make([]string, len(vs))
		for i := range rs {
			rs[i] = Redacted
		}
		out[k] = rs
	}
	return out
}

func allRedacted(vs []string) bool {
	if len(vs) == 0 {
		return false
	}
	for _, v := range vs {
		if v != Redacted {
			return false
		}
	}
	return true
}

// wildcardJSON returns a copy of v where a redacted key holds Redacted
// wherever recorded holds Redacted at the same place.
func wildcardJSON(v, recorded any) any {
	switch a := v.(type) {
	case map[string]any:
		r, _ := recorded.(map[string]any)
		out := make(map[string]any, len(a))
		for k, av := range a {
			rv := r[k]
			if redactedParams[k] && rv == Redacted {
				if _, isString := av.(string); isString {
					out[k] = Redacted
					continue
				}
			}
			out[k] = wildcardJSON(av, rv)
		}
		return out
	case []any:
		r, _ := recorded.([]any)
		out := make([]any, len(a))
		for i, av := range a {
			var rv any
			if i < len(r) {
				rv = r[i]
			}
			out[i] = wildcardJSON(av, rv)
		}
		return out
	}
	return v
}
