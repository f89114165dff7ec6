package graph

import "sync"

// minPageLimit is the smallest page size asked for when Graph says a page is
// too much data. One item is the least a page can hold: when Graph cannot
// return even that, no smaller request exists and the error is returned.
const minPageLimit = 1

// pageSizes remembers, per edge, what Graph said about page sizes: the size
// it last accepted after it answered a larger page with "reduce the amount
// of data", and whether it refused our limit parameter altogether.
type pageSizes struct {
	mu      sync.Mutex
	sizes   map[string]int
	refused map[string]bool
}

func (p *pageSizes) get(edge string) (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n, ok := p.sizes[edge]
	return n, ok
}

// lower records n for edge unless a smaller size is already recorded, and
// returns the size in force.
func (p *pageSizes) lower(edge string, n int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if cur, ok := p.sizes[edge]; ok && cur <= n {
		return cur
	}
	if p.sizes == nil {
		p.sizes = map[string]int{}
	}
	p.sizes[edge] = n
	return n
}

// refuseLimit records that edge refused our page size, for the rest of the
// client's life.
func (p *pageSizes) refuseLimit(edge string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.refused == nil {
		p.refused = map[string]bool{}
	}
	p.refused[edge] = true
}

func (p *pageSizes) limitRefused(edge string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.refused[edge]
}

// pageLimit is the page size to ask of edge: the reduced size remembered
// after Graph answered a larger page with "reduce the amount of data", else
// the configured size. ok is false when the edge refused a limit and Graph
// has not asked for smaller pages since, so the edge's own default applies.
func (c *Client) pageLimit(edge string) (size int, ok bool) {
	if n, ok := c.pages.get(edge); ok {
		return n, true
	}
	if c.pages.limitRefused(edge) {
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
	if n, ok := c.pages.get(edge); ok {
		next = min(next, n)
	}
	if next < minPageLimit {
		return 0, false
	}
	return c.pages.lower(edge, next), true
}
