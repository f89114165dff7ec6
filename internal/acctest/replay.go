package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// UnmatchedHeader marks the 501 answer to a request no interaction matches.
// 501 is the one 5xx the provider's retry policy never retries, so a
// mismatch fails fast instead of burning backoff time.
const UnmatchedHeader = "X-Fixture-Unmatched"

// startReplay loads the cassette and serves it. A missing cassette is fatal
// rather than a skip, so a test cannot silently stop running.
func (f *FixtureServer) startReplay(o options) {
	f.t.Helper()
	c, err := cassette.Load(strings.TrimSuffix(f.path, ".yaml"))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			f.t.Fatalf("fixture: cassette %s not found; record it with: %s", f.path, recordHint(f.t))
		}
		f.t.Fatalf("fixture: loading cassette %s: %v", f.path, err)
	}
	for _, i := range c.Interactions {
		if _, err := shapeOfRecorded(i.Request); err != nil {
			f.t.Fatalf("fixture: cassette %s, interaction %d: %v", f.path, i.ID, err)
		}
	}
	f.token = replayAccessToken
	if o.appSecretSet {
		f.appSecret = o.appSecret
	}
	f.secrets = nonEmpty(f.token, f.appSecret)
	c.Matcher = matcher{secrets: f.secrets}.match
	c.ReplayableInteractions = false
	f.cassette = c
	f.server = httptest.NewServer(http.HandlerFunc(f.serveReplay))
	f.baseURL = f.server.URL
	f.t.Cleanup(f.finishReplay)
}

// serveReplay answers with the first unused interaction that matches.
func (f *FixtureServer) serveReplay(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "fixture: reading request body: "+err.Error(), http.StatusBadRequest)
		return
	}
	shape := f.note(r, body)
	req := r.Clone(context.WithValue(r.Context(), shapeKey{}, shape))
	req.Body = io.NopCloser(bytes.NewReader(body))

	f.mu.Lock()
	i, err := f.cassette.GetInteraction(req)
	closest := ""
	if err != nil {
		closest = f.closestUnused(shape)
	}
	f.mu.Unlock()

	if err != nil {
		f.unmatched(w, shape, closest)
		return
	}
	writeRecorded(w, i.Response)
}

// writeRecorded replays a recorded response as is; only the framing
// headers are left to net/http, which recomputes them.
func writeRecorded(w http.ResponseWriter, resp cassette.Response) {
	h := w.Header()
	for k, vs := range resp.Headers {
		if strings.EqualFold(k, "Content-Length") || strings.EqualFold(k, "Transfer-Encoding") {
			continue
		}
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	if contentType(resp.Headers) == "" {
		h["Content-Type"] = nil // no sniffing: replay exactly what was recorded
	}
	code := resp.Code
	if code == 0 {
		code = http.StatusOK
	}
	w.WriteHeader(code)
	_, _ = io.WriteString(w, resp.Body)
}

// unmatched fails the test and answers with a Graph-shaped error.
func (f *FixtureServer) unmatched(w http.ResponseWriter, shape requestShape, closest string) {
	// The request is live traffic: mask its credentials before printing.
	query := redactCredentials(CanonicalQuery(shape.Query))
	body := redactCredentials(CanonicalBody(shape.ContentType, shape.Body))
	f.t.Errorf("fixture: no recorded interaction in %s matches %s\n  closest unused: %s",
		f.path, describeRequest(shape.Method, shape.Path, query, body), closest)

	msg := fmt.Sprintf("fixture: no recorded interaction matches %s; closest unused: %s",
		describeRequest(shape.Method, shape.Path, query, body), closest)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set(UnmatchedHeader, "1")
	w.WriteHeader(http.StatusNotImplemented)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error": map[string]any{"message": msg, "type": "FixtureMismatch", "code": -1},
	})
}

// closestUnused names the unused interaction most like shape and what
// differs. Path counts most, then method, query and body. Callers hold f.mu.
func (f *FixtureServer) closestUnused(shape requestShape) string {
	weights := map[string]int{"path": 8, "method": 4, "query": 2, "body": 1}
	best, bestScore := "", -1
	for _, i := range f.cassette.Interactions {
		if i.WasReplayed() {
			continue
		}
		rec, err := shapeOfRecorded(i.Request)
		if err != nil {
			continue
		}
		diffs := compareShapes(shape, rec)
		score := 15
		parts := make([]string, len(diffs))
		for n, d := range diffs {
			score -= weights[d.Field]
			parts[n] = d.String()
		}
		if score > bestScore {
			bestScore = score
			best = fmt.Sprintf("interaction %d (%s %s) differs in %s", i.ID, i.Request.Method, i.Request.URL, strings.Join(parts, "; "))
		}
	}
	if best == "" {
		return fmt.Sprintf("none: all %d recorded interactions were already served", len(f.cassette.Interactions))
	}
	return best
}

// finishReplay stops the server and fails the test for every interaction
// that was never requested: a provider making fewer calls than recorded is
// a regression as much as one making different calls.
func (f *FixtureServer) finishReplay() {
	f.server.Close()
	f.mu.Lock()
	defer f.mu.Unlock()
	var unused []string
	for _, i := range f.cassette.Interactions {
		if !i.WasReplayed() {
			unused = append(unused, fmt.Sprintf("interaction %d: %s %s", i.ID, i.Request.Method, i.Request.URL))
		}
	}
	if len(unused) > 0 {
		f.t.Errorf("fixture: %d of %d recorded interactions in %s were never requested:\n  %s",
			len(unused), len(f.cassette.Interactions), f.path, strings.Join(unused, "\n  "))
	}
}
