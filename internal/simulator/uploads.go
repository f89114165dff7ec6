package simulator

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Meta's Resumable Upload API. POST /{app-id}/uploads opens a session for a
// file of file_length bytes and file_type; POST /upload:<session> with the
// bytes as the body (and the header file_offset) completes it and answers
// a handle, h, which other calls take in place of the file, such as
// profile_picture_handle. GET /upload:<session> answers how many bytes
// arrived, so that an interrupted upload resumes from there. The session ID
// Graph answers carries a signature, "upload:<opaque>?sig=<opaque>", which a
// client sends as the path and the query; the simulator checks it.

const (
	tmplUploads       = "/{app-id}/uploads"
	tmplUploadSession = "/upload:{session}"
)

// uploadFileTypes are the file_type values Meta's page lists.
var uploadFileTypes = []string{"application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"}

// maxUploadLength bounds file_length: a request's bytes are held in memory
// while they are read. Meta's media limits stay below it.
const maxUploadLength = 100 << 20

// uploadHandleLife is the expiry a handle shows; the simulator does not
// enforce it.
const uploadHandleLife = 30 * 24 * time.Hour

// urlSafeAlphabet makes opaque parts that need no escaping in a path, a
// query or a form.
const urlSafeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// uploadTemplate gives the upload routes their templates, or "".
func uploadTemplate(segs []string) string {
	switch {
	case len(segs) == 1 && strings.HasPrefix(segs[0], "upload:"):
		return tmplUploadSession
	case len(segs) == 2 && segs[1] == "uploads" && isNumericID(segs[0]):
		return tmplUploads
	}
	return ""
}

// uploadSession is a file being uploaded, by the token's app.
type uploadSession struct {
	appID    string
	sig      string
	name     string
	fileType string
	length   int64
	received int64
	sum      hash.Hash // of the bytes received so far
	handle   string    // set when the last byte arrives
}

// uploadedFile is what a handle stands for. Later calls that take a handle
// check its app and type.
type uploadedFile struct {
	appID    string
	fileType string
	length   int64
	sha256   string
}

// uploadStore holds sessions by their ID without the signature,
// "upload:<opaque>", and completed files by handle. It is guarded by
// Server.mu.
type uploadStore struct {
	sessions map[string]*uploadSession
	files    map[string]uploadedFile
}

func newUploadStore() uploadStore {
	return uploadStore{sessions: map[string]*uploadSession{}, files: map[string]uploadedFile{}}
}

// serveUploads handles /{app-id}/uploads and /upload:<session>. Any valid
// token will do; a session belongs to the app that opened it.
func (s *Server) serveUploads(c *call) response {
	switch {
	case c.template == tmplUploads && c.method == http.MethodPost:
		return s.openUpload(c)
	case c.template == tmplUploadSession && c.method == http.MethodPost:
		return s.receiveUpload(c)
	case c.template == tmplUploadSession && c.method == http.MethodGet:
		s.mu.Lock()
		defer s.mu.Unlock()
		sess, gerr := s.uploadSession(c, false)
		if gerr != nil {
			return errorResponse(gerr)
		}
		return jsonResponse(map[string]any{"id": c.segs[0], "file_offset": sess.received})
	}
	return errorResponse(errUnknownObject(c.method, c.segs[0]))
}

// openUpload serves POST /{app-id}/uploads. Another app's ID answers like a
// missing object.
func (s *Server) openUpload(c *call) response {
	appID := c.segs[0]
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, known := s.st.apps[appID]; !known || appID != c.appID {
		return errorResponse(errUnknownObject(c.method, appID))
	}
	rawLength := c.params.Get("file_length")
	if rawLength == "" {
		return errorResponse(errParam("The parameter file_length is required"))
	}
	length, err := strconv.ParseInt(rawLength, 10, 64)
	if err != nil || length < 1 {
		return errorResponse(errParam("Param file_length must be a positive integer"))
	}
	if length > maxUploadLength {
		return errorResponse(errParam("Param file_length must be at most %d", maxUploadLength))
	}
	fileType := c.params.Get("file_type")
	if fileType == "" {
		return errorResponse(errParam("The parameter file_type is required"))
	}
	if !slices.Contains(uploadFileTypes, fileType) {
		return errorResponse(errParam("Param file_type must be one of {%s}", strings.Join(uploadFileTypes, ", ")))
	}
	// Meta's opaque part is base64 of "1:attachment:<uuid>?file_length=...&file_type=...".
	uuid := s.randomText("0123456789abcdef", 32)
	opaque := base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "1:attachment:%s-%s-%s-%s-%s?file_length=%d&file_type=%s",
		uuid[:8], uuid[8:12], uuid[12:16], uuid[16:20], uuid[20:], length, fileType))
	id := "upload:" + opaque
	sess := &uploadSession{
		appID: appID, sig: "AR" + s.randomText(urlSafeAlphabet, 40),
		name: c.params.Get("file_name"), fileType: fileType, length: length, sum: sha256.New(),
	}
	s.uploads.sessions[id] = sess
	return jsonResponse(map[string]string{"id": id + "?sig=" + sess.sig})
}

