package pacing

import (
	"strings"
	"sync"
	"time"
)

// ThrottleGate remembers, per object, a throttle the client gave up on at
// once because Meta asked for a longer wait than the client will sleep
// through. Until that wait is over, calls on the object fail with the same
// reason and send no request: otherwise each resource of a refresh asks again
// (after a failed read nothing is cached), and calls made while throttled
// only keep Meta's block in place. R is the reason handed back, the client's
// error. The zero value is ready to use.
type ThrottleGate[R any] struct {
	mu      sync.Mutex
	blocked map[string]throttled[R]
}

type throttled[R any] struct {
	until  time.Time
	reason R
}

// ObjectOf is the object a request path addresses, its first segment: for
// every WABA edge the WABA, whose Business Use Case budget all its edges
// share.
func ObjectOf(path string) string {
	object, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	return object
}

// Close refuses calls on object for wait, giving reason.
func (g *ThrottleGate[R]) Close(object string, wait time.Duration, reason R) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.blocked == nil {
		g.blocked = map[string]throttled[R]{}
	}
	g.blocked[object] = throttled[R]{until: time.Now().Add(wait), reason: reason}
}

// Check reports whether calls on object are still refused, with the reason
// and how much of the wait is left.
func (g *ThrottleGate[R]) Check(object string) (reason R, left time.Duration, closed bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	t, ok := g.blocked[object]
	if !ok {
		return reason, 0, false
	}
	if left = time.Until(t.until); left <= 0 {
		delete(g.blocked, object)
		return reason, 0, false
	}
	return t.reason, left, true
}
