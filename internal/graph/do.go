package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// maxResponseBytes bounds what the client reads of one response.
const maxResponseBytes = 16 << 20

// do sends one logical request (retried as the policy says) and decodes a
// successful JSON response into out. path starts with "/" and excludes the
// version. A call marked with applyOnce whose failure leaves open whether
// Graph applied it fails with an *OutcomeUnknownError.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, b body, out any) error {
	if err := c.admit(method, path); err != nil {
		return err
	}
	req, err := c.newRequest(ctx, method, path, query, b)
	if err != nil {
		return err
	}
	cancelledBefore := ctx.Err() != nil
	resp, err := c.send(ctx, req)
	if err != nil {
		closeBody(resp)
		err = c.sendError(ctx, method, path, err)
		if isUnreachable(err) || cancelledBefore {
			// No connection was made, or none was tried: nothing was sent.
			return err
		}
		return outcomeUnknown(ctx, err)
	}
	data, err := c.readBody(ctx, method, path, resp)
	if err != nil {
		return outcomeUnknown(ctx, err)
	}
	c.recordUsage(ctx, resp.Header)
	// Redirects are not followed (see newRetryingClient), so a 3xx is no
	// answer either.
	if resp.StatusCode >= 300 {
		ge := c.failure(method, path, resp, data)
		if leavesOutcomeUnknown(ge) {
			return outcomeUnknown(ctx, ge)
		}
		return ge
	}
	if out == nil {
		return nil
	}
	if err := c.decodeAnswer(method, path, resp, data, out); err != nil {
		// A success status without a readable answer.
		return outcomeUnknown(ctx, err)
	}
	return c.checkAnswer(method, path, resp, out)
}

// admit fails at once, without a request, a call that cannot succeed: Graph
// could not be reached earlier in the run, or the call's object is
// throttled for longer than the client waits.
func (c *Client) admit(method, path string) error {
	if err := c.unreachableErr(); err != nil {
		return err
	}
	return c.throttleCheck(method, path)
}

// sendError is the error for a request that got no response: the run's
// unreachability as it is, anything else as a transport failure.
func (c *Client) sendError(ctx context.Context, method, path string, err error) error {
	if isUnreachable(err) {
		return err
	}
	return c.transportError(ctx, method, path, err)
}

// transportError describes a failure to get any response, without the URL
// (which net/http errors repeat, appsecret_proof included).
func (c *Client) transportError(ctx context.Context, method, path string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s %s was cancelled: %w", method, path, ctxErr)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	retried := fmt.Sprintf("retried up to %d times", c.cfg.MaxRetries)
	if _, once := appliedOnce(ctx); once {
		retried = "not retried"
	}
	return fmt.Errorf("%s %s failed (%s): %s", method, path, retried, c.wire.masker.text(err.Error()))
}

// readBody reads (up to maxResponseBytes) and closes the response body, and
// logs it masked.
func (c *Client) readBody(ctx context.Context, method, path string, resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return nil, c.transportError(ctx, method, path, err)
	}
	c.cfg.Logger.Trace(ctx, "Graph API response body", map[string]any{"http_method": method, "http_path": path, "http_status": resp.StatusCode, "http_body": c.wire.masker.text(string(data))})
	return data, nil
}

// failure is the *Error of an error response, naming the request, masked;
// a throttle too long to wait for also closes its object's gate.
func (c *Client) failure(method, path string, resp *http.Response, data []byte) *Error {
	ge := parseError(resp, data)
	ge.Method, ge.Path = method, path
	ge.Message = c.wire.masker.text(ge.Message)
	c.throttleNote(path, ge)
	return ge
}

// decodeAnswer decodes a successful body into out and hands out the
// response's fbtrace_id when it keeps one.
func (c *Client) decodeAnswer(method, path string, resp *http.Response, data []byte, out any) error {
	if err := json.Unmarshal(data, out); err != nil {
		return answerError(resp, method, path,
			fmt.Sprintf("the response is not the JSON Graph sends (%d bytes): %s", len(data), c.wire.masker.text(err.Error())))
	}
	if t, ok := out.(interface{ setTrace(string) }); ok {
		t.setTrace(resp.Header.Get("X-Fb-Trace-Id"))
	}
	return nil
}

// checkedResponse is a decoded body that can tell a real answer from a 200
// that is not one.
type checkedResponse interface{ checkResponse() error }

// checkAnswer reports a 200 that is not the answer asked for (such as
// {"success":false} where a list or node was expected) like any failed call,
// with the status and fbtrace_id, rather than read it as an empty result.
func (c *Client) checkAnswer(method, path string, resp *http.Response, out any) error {
	cr, ok := out.(checkedResponse)
	if !ok {
		return nil
	}
	if err := cr.checkResponse(); err != nil {
		return answerError(resp, method, path, c.wire.masker.text(err.Error()))
	}
	return nil
}

// answerError is the *Error for a successful status whose body is not an
// answer.
func answerError(resp *http.Response, method, path, message string) *Error {
	return &Error{HTTPStatus: resp.StatusCode, Method: method, Path: path, FBTraceID: resp.Header.Get("X-Fb-Trace-Id"), Message: message}
}
