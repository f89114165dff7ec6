package simulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const uploadsPath = "/v25.0/" + fixtureApp + "/uploads"

var (
	sessionPattern = regexp.MustCompile(`^upload:[A-Za-z0-9_-]+\?sig=AR[A-Za-z0-9_-]{40}$`)
	picturePattern = regexp.MustCompile(`^https://pps\.whatsapp\.net/v/t61\.24694-24/\d+_\d+_\d+_n\.jpg\?oh=01_[A-Za-z0-9_-]+&oe=[0-9A-F]+$`)
)

// openSession opens an upload session and returns its ID, signature
// included.
func openSession(t *testing.T, s *Server, query string) string {
	t.Helper()
	res := send(t, s, apiReq{method: http.MethodPost, target: uploadsPath + "?" + query, token: tokenOK})
	wantStatus(t, res, http.StatusOK)
	id, _ := res.body["id"].(string)
	if !sessionPattern.MatchString(id) {
		t.Fatalf("session id = %q", id)
	}
	return id
}

// uploadBytes sends a file's bytes as Meta's guide does: the raw body, the
// header file_offset and the token in an "Authorization: OAuth" header.
func uploadBytes(t *testing.T, s *Server, session string, offset int, body []byte) result {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/v25.0/"+session, bytes.NewReader(body))
	req.Header.Set("Authorization", "OAuth "+tokenOK)
	req.Header.Set("file_offset", strconv.Itoa(offset))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	res := result{status: rec.Code, header: rec.Header(), raw: rec.Body.String()}
	_ = json.Unmarshal(rec.Body.Bytes(), &res.body)
	return res
}

// upload opens a session and sends the whole file, returning the handle.
func upload(t *testing.T, s *Server, fileType string, data []byte) string {
	t.Helper()
	session := openSession(t, s, "file_length="+strconv.Itoa(len(data))+"&file_type="+url.QueryEscape(fileType))
	res := uploadBytes(t, s, session, 0, data)
	wantStatus(t, res, http.StatusOK)
	h, _ := res.body["h"].(string)
	return h
}

func sessionOffset(t *testing.T, s *Server, session string) any {
	t.Helper()
	res := get(t, s, "/v25.0/"+session)
	wantStatus(t, res, http.StatusOK)
	return res.body["file_offset"]
}

func TestUploadLifecycle(t *testing.T) {
	s := newTestServer(t)
	data := []byte("\xff\xd8\xff\xe0 a tiny jpeg")
	session := openSession(t, s, "file_length="+strconv.Itoa(len(data))+"&file_type=image/jpeg&file_name=logo.jpg")
	id, sig, _ := strings.Cut(session, "?sig=")
	if got := sessionOffset(t, s, session); got != 0.0 {
		t.Errorf("file_offset before = %v, want 0", got)
	}
	// GET answers the ID without the signature, and does not need it.
	if res := get(t, s, "/v25.0/"+id); res.body["id"] != id || res.body["file_offset"] != 0.0 {
		t.Errorf("status = %s", res.raw)
	}

	res := uploadBytes(t, s, session, 0, data)
	wantStatus(t, res, http.StatusOK)
	h, _ := res.body["h"].(string)
	parts := strings.Split(h, ":")
	if len(parts) != 9 || parts[0] != "4" || parts[4] != "e" || parts[6] != fixtureApp {
		t.Fatalf("handle = %q", h)
	}
	name, _ := base64.StdEncoding.DecodeString(parts[1])
	mime, _ := base64.StdEncoding.DecodeString(parts[2])
	if string(name) != "logo.jpg" || string(mime) != "image/jpeg" {
		t.Errorf("handle names %q of type %q", name, mime)
	}
	if _, err := strconv.ParseInt(parts[5], 10, 64); err != nil {
		t.Errorf("expiry %q is not a Unix time", parts[5])
	}
	sum := sha256.Sum256(data)
	s.mu.Lock()
	file := s.uploads.files[h]
	s.mu.Unlock()
	if file.fileType != "image/jpeg" || file.sha256 != hex.EncodeToString(sum[:]) || file.length != int64(len(data)) || file.appID != fixtureApp {
		t.Errorf("remembered file = %+v", file)
	}
	if got := sessionOffset(t, s, session); got != float64(len(data)) {
		t.Errorf("file_offset after = %v, want %d", got, len(data))
	}
	// Sending the end again answers the same handle.
	if again := uploadBytes(t, s, id+"?sig="+sig, len(data), nil); again.body["h"] != h {
		t.Errorf("repeat = %s", again.raw)
	}

	want := map[string]int{"POST " + tmplUploads: 1, "POST " + tmplUploadSession: 2, "GET " + tmplUploadSession: 3}
	for k, v := range want {
		if got := s.Counts()[k]; got != v {
			t.Errorf("counts[%q] = %d, want %d", k, got, v)
		}
	}
	if reqs := s.Requests(); reqs[3].Path != "/v25.0/"+id || reqs[3].Query.Get("sig") != sig || reqs[3].Status != http.StatusOK {
		t.Errorf("logged upload = %+v", reqs[3])
	}
}

