package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// body is a request body: nil, form values or a JSON document.
type body interface {
	encode() (contentType string, data []byte, err error)
}

type formBody url.Values

func (f formBody) encode() (string, []byte, error) {
	return "application/x-www-form-urlencoded", []byte(url.Values(f).Encode()), nil
}

type jsonBody struct{ v any }

func (j jsonBody) encode() (string, []byte, error) {
	data, err := json.Marshal(j.v)
	return "application/json", data, err
}

// newRequest builds the request: URL, encoded body, and headers that carry
// the token (never the URL), and logs the body masked.
func (c *Client) newRequest(ctx context.Context, method, path string, query url.Values, b body) (*retryablehttp.Request, error) {
	var payload []byte
	contentType := ""
	if b != nil {
		var err error
		if contentType, payload, err = b.encode(); err != nil {
			return nil, fmt.Errorf("encoding the %s %s request: %w", method, path, err)
		}
	}
	var raw any
	if payload != nil {
		raw = payload
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, c.endpoint(path, query), raw)
	if err != nil {
		return nil, fmt.Errorf("building the %s %s request: %s", method, path, c.wire.masker.text(err.Error()))
	}
	req.Header.Set("Authorization", "Bearer "+c.cfg.AccessToken)
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if _, isFile := b.(fileBody); isFile {
		// The Resumable Upload API's bytes go with the OAuth scheme and
		// their offset, as Meta's page shows; their content is not logged.
		req.Header.Set("Authorization", "OAuth "+c.cfg.AccessToken)
		req.Header.Set("File_offset", "0")
		c.cfg.Logger.Trace(ctx, "Graph API request body", map[string]any{"http_method": method, "http_path": path, "http_body": fmt.Sprintf("(%d bytes of %s)", len(payload), contentType)})
		return req, nil
	}
	if payload != nil {
		c.cfg.Logger.Trace(ctx, "Graph API request body", map[string]any{"http_method": method, "http_path": path, "http_body": c.wire.masker.text(string(payload))})
	}
	return req, nil
}

// endpoint builds the request URL: base, version, path and query. The token
// is never part of it; appsecret_proof is, because Graph reads it there.
func (c *Client) endpoint(path string, query url.Values) string {
	q := url.Values{}
	for k, v := range query {
		q[k] = append([]string(nil), v...)
	}
	if c.wire.proof != "" {
		q.Set("appsecret_proof", c.wire.proof)
	}
	u := c.cfg.BaseURL + "/" + c.cfg.APIVersion + path
	if enc := q.Encode(); enc != "" {
		u += "?" + enc
	}
	return u
}

// pathSegment escapes an ID for use in a path. IDs are validated numeric
// upstream; escaping keeps a bad one from changing the path's shape.
func pathSegment(id string) string { return url.PathEscape(strings.TrimSpace(id)) }

// edgePath is the path of an object's edge, e.g. /{waba-id}/assigned_users.
func edgePath(objectID, edge string) string { return "/" + pathSegment(objectID) + "/" + edge }
