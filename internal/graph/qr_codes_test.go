package graph

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

const qrCodesPath = "/" + DefaultAPIVersion + "/" + testPhone + "/message_qrdls"

// qrAnswer is a code as Graph answers a POST or a read of its node, in the
// shape of Meta's WhatsApp OpenAPI description (QrCodeResponse).
const qrAnswer = `{"code":"ANED2T5QRU7HG1","prefilled_message":"Hi","deep_link_url":"https://wa.me/message/ANED2T5QRU7HG1","qr_image_url":"https://scontent.example/qr.svg"}`

func TestCreateQRCodeDecodesTheCode(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, qrAnswer) })
	c := newTestClient(t, f.URL())
	q, err := c.CreateQRCode(context.Background(), testPhone, "Hi", "SVG")
	if err != nil {
		t.Fatal(err)
	}
	want := QRCode{Code: "ANED2T5QRU7HG1", PrefilledMessage: "Hi", DeepLinkURL: "https://wa.me/message/ANED2T5QRU7HG1", QRImageURL: "https://scontent.example/qr.svg"}
	if *q != want {
		t.Errorf("code = %+v, want %+v", *q, want)
	}
	reqs := f.requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != qrCodesPath {
		t.Fatalf("requests = %+v", reqs)
	}
	body, _ := url.ParseQuery(reqs[0].Body)
	if body.Get("prefilled_message") != "Hi" || body.Get("generate_qr_image") != "SVG" || body.Has("code") {
		t.Errorf("body = %q", reqs[0].Body)
	}
}

func TestUpdateQRCodePostsTheCode(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, qrAnswer) })
	c := newTestClient(t, f.URL())
	if _, err := c.UpdateQRCode(context.Background(), testPhone, "ANED2T5QRU7HG1", "Hi", "PNG"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != qrCodesPath {
		t.Fatalf("requests = %+v", reqs)
	}
	body, _ := url.ParseQuery(reqs[0].Body)
	if body.Get("code") != "ANED2T5QRU7HG1" || body.Get("prefilled_message") != "Hi" || body.Get("generate_qr_image") != "PNG" {
		t.Errorf("body = %q", reqs[0].Body)
	}
}

// qrListGraph lists two codes on every number and counts the reads.
func qrListGraph(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeJSON(w, 200, qrAnswer)
		return
	}
	writeJSON(w, 200, `{"data":[
		{"code":"ANED2T5QRU7HG1","prefilled_message":"Hi","deep_link_url":"https://wa.me/message/ANED2T5QRU7HG1"},
		{"code":"BBBBBBBBBBBBB2","prefilled_message":"Hello","deep_link_url":"https://wa.me/message/BBBBBBBBBBBBB2"}]}`)
}

func TestFindQRCodeReadsEachNumberOnce(t *testing.T) {
	f := newFakeGraph(t, qrListGraph)
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	for _, code := range []string{"ANED2T5QRU7HG1", "BBBBBBBBBBBBB2"} {
		q, err := c.FindQRCode(ctx, testPhone, code)
		if err != nil || q == nil || q.Code != code {
			t.Fatalf("%s: %+v, %v", code, q, err)
		}
	}
	if q, err := c.FindQRCode(ctx, testPhone, "CCCCCCCCCCCCC3"); err != nil || q != nil {
		t.Errorf("unlisted code: %+v, %v", q, err)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1 read shared by every code of the number", len(reqs))
	}
	if reqs[0].Path != qrCodesPath || reqs[0].Query.Get("fields") != "code,prefilled_message,deep_link_url" {
		t.Errorf("read = %s ?%s", reqs[0].Path, reqs[0].Query.Encode())
	}
	// Another number is another read; a write to the number reads it again.
	if _, err := c.FindQRCode(ctx, testPhone2, "ANED2T5QRU7HG1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateQRCode(ctx, testPhone, "ANED2T5QRU7HG1", "Hi", "PNG"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FindQRCode(ctx, testPhone, "ANED2T5QRU7HG1"); err != nil {
		t.Fatal(err)
	}
	if n := f.countMatching("GET", "/message_qrdls"); n != 3 {
		t.Errorf("%d list reads, want 3 (number, other number, number after a write)", n)
	}
}

