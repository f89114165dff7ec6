package graph

import (
	"context"
	"strconv"
	"sync"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph/internal/pacing"
)

// readCache remembers one kind of answer for the life of the client (one
// Terraform command), so that a plan refreshing a hundred assigned users on
// one WABA pages through the edge once instead of a hundred times.
//
// Answers are kept per key, within a scope (the edge of one object). Every
// write this client makes to a scope bumps its generation, so a read that
// follows a write never sees the answer from before it; reads also wait for
// the writes to their scope still in flight (see pacing.WriteGate).
// Concurrent reads of one key in one generation share one fetch, and a fetch
// that fails is not kept. The zero value is ready to use.
type readCache[T any] struct {
	mu      sync.Mutex
	gen     map[string]uint64 // per scope
	entries map[string]cacheEntry[T]
	// known is the last value fetched for each key. Unlike entries, this
	// client's writes do not forget it, except those that remove an object
	// (see lastKnown).
	known  map[string]cacheEntry[T]
	flight flightGroup[T]
	writes pacing.WriteGate
}

type cacheEntry[T any] struct {
	scope string
	gen   uint64
	value T
}

// get returns the remembered value of key within scope or fetches it.
// Concurrent callers asking for the same key in the same generation share one
// fetch; a fetch that overlapped a write is used by its callers but not kept.
// The value is shared: callers must not modify it.
func (r *readCache[T]) get(ctx context.Context, scope, key string, fetch func(context.Context) (T, error)) (T, error) {
	if err := r.writes.Wait(ctx, scope); err != nil {
		var zero T
		return zero, err
	}
	gen, v, ok := r.current(scope, key)
	if ok {
		return v, nil
	}
	return r.flight.do(key+"#"+strconv.FormatUint(gen, 10), func() (T, error) {
		// A flight for this key may have finished (and filled the cache)
		// between the check above and joining this one.
		if v, ok := r.entryAt(key, gen); ok {
			return v, nil
		}
		v, err := fetch(ctx)
		if err != nil {
			var zero T
			return zero, err
		}
		r.keep(scope, key, gen, v)
		return v, nil
	})
}

// lastKnown returns the last value this client fetched for key, however
// many of its own writes to scope came since, or fetches it through get when
// there is none yet; concurrent callers share that one fetch.
//
// It serves existence checks before a create. An object this client has not
// written yet in this run is as any read of the edge in this run saw it, so
// a read taken before or between other resources' writes is good for it:
// creating a hundred objects on one edge then costs one read of the edge,
// not one per object, nor one after each write. The one object a create can
// follow a write of is one this client removed (a replacement deletes, then
// creates): a removal therefore forgets the scope's last known values.
func (r *readCache[T]) lastKnown(ctx context.Context, scope, key string, fetch func(context.Context) (T, error)) (T, error) {
	if v, ok := r.knownValue(key); ok {
		return v, nil
	}
	// The flight is keyed without the scope's generation: a write that
	// starts meanwhile must not split the callers over two fetches.
	return r.flight.do("known#"+key, func() (T, error) {
		if v, ok := r.knownValue(key); ok {
			return v, nil
		}
		return r.get(ctx, scope, key, fetch)
	})
}

// writing wraps a write to scope: the cache is invalidated before (so reads
// starting now refetch) and after (so a read that overlapped the write is not
// kept), and reads of scope wait for it to end.
func (r *readCache[T]) writing(scope string, write func() error) error {
	r.invalidate(scope)
	r.writes.Begin(scope)
	defer func() {
		r.invalidate(scope)
		r.writes.End(scope)
	}()
	return write()
}

// invalidate forgets every cached read of scope.
func (r *readCache[T]) invalidate(scope string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gen == nil {
		r.gen = map[string]uint64{}
	}
	r.gen[scope]++
	for k, e := range r.entries {
		if e.scope == scope {
			delete(r.entries, k)
		}
	}
}

// current is scope's generation and, when the cache holds one for it, the
// value of key.
func (r *readCache[T]) current(scope, key string) (gen uint64, v T, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	gen = r.gen[scope]
	v, ok = r.entryLocked(key, gen)
	return gen, v, ok
}

// entryAt is the value of key kept in generation gen, if any.
func (r *readCache[T]) entryAt(key string, gen uint64) (T, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.entryLocked(key, gen)
}

func (r *readCache[T]) entryLocked(key string, gen uint64) (T, bool) {
	e, ok := r.entries[key]
	if !ok || e.gen != gen {
		var zero T
		return zero, false
	}
	return e.value, true
}

// keep stores a fetched value: as the entry of key unless a write to scope
// began since the fetch did, and as its last known value in any case.
func (r *readCache[T]) keep(scope, key string, gen uint64, v T) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gen[scope] == gen {
		if r.entries == nil {
			r.entries = map[string]cacheEntry[T]{}
		}
		r.entries[key] = cacheEntry[T]{scope: scope, gen: gen, value: v}
	}
	if r.known == nil {
		r.known = map[string]cacheEntry[T]{}
	}
	r.known[key] = cacheEntry[T]{scope: scope, value: v}
}

func (r *readCache[T]) knownValue(key string) (T, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.known[key]
	return e.value, ok
}

// forgetKnown drops the last known values of scope, after this client
// removed an object from it.
func (r *readCache[T]) forgetKnown(scope string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k, e := range r.known {
		if e.scope == scope {
			delete(r.known, k)
		}
	}
}