func TestUploadedPictureSetsProfile(t *testing.T) {
	s := newTestServer(t)
	h := upload(t, s, "image/png", []byte("\x89PNG first"))
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","profile_picture_handle":"`+h+`"}`))
	first, _ := readProfile(t, s, "profile_picture_url")["profile_picture_url"].(string)
	if !picturePattern.MatchString(first) {
		t.Fatalf("profile_picture_url = %q", first)
	}
	// A new picture gets a new URL; other fields are kept.
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","about":"Hi"}`))
	h2 := upload(t, s, "image/jpeg", []byte("\xff\xd8 second"))
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","profile_picture_handle":"`+h2+`"}`))
	got := readProfile(t, s, "about,profile_picture_url")
	second, _ := got["profile_picture_url"].(string)
	if !picturePattern.MatchString(second) || second == first || got["about"] != "Hi" {
		t.Errorf("after a second picture: %v (first %s)", got, first)
	}
	// The same handle again also changes the URL, as a new upload of it would.
	wantSuccess(t, postProfile(t, s, `{"messaging_product":"whatsapp","profile_picture_handle":"`+h2+`"}`))
	if third := readProfile(t, s, "profile_picture_url")["profile_picture_url"]; third == second {
		t.Errorf("the URL did not change: %v", third)
	}

	// A document is not a picture.
	pdf := upload(t, s, "application/pdf", []byte("%PDF-1.4"))
	wantError(t, postProfile(t, s, `{"messaging_product":"whatsapp","profile_picture_handle":"`+pdf+`"}`), http.StatusBadRequest, 100, 0,
		"(#100) Invalid profile_picture_handle")
	// A handle changed by one character was not issued.
	wantError(t, postProfile(t, s, `{"messaging_product":"whatsapp","profile_picture_handle":"`+h2+`x"}`), http.StatusBadRequest, 100, 0,
		"(#100) Invalid profile_picture_handle")
}

func TestUploadHandleOfAnotherApp(t *testing.T) {
	const otherToken = "other-app-token"
	s := newTestServer(t, func(seed *Seed) {
		seed.Tokens = append(seed.Tokens, Token{Value: otherToken, AppID: fixtureOtherApp, Scopes: []string{scopeWABAManagement}})
	})
	h := upload(t, s, "image/png", []byte("png"))
	session := openSession(t, s, "file_length=3&file_type=image/png")
	// The other app's token sees neither this app's uploads edge, nor its
	// session, nor may it use its handle.
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: uploadsPath + "?file_length=3&file_type=image/png", token: otherToken}),
		http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{target: "/v25.0/" + session, token: otherToken}), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: profilePath, token: otherToken,
		json: `{"messaging_product":"whatsapp","profile_picture_handle":"` + h + `"}`}), http.StatusBadRequest, 100, 0, "(#100) Invalid profile_picture_handle")
	// Its own uploads edge works.
	res := send(t, s, apiReq{method: http.MethodPost, target: "/v25.0/" + fixtureOtherApp + "/uploads?file_length=3&file_type=image/png", token: otherToken})
	wantStatus(t, res, http.StatusOK)
}

func TestUploadResume(t *testing.T) {
	s := newTestServer(t)
	data := []byte("0123456789")
	session := openSession(t, s, "file_length=10&file_type=video/mp4")
	wantError(t, uploadBytes(t, s, session, 0, data[:4]), http.StatusBadRequest, 100, 0,
		"(#100) Received 4 of the 10 bytes of file_length; send the rest with file_offset 4")
	if got := sessionOffset(t, s, session); got != 4.0 {
		t.Fatalf("file_offset = %v, want 4", got)
	}
	// Starting over is refused: the offset must be where the bytes stop.
	wantError(t, uploadBytes(t, s, session, 0, data), http.StatusBadRequest, 100, 0,
		"(#100) Header file_offset 0 does not match the 4 bytes received so far")
	res := uploadBytes(t, s, session, 4, data[4:])
	wantStatus(t, res, http.StatusOK)
	h, _ := res.body["h"].(string)
	sum := sha256.Sum256(data)
	s.mu.Lock()
	got := s.uploads.files[h].sha256
	s.mu.Unlock()
	if got != hex.EncodeToString(sum[:]) {
		t.Errorf("the hash of the resumed upload = %s, want that of the whole file", got)
	}
}

