package graph

import (
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// attemptStats counts attempts and retries since the client was built.
type attemptStats struct{ Attempts, Retries int64 }

// stats reports how many HTTP attempts the client made and how many of them
// were retries.
func (c *Client) stats() attemptStats {
	return attemptStats{Attempts: c.wire.attempts.Load(), Retries: c.wire.retries.Load()}
}

// logAttempt counts every attempt and logs each retry.
func (c *Client) logAttempt(_ retryablehttp.Logger, req *http.Request, attempt int) {
	c.wire.attempts.Add(1)
	if attempt > 0 {
		c.wire.retries.Add(1)
		c.cfg.Logger.Warn(req.Context(), "retrying Graph API request", map[string]any{
			"http_method": req.Method, "http_url": c.wire.masker.url(req.URL), "attempt": attempt + 1,
		})
	}
}