// uploadSession finds the call's session and checks its signature, which a
// POST must carry and a GET may. The caller holds s.mu.
func (s *Server) uploadSession(c *call, needSig bool) (*uploadSession, *graphError) {
	id := c.segs[0]
	sess := s.uploads.sessions[id]
	if sess == nil || sess.appID != c.appID {
		return nil, errUnknownObject(c.method, id)
	}
	sig, given := c.params["sig"]
	switch {
	case !given && needSig:
		return nil, errParam("The parameter sig is required: send the whole session ID, upload:<id>?sig=<signature>")
	case given && subtle.ConstantTimeCompare([]byte(sig[0]), []byte(sess.sig)) != 1:
		return nil, errParam("Param sig does not match upload session %s", id)
	}
	return sess, nil
}

// receiveUpload serves POST /upload:<session>: the body holds the file's
// bytes from file_offset on. Bytes of a body that stops short are kept, and
// the upload resumes from the offset a GET answers; a body with more bytes
// than file_length allows is refused whole. The body is read outside the
// state lock, since it comes from the network.
func (s *Server) receiveUpload(c *call) response {
	s.mu.Lock()
	sess, gerr := s.uploadSession(c, true)
	if gerr != nil {
		s.mu.Unlock()
		return errorResponse(gerr)
	}
	offset, gerr := fileOffset(c.r.Header.Get("file_offset"), sess.received)
	remaining := sess.length - sess.received
	s.mu.Unlock()
	if gerr != nil {
		return errorResponse(gerr)
	}
	var body []byte
	if c.r.Body != nil {
		var err error
		if body, err = io.ReadAll(io.LimitReader(c.r.Body, remaining+1)); err != nil {
			return errorResponse(errParam("Could not read the file's bytes"))
		}
	}
	if int64(len(body)) > remaining {
		return errorResponse(errParam("The body holds more than the %d bytes left of file_length %d after file_offset %d", remaining, sess.length, offset))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if sess.received != offset {
		// Another request for the session moved the offset meanwhile.
		return errorResponse(errParam("Header file_offset %d does not match the %d bytes received so far", offset, sess.received))
	}
	sess.sum.Write(body)
	sess.received += int64(len(body))
	if sess.received < sess.length {
		return errorResponse(errParam("Received %d of the %d bytes of file_length; send the rest with file_offset %d", sess.received, sess.length, sess.received))
	}
	if sess.handle == "" {
		sess.handle = s.newUploadHandle(c.now, sess)
		s.uploads.files[sess.handle] = uploadedFile{
			appID: sess.appID, fileType: sess.fileType, length: sess.length, sha256: hex.EncodeToString(sess.sum.Sum(nil)),
		}
	}
	return jsonResponse(map[string]string{"h": sess.handle})
}

// fileOffset reads the file_offset header, which must be the number of
// bytes the session already has.
func fileOffset(raw string, received int64) (int64, *graphError) {
	if raw == "" {
		return 0, errParam("The header file_offset is required")
	}
	offset, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
	if err != nil || offset < 0 {
		return 0, errParam("Header file_offset must be a non-negative integer")
	}
	if offset != received {
		return 0, errParam("Header file_offset %d does not match the %d bytes received so far", offset, received)
	}
	return offset, nil
}

// newUploadHandle is a handle shaped like Meta's,
// 4:<file name>:<file type>:<opaque>:e:<expiry>:<app-id>:<id>:<opaque>, the
// name and type base64-encoded. The caller holds s.mu.
func (s *Server) newUploadHandle(now time.Time, sess *uploadSession) string {
	return strings.Join([]string{
		"4",
		base64.StdEncoding.EncodeToString([]byte(sess.name)),
		base64.StdEncoding.EncodeToString([]byte(sess.fileType)),
		"AR" + s.randomText(urlSafeAlphabet, 30),
		"e",
		strconv.FormatInt(now.Add(uploadHandleLife).Unix(), 10),
		sess.appID,
		s.randomText("0123456789", 15),
		"AR" + s.randomText(urlSafeAlphabet, 30),
	}, ":")
}

// randomText is n characters of alphabet from the simulator's seeded
// generator, so that recordings repeat. The caller may hold s.mu.
func (s *Server) randomText(alphabet string, n int) string {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[s.rng.IntN(len(alphabet))]
	}
	return string(b)
}