func TestUploadRefusals(t *testing.T) {
	s := newTestServer(t)
	session := openSession(t, s, "file_length=3&file_type=image/png")
	id, _, _ := strings.Cut(session, "?sig=")
	wantError(t, uploadBytes(t, s, session, 0, []byte("12345")), http.StatusBadRequest, 100, 0,
		"(#100) The body holds more than the 3 bytes left of file_length 3 after file_offset 0")
	if got := sessionOffset(t, s, session); got != 0.0 {
		t.Errorf("a refused body was kept: file_offset %v", got)
	}
	wantError(t, uploadBytes(t, s, session, 1, []byte("23")), http.StatusBadRequest, 100, 0,
		"(#100) Header file_offset 1 does not match the 0 bytes received so far")
	noOffset := httptest.NewRequest(http.MethodPost, "/v25.0/"+session, strings.NewReader("123"))
	noOffset.Header.Set("Authorization", "OAuth "+tokenOK)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, noOffset)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "The header file_offset is required") {
		t.Errorf("without file_offset: %d %s", rec.Code, rec.Body.String())
	}
	wantError(t, uploadBytes(t, s, id, 0, []byte("123")), http.StatusBadRequest, 100, 0, "")
	wantError(t, uploadBytes(t, s, id+"?sig=ARwrong", 0, []byte("123")), http.StatusBadRequest, 100, 0,
		"(#100) Param sig does not match upload session "+id)
	wantError(t, get(t, s, "/v25.0/"+id+"?sig=ARwrong"), http.StatusBadRequest, 100, 0, "")
	wantError(t, uploadBytes(t, s, "upload:nothing?sig=AR", 0, []byte("123")), http.StatusBadRequest, 100, 33, "")
	wantError(t, send(t, s, apiReq{method: http.MethodDelete, target: "/v25.0/" + id, token: tokenOK}), http.StatusBadRequest, 100, 33, "")
	// None of that moved the session.
	if got := sessionOffset(t, s, session); got != 0.0 {
		t.Errorf("file_offset = %v, want 0", got)
	}

	types := "(#100) Param file_type must be one of {application/pdf, image/jpeg, image/jpg, image/png, video/mp4}"
	for _, tc := range []struct{ query, message string }{
		{"file_type=image/png", "(#100) The parameter file_length is required"},
		{"file_length=0&file_type=image/png", "(#100) Param file_length must be a positive integer"},
		{"file_length=-3&file_type=image/png", "(#100) Param file_length must be a positive integer"},
		{"file_length=ten&file_type=image/png", "(#100) Param file_length must be a positive integer"},
		{"file_length=3", "(#100) The parameter file_type is required"},
		{"file_length=3&file_type=image/gif", types},
	} {
		wantError(t, send(t, s, apiReq{method: http.MethodPost, target: uploadsPath + "?" + tc.query, token: tokenOK}),
			http.StatusBadRequest, 100, 0, tc.message)
	}
	// Form parameters work like query parameters.
	res := send(t, s, apiReq{method: http.MethodPost, target: uploadsPath, token: tokenOK, form: url.Values{"file_length": {"3"}, "file_type": {"application/pdf"}}})
	if id, _ := res.body["id"].(string); !sessionPattern.MatchString(id) {
		t.Errorf("form POST = %s", res.raw)
	}
	// Another app, an unknown app and a GET answer like missing objects.
	for _, r := range []apiReq{
		{method: http.MethodPost, target: "/v25.0/" + fixtureOtherApp + "/uploads?file_length=3&file_type=image/png", token: tokenOK},
		{method: http.MethodPost, target: "/v25.0/999/uploads?file_length=3&file_type=image/png", token: tokenOK},
		{target: uploadsPath, token: tokenOK},
	} {
		wantError(t, send(t, s, r), http.StatusBadRequest, 100, 33, "")
	}
	// A token is needed.
	wantError(t, send(t, s, apiReq{method: http.MethodPost, target: uploadsPath + "?file_length=3&file_type=image/png"}), http.StatusBadRequest, 2500, 0, "")
}

func TestUploadAnyScope(t *testing.T) {
	s := newTestServer(t)
	res := send(t, s, apiReq{method: http.MethodPost, target: uploadsPath + "?file_length=1&file_type=image/png", token: fixtureReadonlyToken})
	wantStatus(t, res, http.StatusOK)
	// The app's own token works too.
	res = send(t, s, apiReq{method: http.MethodPost, target: uploadsPath + "?file_length=1&file_type=image/png", token: fixtureApp + "|" + fixtureAppSecret})
	wantStatus(t, res, http.StatusOK)
}

func TestUploadFault(t *testing.T) {
	s := newTestServer(t)
	session := openSession(t, s, "file_length=2&file_type=image/png")
	s.InjectFault(Fault{Method: http.MethodPost, Path: "^/upload:", Kind: FaultGraphError, Code: 2, Transient: true, Times: 1})
	wantError(t, uploadBytes(t, s, session, 0, []byte("ab")), http.StatusServiceUnavailable, 2, 0, "")
	// The fault answered before any byte was taken, so the retry starts at 0.
	res := uploadBytes(t, s, session, 0, []byte("ab"))
	wantStatus(t, res, http.StatusOK)
	if reqs := s.Requests(); len(reqs) != 3 || reqs[1].Template != tmplUploadSession || reqs[1].Fault != FaultGraphError {
		t.Errorf("request log = %+v", reqs)
	}
}
