package simulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
)

// maxBodyBytes caps request bodies; Graph parameters are small.
const maxBodyBytes = 1 << 20

// readParams merges the query string with the body parameters, the body
// winning, the way Graph accepts the same parameter in either place. Bodies
// may be form-encoded, multipart (curl -F) or a JSON object; JSON values that
// are not strings are passed on JSON-encoded, which is how Graph reads list
// parameters such as tasks.
func readParams(w http.ResponseWriter, r *http.Request) (url.Values, *graphError) {
	params := cloneValues(r.URL.Query())
	if r.Body == nil || r.Body == http.NoBody {
		return params, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errParam("Request body exceeds %d bytes", maxBodyBytes)
		}
		return nil, errParam("Could not read the request body")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return params, nil
	}
	mediaType, mparams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "application/json":
		return mergeJSONBody(params, body)
	case "multipart/form-data":
		form, err := multipart.NewReader(bytes.NewReader(body), mparams["boundary"]).ReadForm(maxBodyBytes)
		if err != nil {
			return nil, errParam("Could not parse the multipart body")
		}
		defer func() { _ = form.RemoveAll() }()
		for k, vs := range form.Value {
			params[k] = vs
		}
	case "application/x-www-form-urlencoded", "":
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, errParam("Could not parse the form body")
		}
		for k, vs := range form {
			params[k] = vs
		}
	}
	return params, nil
}

func mergeJSONBody(params url.Values, body []byte) (url.Values, *graphError) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, errParam("The request body must be a JSON object")
	}
	for k, v := range obj {
		switch t := v.(type) {
		case string:
			params.Set(k, t)
		case json.Number:
			params.Set(k, t.String())
		case nil:
			params.Set(k, "")
		default:
			enc, _ := json.Marshal(t)
			params.Set(k, string(enc))
		}
	}
	return params, nil
}

// parseList reads a list parameter given as a JSON array (double or single
// quoted, as Meta's own guides write it), a comma list, or repeated keys.
func parseList(values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, parseListValue(v)...)
	}
	return out
}

func parseListValue(v string) []string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "[") {
		var arr []string
		if json.Unmarshal([]byte(v), &arr) == nil {
			return trimAll(arr)
		}
		if json.Unmarshal([]byte(strings.ReplaceAll(v, "'", `"`)), &arr) == nil {
			return trimAll(arr)
		}
		v = strings.TrimSuffix(strings.TrimPrefix(v, "["), "]")
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		p = strings.Trim(strings.TrimSpace(p), `"'`)
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func trimAll(in []string) []string {
	out := in[:0]
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
