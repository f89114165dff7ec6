package pacing

import (
	"context"
	"sync"
)

// WriteGate counts the writes in flight to each scope, so that a read of a
// scope can wait for the writes to it that have started. Terraform applies
// resources in parallel: when ten changes on one edge start at once, their
// read-backs then begin after all ten writes and can share one fetch. The
// zero value is ready to use.
type WriteGate struct {
	mu     sync.Mutex
	scopes map[string]*inflight
}

// inflight is the writes in flight to one scope; idle is closed when the
// last of them ends.
type inflight struct {
	n    int
	idle chan struct{}
}

// Begin counts a write to scope as in flight until End.
func (g *WriteGate) Begin(scope string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	w := g.scopes[scope]
	if w == nil {
		if g.scopes == nil {
			g.scopes = map[string]*inflight{}
		}
		w = &inflight{idle: make(chan struct{})}
		g.scopes[scope] = w
	}
	w.n++
}

// End ends a write Begin counted.
func (g *WriteGate) End(scope string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if w := g.scopes[scope]; w != nil {
		if w.n--; w.n == 0 {
			close(w.idle)
			delete(g.scopes, scope)
		}
	}
}

// Wait blocks until the writes to scope in flight now have ended, or ctx is
// done. Writes that start later do not hold the caller back.
func (g *WriteGate) Wait(ctx context.Context, scope string) error {
	g.mu.Lock()
	w := g.scopes[scope]
	g.mu.Unlock()
	if w == nil {
		return nil
	}
	select {
	case <-w.idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
