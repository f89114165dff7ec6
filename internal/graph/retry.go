package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph/internal/pacing"
)

// checkRetry decides whether an attempt is worth repeating. Graph reports
// throttling and transient failures mostly as HTTP 400 with an error code, so
// the status alone is not enough: the body is read (and put back for the
// caller) and classified by code and is_transient.
//
// Reads, and writes that set a value or delete an object, are idempotent:
// asking again after any transient failure is safe. A call marked with
// applyOnce (a create that makes a new object each time) is not: it is
// asked again only after an answer proving that Graph applied nothing, a
// rate-limit refusal, or when no connection could be made (see send).
// ctx is the request's: the one given to do.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil && isDialFailure(err) {
		// Nothing answers at base_url: send retries once, briefly, and
		// then stops the whole client.
		return false, nil
	}
	_, once := appliedOnce(ctx)
	if err != nil || resp == nil {
		if once {
			// The request may have reached Graph before the connection
			// broke or the attempt timed out.
			return false, nil
		}
		// Connection resets, timeouts and the like: the default policy
		// already refuses the hopeless ones (bad scheme, TLS, redirects).
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	if resp.StatusCode == http.StatusNotImplemented {
		return false, nil
	}
	data, readErr := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	if readErr != nil {
		if once {
			// An answer came, cut: whatever it said is lost.
			return false, nil
		}
		// The connection broke while the body was read: ask again.
		c.cfg.Logger.Debug(ctx, "Graph API response body cut short; retrying", map[string]any{"error": c.wire.masker.text(readErr.Error())})
		return true, nil
	}

	if resp.StatusCode < 300 {
		// A success status with an empty or cut body is a failed delivery,
		// not an answer: asked again, except for a call applied once,
		// which the success status suggests Graph applied.
		return !once && (len(bytes.TrimSpace(data)) == 0 || !json.Valid(data)), nil
	}
	if resp.StatusCode < 400 {
		return false, nil
	}
	ge := parseError(resp, data)
	if isTooMuchData(ge) {
		// The same request fails the same way; listAll asks for less.
		return false, nil
	}
	if once && !isRefusal(ge) {
		// A failure of Graph or a proxy (5xx, codes 1 and 2,
		// is_transient) may follow a call that was applied.
		return false, nil
	}
	if ge.Code != 0 {
		if !ge.IsTransient && !isTransientCode(ge.Code) {
			return false, nil
		}
		// Past the ceiling, fail now with a message saying how long to wait
		// rather than hold a Terraform run for most of an hour.
		if ge.RetryAfter > c.cfg.MaxThrottleWait {
			return false, nil
		}
		return true, nil
	}
	if ge.RetryAfter > c.cfg.MaxThrottleWait {
		return false, nil
	}
	return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500, nil
}

// backoff waits as long as Graph asked (Retry-After, or the BUC header's
// estimated_time_to_regain_access) when it said, clamped to RetryWaitMax;
// otherwise exponentially from RetryWaitMin with jitter so that parallel
// resources do not retry in lock step.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d := pacing.RetryAfter(resp.Header); d > 0 {
			return min(d, maxWait)
		}
	}
	wait := minWait << min(attempt, 20)
	if wait <= 0 || wait > maxWait {
		wait = maxWait
	}
	jitter := time.Duration(rand.Int64N(int64(wait)/2 + 1))
	return min(wait/2+jitter+wait/4, maxWait)
}
