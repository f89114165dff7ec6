package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// page is Graph's list envelope.
type page struct {
	Data   items `json:"data"`
	Paging *struct {
		Cursors struct {
			After string `json:"after"`
		} `json:"cursors"`
		Next string `json:"next"`
	} `json:"paging"`
}

// items is a page's data list. JSON null decodes to an empty list, so that
// nil means the key was missing.
type items []json.RawMessage

func (it *items) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw == nil {
		raw = []json.RawMessage{}
	}
	*it = raw
	return nil
}

// checkResponse refuses a 200 without a data key (such as
// {"success":false}): read as an empty page it would make every object on the
// edge look deleted.
func (p *page) checkResponse() error {
	if p.Data == nil {
		return errors.New(`the response has no "data" list, so it is not a page of the edge`)
	}
	return nil
}

// maxPages guards against an API that keeps handing out cursors.
const maxPages = 10000

// listAll pages through a list edge and calls each for every item. It asks
// for the configured page size and rebuilds every next request from
// paging.cursors.after: paging.next is never followed, because Meta embeds the
// access token in it. The last page is the one without paging.next; a page
// may be empty and still have one.
//
// When Graph answers a page with "reduce the amount of data", the same page
// (same cursor) is asked again with half the page size, down to
// minPageLimit; the smaller size is kept for later reads of the edge.
func (c *Client) listAll(ctx context.Context, edge, path string, query url.Values, each func(json.RawMessage) error) error {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	if size, ok := c.pageLimit(edge); ok {
		q.Set("limit", strconv.Itoa(size))
	}
	reduced := false
	seen := map[string]bool{}
	for pages := 0; ; pages++ {
		if pages >= maxPages {
			return fmt.Errorf("GET %s: gave up after %d pages", path, maxPages)
		}
		var p page
		err := c.do(ctx, "GET", path, q, nil, &p)
		if err != nil && q.Has("limit") && !reduced && isLimitRefused(err) {
			// The edge refuses our page size: remember it for this
			// process and use the edge's default.
			c.pages.refuseLimit(edge)
			q.Del("limit")
			pages--
			continue
		}
		if err != nil && isTooMuchData(err) {
			// Asking again unchanged fails again: ask for a smaller page.
			// A page asked without a limit had the edge's default size,
			// taken to be at most the configured one.
			current := c.cfg.PageLimit
			if n, convErr := strconv.Atoi(q.Get("limit")); convErr == nil {
				current = n
			}
			smaller, ok := c.reducePageLimit(edge, current)
			if !ok {
				return err
			}
			c.cfg.Logger.Debug(ctx, "Graph API asked for less data per page; asking again with a smaller page", map[string]any{
				"http_path": path, "page_limit": smaller,
			})
			q.Set("limit", strconv.Itoa(smaller))
			reduced = true
			pages--
			continue
		}
		if err != nil {
			return err
		}
		for _, item := range p.Data {
			if err := each(item); err != nil {
				return fmt.Errorf("GET %s: decoding an item: %w", path, err)
			}
		}
		if p.Paging == nil || p.Paging.Next == "" || p.Paging.Cursors.After == "" {
			return nil
		}
		after := p.Paging.Cursors.After
		if seen[after] {
			return fmt.Errorf("GET %s: the API returned the same paging cursor twice", path)
		}
		seen[after] = true
		q.Set("after", after)
	}
}

func isLimitRefused(err error) bool {
	ge, ok := AsError(err)
	return ok && ge.Code == 100 && strings.Contains(strings.ToLower(ge.Message), "limit")
}
