package graph

import (
	"strings"
	"sync"
	"time"
)

// throttleGate remembers, per object, a throttle the client gave up on at
// once because Meta asked for a longer wait than MaxThrottleWait. Until that
// wait is over, calls on the object fail with the same error and send no
// request: otherwise each resource of a refresh asks again (after a failed
// read nothing is cached), and calls made while throttled only keep Meta's
// block in place.
type throttleGate struct {
	mu      sync.Mutex
	blocked map[string]throttled
}

type throttled struct {
	until time.Time
	err   Error
}

// gateKey is the object a path addresses, its first segment: for every WABA
// edge the WABA, whose Business Use Case budget all its edges share.
func gateKey(path string) string {
	key, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	return key
}

// throttleCheck returns the throttle still in force on path's object, as an
// error for this request, or nil.
func (c *Client) throttleCheck(method, path string) error {
	g := &c.gate
	key := gateKey(path)
	g.mu.Lock()
	defer g.mu.Unlock()
	t, ok := g.blocked[key]
	if !ok {
		return nil
	}
	left := time.Until(t.until)
	if left <= 0 {
		delete(g.blocked, key)
		return nil
	}
	e := t.err
	e.Method, e.Path, e.RetryAfter = method, path, left
	return &e
}

// throttleNote closes the gate of path's object when ge is a throttle too
// long to wait for.
func (c *Client) throttleNote(path string, ge *Error) {
	if !IsThrottled(ge) || ge.RetryAfter <= c.cfg.MaxThrottleWait {
		return
	}
	g := &c.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.blocked == nil {
		g.blocked = map[string]throttled{}
	}
	g.blocked[gateKey(path)] = throttled{until: time.Now().Add(ge.RetryAfter), err: *ge}
}
