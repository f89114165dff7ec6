package graph

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
)

// QRCode is a phone number's QR code and short link: a code that opens a
// chat with the number with the prefilled message typed in. The image URL
// is short-lived and depends on the format asked for, so the edge's shared
// read leaves it out (see qrCodesQuery).
type QRCode struct {
	Code             string
	PrefilledMessage string
	DeepLinkURL      string
	QRImageURL       string
}

func (q QRCode) clone() QRCode { return q }

// qrCodeJSON is one item of /{phone-number-id}/message_qrdls and the answer
// of its POST, as Meta's WhatsApp OpenAPI description gives it:
// {code, prefilled_message, deep_link_url, qr_image_url}.
type qrCodeJSON struct {
	Code             string `json:"code"`
	PrefilledMessage string `json:"prefilled_message"`
	DeepLinkURL      string `json:"deep_link_url"`
	QRImageURL       string `json:"qr_image_url"`
}

// noCodeMessage is the error of a write or read answered without a code.
const noCodeMessage = `the answer came without a "code", so the QR code may not have been written`

// checkResponse refuses a 200 without a code (such as {"success":false}),
// so that do reports it with the status, path and fbtrace_id.
func (j qrCodeJSON) checkResponse() error {
	if j.Code == "" {
		return errors.New(noCodeMessage)
	}
	return nil
}

func (j qrCodeJSON) qrCode() QRCode {
	return QRCode(j)
}

// decodeQRCode reads one item of the message_qrdls edge.
func decodeQRCode(raw []byte) (QRCode, error) {
	var j qrCodeJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return QRCode{}, err
	}
	return j.qrCode(), nil
}

// qrCodes is the phone number's message_qrdls edge.
func (c *Client) qrCodes(phoneID string) edge[QRCode] {
	return edge[QRCode]{via: c, cache: &c.reads.qrCodes, name: "message_qrdls", object: phoneID,
		path: edgePath(phoneID, "message_qrdls"), decode: decodeQRCode}
}

// qrCodesQuery reads every code of a number without the image URL: that
// URL is short-lived and in one format per read, so one shared read serves
// every code of the number whatever its format.
func qrCodesQuery() edgeQuery {
	q := url.Values{"fields": {"code,prefilled_message,deep_link_url"}}
	return edgeQuery{params: q, id: q.Encode()}
}

func isQRCode(code string) func(QRCode) bool {
	return func(q QRCode) bool { return q.Code == code }
}

// FindQRCode returns the number's code, or nil when the number does not
// list it. Every code of the number is read in one paged request, shared by
// all reads of the number in a run until this client writes to it: a
// refresh of N codes on one number costs one read.
func (c *Client) FindQRCode(ctx context.Context, phoneID, code string) (*QRCode, error) {
	return c.qrCodes(phoneID).find(ctx, qrCodesQuery(), isQRCode(code))
}

// GetQRCode reads one code from its own node with the image URL in format,
// a new short-lived URL.
func (c *Client) GetQRCode(ctx context.Context, phoneID, code, format string) (*QRCode, error) {
	var j qrCodeJSON
	q := url.Values{"fields": {"code,prefilled_message,deep_link_url,qr_image_url.format(" + format + ")"}}
	if err := c.do(ctx, "GET", edgePath(phoneID, "message_qrdls")+"/"+pathSegment(code), q, nil, &j); err != nil {
		return nil, err
	}
	return qrCodeAnswer(j, "GET")
}

// qrCodeAnswer checks that an answer is a code: a 200 without one (such as
// {"success":false}) must not read as a code with no message. do's
// checkAnswer refuses such an answer first, with its fbtrace_id; this is
// the backstop.
func qrCodeAnswer(j qrCodeJSON, method string) (*QRCode, error) {
	if err := j.checkResponse(); err != nil {
		return nil, &Error{HTTPStatus: 200, Method: method, Path: "message_qrdls", Message: err.Error()}
	}
	q := j.qrCode()
	return &q, nil
}

// CreateQRCode makes a new code on the number. Every call makes a new code:
// there is no natural key to find an existing one by. So the POST is made
// at most once unless Graph refused it (see applyOnce); a failure that
// leaves open whether Graph made the code is an *OutcomeUnknownError.
func (c *Client) CreateQRCode(ctx context.Context, phoneID, message, format string) (*QRCode, error) {
	return c.writeQRCode(applyOnce(ctx, qrCodeCreate(phoneID)), phoneID, formBody{"prefilled_message": {message}, "generate_qr_image": {format}})
}

// UpdateQRCode changes the code's prefilled message in place: the same POST
// with the code. The code, and so every printed QR code, stays the same.
func (c *Client) UpdateQRCode(ctx context.Context, phoneID, code, message, format string) (*QRCode, error) {
	return c.writeQRCode(ctx, phoneID, formBody{"code": {code}, "prefilled_message": {message}, "generate_qr_image": {format}})
}

// writeQRCode posts to the edge and decodes the code it answers with, not
// a success flag as other writes do.
func (c *Client) writeQRCode(ctx context.Context, phoneID string, b formBody) (*QRCode, error) {
	e := c.qrCodes(phoneID)
	var j qrCodeJSON
	err := e.cache.writing(e.scope(), func() error {
		return c.do(ctx, "POST", e.path, nil, b, &j)
	})
	if err != nil {
		return nil, err
	}
	return qrCodeAnswer(j, "POST")
}

// DeleteQRCode deletes the code; a printed QR code of it stops working.
func (c *Client) DeleteQRCode(ctx context.Context, phoneID, code string) error {
	if code == "" {
		return errors.New("a QR code to delete needs its code")
	}
	e := c.qrCodes(phoneID)
	return e.write(ctx, edgeWrite{method: "DELETE", path: e.path + "/" + pathSegment(code)})
}
