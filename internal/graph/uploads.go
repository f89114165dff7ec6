package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Meta's Resumable Upload API turns a file into a handle that other calls
// take (a profile picture, a template's media example): POST
// /{app-id}/uploads opens a session, and a POST of the bytes to the session
// answers the handle. Meta's page and public client code send the bytes
// with "Authorization: OAuth <token>" and a file_offset header.

// uploadSession is the answer that opens a session: {"id":"upload:...?sig=..."}.
type uploadSession struct {
	ID string `json:"id"`
}

func (s uploadSession) checkResponse() error {
	if !strings.HasPrefix(s.ID, "upload:") {
		return errors.New(`the response has no "id" starting with "upload:", so no upload session was opened`)
	}
	return nil
}

// uploadHandle is the answer to the bytes: {"h":"<handle>"}.
type uploadHandle struct {
	H string `json:"h"`
}

func (h uploadHandle) checkResponse() error {
	if h.H == "" {
		return errors.New(`the response has no handle ("h"), so the file was not taken`)
	}
	return nil
}

// fileBody is a file's bytes, sent as they are from offset 0.
type fileBody struct {
	contentType string
	data        []byte
}

func (f fileBody) encode() (string, []byte, error) { return f.contentType, f.data, nil }

// UploadFile uploads a file whole through the Resumable Upload API and
// returns its handle. The session is opened on the provider's app, so the
// client needs the app ID. fileType is a MIME type of UploadFileTypes.
func (c *Client) UploadFile(ctx context.Context, name, fileType string, data []byte) (string, error) {
	if c.cfg.AppID == "" {
		return "", errors.New("uploading a file needs the app's ID, on which Graph opens the upload session: set app_id in the provider block or WHATSAPP_APP_ID")
	}
	var session uploadSession
	q := url.Values{"file_name": {name}, "file_length": {strconv.Itoa(len(data))}, "file_type": {fileType}}
	if err := c.do(ctx, "POST", edgePath(c.cfg.AppID, "uploads"), q, nil, &session); err != nil {
		return "", err
	}
	path, query, err := sessionPath(session.ID)
	if err != nil {
		return "", err
	}
	var h uploadHandle
	if err := c.do(ctx, "POST", path, query, fileBody{contentType: fileType, data: data}, &h); err != nil {
		return "", err
	}
	return h.H, nil
}

// sessionPath splits a session ID such as "upload:MTph...?sig=ARZ..." into
// the path the bytes go to and its query: Meta's session IDs carry their
// signature as a query string.
func sessionPath(id string) (string, url.Values, error) {
	base, rawQuery, _ := strings.Cut(id, "?")
	query, err := url.ParseQuery(rawQuery)
	if err != nil || strings.ContainsAny(base, "/ ") {
		return "", nil, fmt.Errorf("the upload session ID %q is not of the form upload:<id>[?sig=...]", id)
	}
	return "/" + base, query, nil
}
