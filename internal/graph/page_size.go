package graph

// minPageLimit is the smallest page size asked for when Graph says a page is
// too much data. One item is the least a page can hold: when Graph cannot
// return even that, no smaller request exists and the error is returned.
const minPageLimit = 1

// pageLimit is the page size to ask of edge: the reduced size remembered
// after Graph answered a larger page with "reduce the amount of data", else
// the configured size. ok is false when the edge refused a limit and Graph
// has not asked for smaller pages since, so the edge's own default applies.
func (c *Client) pageLimit(edge string) (size int, ok bool) {
	if v, ok := c.pageSize.Load(edge); ok {
		return v.(int), true
	}
	if _, refused := c.noLimitM.Load(edge); refused {
		return 0, false
	}
	return c.cfg.PageLimit, true
}

// reducePageLimit halves the page size after Graph refused a page of current
// items as too much data, and remembers the result for edge for the rest of
// the client's life: asking the same size again fails the same way. It uses
// a smaller size another read has already settled on, and reports false once
// the size would fall below minPageLimit.
func (c *Client) reducePageLimit(edge string, current int) (int, bool) {
	next := current / 2
	if v, ok := c.pageSize.Load(edge); ok {
		next = min(next, v.(int))
	}
	if next < minPageLimit {
		return 0, false
	}
	for {
		v, loaded := c.pageSize.LoadOrStore(edge, next)
		if !loaded || v.(int) <= next || c.pageSize.CompareAndSwap(edge, v, next) {
			return next, true
		}
	}
}
