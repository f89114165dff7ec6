package graph

import (
	"errors"
	"sync"
)

// errFlightAbandoned is what the callers sharing a fetch get when the fetch
// never returned (it panicked in the caller that ran it).
var errFlightAbandoned = errors.New("graph: a shared read ended without an answer")

// flightGroup runs one call per key at a time and hands its result to every
// caller that asked meanwhile, as golang.org/x/sync/singleflight does, with
// results of one type so that nothing needs converting back. The zero value
// is ready to use.
type flightGroup[T any] struct {
	mu    sync.Mutex
	calls map[string]*flight[T]
}

// flight is one call in progress; done is closed once val and err are set.
type flight[T any] struct {
	done chan struct{}
	val  T
	err  error
}

// do returns the result of fn, or of the call of fn for key already in
// progress.
func (g *flightGroup[T]) do(key string, fn func() (T, error)) (T, error) {
	g.mu.Lock()
	if f, ok := g.calls[key]; ok {
		g.mu.Unlock()
		<-f.done
		return f.val, f.err
	}
	if g.calls == nil {
		g.calls = map[string]*flight[T]{}
	}
	f := &flight[T]{done: make(chan struct{}), err: errFlightAbandoned}
	g.calls[key] = f
	g.mu.Unlock()

	defer func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		close(f.done)
		delete(g.calls, key)
	}()
	f.val, f.err = fn()
	return f.val, f.err
}
