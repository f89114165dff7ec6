package acctest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// reply is what a test client got back.
type reply struct {
	code   int
	header http.Header
	body   string
}

// send issues one request the way the provider's client does (Bearer token,
// optional body) and returns the reply.
func send(t *testing.T, method, url, token, contentType, body string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{code: resp.StatusCode, header: resp.Header, body: string(b)}
}

// replayMode makes the environment select replay whatever the caller's
// shell says.
func replayMode(t *testing.T) {
	t.Helper()
	t.Setenv(EnvMode, "")
}

// newLocalServer serves h on loopback for the duration of t.
func newLocalServer(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
