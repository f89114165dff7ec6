package simulator

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
)

// listOptions tune how a list edge is wrapped.
type listOptions struct {
	// pagingOnlyWhenSplit leaves out the paging object unless the list spans
	// more than one page, as WhatsApp examples of subscribed_apps show.
	pagingOnlyWhenSplit bool
}

// listResponse serves one page of items with Graph's cursor paging envelope.
// Like Meta's, the next and previous links embed the access token, which is
// why clients should rebuild requests from the after cursor instead. The
// caller holds s.mu.
func (s *Server) listResponse(c *call, items []any, opts listOptions) response {
	limit, gerr := s.pageLimit(c.params.Get("limit"))
	if gerr != nil {
		return errorResponse(gerr)
	}
	if s.tooHeavy(limit) {
		return errorResponse(errReduceData())
	}
	total := len(items)
	start, end, gerr := pageWindow(c.params, total, limit)
	if gerr != nil {
		return errorResponse(gerr)
	}
	page := make([]any, 0, end-start)
	page = append(page, items[start:end]...)
	body := map[string]any{"data": page}

	split := start > 0 || end < total
	if end > start && (split || !opts.pagingOnlyWhenSplit) {
		paging := map[string]any{
			"cursors": map[string]string{"before": encodeCursor(start), "after": encodeCursor(end - 1)},
		}
		if end < total {
			paging["next"] = pageURL(c, limit, "after", encodeCursor(end-1))
		}
		if start > 0 {
			paging["previous"] = pageURL(c, limit, "before", encodeCursor(start))
		}
		body["paging"] = paging
	}
	if wantsTotalCount(c.params.Get("summary")) {
		body["summary"] = map[string]int{"total_count": total}
	}
	return jsonResponse(body)
}

func (s *Server) pageLimit(raw string) (int, *graphError) {
	if raw == "" {
		return s.cfg.pageSize, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n <= 0 {
		return 0, errParam("The parameter limit must be a positive integer")
	}
	if n > s.cfg.maxPageSize {
		if s.cfg.strictLimit {
			return 0, errParam("The parameter limit must be at most %d", s.cfg.maxPageSize)
		}
		n = s.cfg.maxPageSize
	}
	return n, nil
}

// pageWindow picks the half-open item range [start, end) for the cursors.
// Cursors point at items: after=c starts right after item c, before=c ends
// right before it.
func pageWindow(params url.Values, total, limit int) (int, int, *graphError) {
	if raw := params.Get("after"); raw != "" {
		pos, ok := decodeCursor(raw)
		if !ok {
			return 0, 0, errParam("The after cursor is not valid")
		}
		start := min(pos+1, total)
		return start, min(total, start+limit), nil
	}
	if raw := params.Get("before"); raw != "" {
		pos, ok := decodeCursor(raw)
		if !ok {
			return 0, 0, errParam("The before cursor is not valid")
		}
		end := min(pos, total)
		return max(0, end-limit), end, nil
	}
	return 0, min(limit, total), nil
}

// encodeCursor makes an opaque cursor: base64 of the item offset.
func encodeCursor(pos int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(pos)))
}

func decodeCursor(c string) (int, bool) {
	c = strings.TrimRight(c, "=")
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(c); err != nil {
			return 0, false
		}
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// pageURL builds an absolute paging link from the current request, swapping
// the cursor and embedding access_token and limit.
func pageURL(c *call, limit int, cursorKey, cursor string) string {
	q := cloneValues(c.r.URL.Query())
	q.Del("after")
	q.Del("before")
	q.Set("access_token", c.token)
	q.Set("limit", strconv.Itoa(limit))
	q.Set(cursorKey, cursor)
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	u := url.URL{Scheme: scheme, Host: c.r.Host, Path: c.r.URL.Path, RawQuery: q.Encode()}
	return u.String()
}

func wantsTotalCount(v string) bool {
	for _, p := range parseListValue(v) {
		if p == "total_count" || p == "true" || p == "1" {
			return true
		}
	}
	return false
}