func TestGetQRCodeAsksForTheFormat(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, qrAnswer) })
	c := newTestClient(t, f.URL())
	q, err := c.GetQRCode(context.Background(), testPhone, "ANED2T5QRU7HG1", "SVG")
	if err != nil {
		t.Fatal(err)
	}
	if q.QRImageURL != "https://scontent.example/qr.svg" {
		t.Errorf("image URL = %q", q.QRImageURL)
	}
	r := f.requests()[0]
	if r.Method != "GET" || r.Path != qrCodesPath+"/ANED2T5QRU7HG1" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	if got := r.Query.Get("fields"); got != "code,prefilled_message,deep_link_url,qr_image_url.format(SVG)" {
		t.Errorf("fields = %q", got)
	}
}

func TestDeleteQRCode(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"success":true}`) })
	c := newTestClient(t, f.URL())
	if err := c.DeleteQRCode(context.Background(), testPhone, "ANED2T5QRU7HG1"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 1 || reqs[0].Method != "DELETE" || reqs[0].Path != qrCodesPath+"/ANED2T5QRU7HG1" {
		t.Fatalf("requests = %+v", reqs)
	}
	if err := c.DeleteQRCode(context.Background(), testPhone, ""); err == nil {
		t.Error("a delete without a code was sent")
	}
	if f.count() != 1 {
		t.Errorf("%d requests, want 1", f.count())
	}
}

func TestQRCodeErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("write answered without a code", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"success":false}`) })
		c := newTestClient(t, f.URL())
		if _, err := c.CreateQRCode(ctx, testPhone, "Hi", "PNG"); err == nil || !strings.Contains(err.Error(), `without a "code"`) {
			t.Errorf("create: %v", err)
		}
		if _, err := c.GetQRCode(ctx, testPhone, "ANED2T5QRU7HG1", "PNG"); err == nil {
			t.Error("get: no error")
		}
	})
	t.Run("message too long", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, 400, graphErr(100, 0, "Invalid prefilled_message length. Maximum 140 characters allowed", false))
		})
		c := newTestClient(t, f.URL())
		_, err := c.CreateQRCode(ctx, testPhone, strings.Repeat("a", 141), "PNG")
		ge, ok := AsError(err)
		if !ok || ge.Code != 100 || IsMissingOrHidden(err) {
			t.Errorf("err = %v", err)
		}
		if f.count() != 1 {
			t.Errorf("%d requests, want 1 (not retried)", f.count())
		}
	})
	t.Run("missing or hidden", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, 400, graphErr(100, 33, "Unsupported get request. Object with ID '106540352242922' does not exist", false))
		})
		c := newTestClient(t, f.URL())
		if q, err := c.FindQRCode(ctx, testPhone, "ANED2T5QRU7HG1"); q != nil || !IsMissingOrHidden(err) {
			t.Errorf("find: %+v, %v", q, err)
		}
		if err := c.DeleteQRCode(ctx, testPhone, "ANED2T5QRU7HG1"); !IsMissingOrHidden(err) {
			t.Errorf("delete: %v", err)
		}
		if _, err := c.UpdateQRCode(ctx, testPhone, "ANED2T5QRU7HG1", "Hi", "PNG"); !IsMissingOrHidden(err) {
			t.Errorf("update: %v", err)
		}
	})
}

// TestQRCodeWriteWithoutACodeKeepsTheTrace: a 200 without a code is
// reported by do with the status, the real path and the fbtrace_id.
func TestQRCodeWriteWithoutACodeKeepsTheTrace(t *testing.T) {
	f := newFakeGraph(t, respond(200, map[string]string{"X-Fb-Trace-Id": "AqRtUvWxYz1"}, `{"success":false}`))
	c := newTestClient(t, f.URL())
	ctx := context.Background()
	calls := map[string]func() error{
		"create": func() error { _, err := c.CreateQRCode(ctx, testPhone, "Hi", "PNG"); return err },
		"update": func() error { _, err := c.UpdateQRCode(ctx, testPhone, "ANED2T5QRU7HG1", "Hi", "PNG"); return err },
		"get":    func() error { _, err := c.GetQRCode(ctx, testPhone, "ANED2T5QRU7HG1", "PNG"); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			ge, ok := AsError(err)
			if !ok {
				t.Fatalf("err = %v (%T), want a *Error", err, err)
			}
			if ge.HTTPStatus != 200 || ge.FBTraceID != "AqRtUvWxYz1" || !strings.HasPrefix(ge.Path, "/"+testPhone+"/message_qrdls") {
				t.Errorf("HTTPStatus/FBTraceID/Path = %d/%q/%q, want 200/AqRtUvWxYz1//%s/message_qrdls...", ge.HTTPStatus, ge.FBTraceID, ge.Path, testPhone)
			}
			if !strings.Contains(err.Error(), `without a "code"`) || IsOutcomeUnknown(err) {
				t.Errorf("err = %v", err)
			}
		})
	}
}
