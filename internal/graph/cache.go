package graph

import (
	"context"
	"fmt"
	"strconv"
	"sync"
)

// listCache remembers list-edge reads for the life of the client (one
// Terraform command), so that a plan refreshing a hundred assigned users on
// one WABA pages through the edge once instead of a hundred times. Every
// write this client makes to an edge bumps that edge's generation, so a read
// that follows a write never sees the list from before it.
//
// Reads of an edge also wait for this client's writes to that edge that are
// still in flight. Terraform applies resources in parallel: when ten
// assignments change at once, each one's read-back then starts after all ten
// writes and the ten share one paged fetch, instead of each paging through
// the edge after its own write.
type listCache struct {
	mu      sync.Mutex
	gen     map[string]uint64
	entries map[string]cacheEntry
	writes  map[string]*writeGate
	// known is the last value fetched for each key. Unlike entries, this
	// client's writes do not forget it (see knownOrFetch).
	known map[string]any
}

// writeGate counts the writes in flight to one scope; idle is closed when the
// last of them ends.
type writeGate struct {
	n    int
	idle chan struct{}
}

type cacheEntry struct {
	scope string
	gen   uint64
	value any
}

func (l *listCache) init() {
	l.gen = map[string]uint64{}
	l.entries = map[string]cacheEntry{}
	l.writes = map[string]*writeGate{}
	l.known = map[string]any{}
}

func (l *listCache) beginWrite(scope string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.writes[scope]
	if g == nil {
		g = &writeGate{idle: make(chan struct{})}
		l.writes[scope] = g
	}
	g.n++
}

func (l *listCache) endWrite(scope string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if g := l.writes[scope]; g != nil {
		if g.n--; g.n == 0 {
			close(g.idle)
			delete(l.writes, scope)
		}
	}
}

// waitForWrites blocks until the writes to scope in flight now have ended.
// Writes that start later do not hold the reader back.
func (l *listCache) waitForWrites(ctx context.Context, scope string) error {
	l.mu.Lock()
	g := l.writes[scope]
	l.mu.Unlock()
	if g == nil {
		return nil
	}
	select {
	case <-g.idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// invalidate forgets every cached read of scope (an edge of one object).
func (l *listCache) invalidate(scope string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen[scope]++
	for k, e := range l.entries {
		if e.scope == scope {
			delete(l.entries, k)
		}
	}
}

// cached returns the remembered value of key within scope or fetches it.
// Concurrent callers asking for the same key in the same generation share one
// fetch; a fetch that overlapped a write is used by its callers but not kept.
func (c *Client) cached(ctx context.Context, scope, key string, fetch func(context.Context) (any, error)) (any, error) {
	l := &c.lists
	if err := l.waitForWrites(ctx, scope); err != nil {
		return nil, err
	}
	l.mu.Lock()
	gen := l.gen[scope]
	if e, ok := l.entries[key]; ok && e.gen == gen {
		l.mu.Unlock()
		return e.value, nil
	}
	l.mu.Unlock()

	v, err, _ := c.flight.Do(key+"#"+strconv.FormatUint(gen, 10), func() (any, error) {
		// A flight for this key may have finished (and filled the cache)
		// between the check above and joining this one.
		l.mu.Lock()
		if e, ok := l.entries[key]; ok && e.gen == gen {
			l.mu.Unlock()
			return e.value, nil
		}
		l.mu.Unlock()
		v, err := fetch(ctx)
		if err != nil {
			return nil, err
		}
		l.mu.Lock()
		if l.gen[scope] == gen {
			l.entries[key] = cacheEntry{scope: scope, gen: gen, value: v}
		}
		l.known[key] = v
		l.mu.Unlock()
		return v, nil
	})
	return v, err
}

// writing wraps a write to scope: the cache is invalidated before (so reads
// starting now refetch) and after (so a read that overlapped the write is not
// kept), and reads of scope wait for it to end.
func (c *Client) writing(scope string, write func() error) error {
	c.lists.invalidate(scope)
	c.lists.beginWrite(scope)
	defer func() {
		c.lists.invalidate(scope)
		c.lists.endWrite(scope)
	}()
	return write()
}

// cachedAs converts what cached returned back to the type its fetch
// produced. Each key is only ever filled by one fetch, so a mismatch is a bug
// in this package, reported as an error rather than a panic.
func cachedAs[T any](v any, err error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	t, ok := v.(T)
	if !ok {
		return zero, fmt.Errorf("graph: the read cache holds %T where %T was expected; this is a bug in the provider", v, zero)
	}
	return t, nil
}
