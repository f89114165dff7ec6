package graph

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestUploadFile follows Meta's Resumable Upload API: a session opened on
// the app with the file's length and type, then the bytes posted to the
// session (its sig as a query parameter) with the OAuth scheme and
// file_offset 0, answering the handle.
func TestUploadFile(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/"+testApp+"/uploads"):
			writeJSON(w, 200, `{"id":"upload:MTphdHRhY2htZW50?sig=ARZabc"}`)
		case strings.HasSuffix(r.URL.Path, "/upload:MTphdHRhY2htZW50"):
			writeJSON(w, 200, `{"h":"4:cC5wbmc=:aW1hZ2UvcG5n:ARa:e:1:2:3:ARb"}`)
		default:
			writeJSON(w, 404, `{"error":{"code":100,"message":"unexpected"}}`)
		}
	})
	c := newTestClient(t, f.URL(), func(cfg *Config) { cfg.AppID = testApp })
	h, err := c.UploadFile(context.Background(), "p.png", "image/png", []byte("png bytes"))
	if err != nil || h != "4:cC5wbmc=:aW1hZ2UvcG5n:ARa:e:1:2:3:ARb" {
		t.Fatalf("handle = %q, %v", h, err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	open, bytes := reqs[0], reqs[1]
	if open.Query.Get("file_length") != "9" || open.Query.Get("file_type") != "image/png" || open.Query.Get("file_name") != "p.png" {
		t.Errorf("session opened with %v", open.Query)
	}
	if bytes.Query.Get("sig") != "ARZabc" || bytes.Header.Get("File_offset") != "0" || bytes.Body != "png bytes" ||
		bytes.Header.Get("Content-Type") != "image/png" {
		t.Errorf("bytes sent as %s?%v with headers %v and body %q", bytes.Path, bytes.Query, bytes.Header, bytes.Body)
	}
}

func TestUploadFileNeedsTheAppID(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{}`) })
	c := newTestClient(t, f.URL(), func(cfg *Config) { cfg.AppID = "" })
	if _, err := c.UploadFile(context.Background(), "p.png", "image/png", []byte("x")); err == nil || !strings.Contains(err.Error(), "app_id") {
		t.Fatalf("err = %v, want one naming app_id", err)
	}
	if f.count() != 0 {
		t.Errorf("%d requests without an app ID, want 0", f.count())
	}
}

func TestUploadFileRefusesAnswersWithoutIDOrHandle(t *testing.T) {
	for _, tc := range []struct{ name, session, handle string }{
		{"no session", `{"success":true}`, `{"h":"x"}`},
		{"no handle", `{"id":"upload:abc"}`, `{"success":true}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/uploads") {
					writeJSON(w, 200, tc.session)
					return
				}
				writeJSON(w, 200, tc.handle)
			})
			c := newTestClient(t, f.URL(), func(cfg *Config) { cfg.AppID = testApp })
			if h, err := c.UploadFile(context.Background(), "p.png", "image/png", []byte("x")); err == nil {
				t.Fatalf("handle %q, want an error", h)
			}
		})
	}
}

func TestSessionPath(t *testing.T) {
	path, q, err := sessionPath("upload:MTph?sig=AR%3D")
	if err != nil || path != "/upload:MTph" || q.Get("sig") != "AR=" {
		t.Errorf("sessionPath = %q, %v, %v", path, q, err)
	}
	if _, _, err := sessionPath("upload:a/b"); err == nil {
		t.Error("a session ID with a slash was accepted")
	}
}
