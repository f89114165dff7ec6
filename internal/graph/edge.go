package graph

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
)

// edge is a list edge of one object (a WABA's assigned_users, the app's
// subscriptions), as one call reads or writes it. It does the work every
// list edge shares (cache, paging, decoding each item, copying out, writing
// and confirming), so that an endpoint file holds only its types, its
// decoder and a few short methods.
type edge[T cloner[T]] struct {
	via    *Client         // sends the requests: the app-token client for the app's own edges
	cache  *readCache[[]T] // this kind of edge's reads in this run
	name   string          // the edge's name: page sizes are remembered by it, and it starts the cache scope
	object string          // the ID of the object the edge belongs to
	path   string
	decode func([]byte) (T, error)
	// keep filters the decoded items (a filter Graph may not apply); nil
	// keeps them all.
	keep func(T) bool
}

// cloner is an item that can copy itself deeply, so that what a caller is
// handed never shares memory with the cache.
type cloner[T any] interface{ clone() T }

// edgeQuery is how one read asks for an edge: the parameters sent with every
// page request, and the id that tells its answer in the cache from the
// edge's other reads (the parameters that vary, or their whole encoding).
type edgeQuery struct {
	params url.Values
	id     string
}

// scope is what writes to the edge invalidate.
func (e edge[T]) scope() string { return e.name + "|" + e.object }

// list is every item the query reads, as the caller's own copy. Reads with
// the same query in one run share one paged fetch until this client writes
// to the edge.
func (e edge[T]) list(ctx context.Context, q edgeQuery) ([]T, error) {
	items, err := e.shared(ctx, q)
	if err != nil {
		return nil, err
	}
	return cloneAll(items), nil
}

// find copies out the first item that matches, or is nil. It searches the
// cached list and copies only the match: a refresh of N objects calls it N
// times, and copying the whole list each time made that quadratic.
func (e edge[T]) find(ctx context.Context, q edgeQuery, match func(T) bool) (*T, error) {
	items, err := e.shared(ctx, q)
	if err != nil {
		return nil, err
	}
	return findCopy(items, match), nil
}

// findLastKnown is find over the edge as the latest read in this run saw it,
// whatever this client wrote since (see readCache.lastKnown): the check
// before a create.
func (e edge[T]) findLastKnown(ctx context.Context, q edgeQuery, match func(T) bool) (*T, error) {
	scope := e.scope()
	items, err := e.cache.lastKnown(ctx, scope, scope+"|"+q.id, e.fetcher(q.params))
	if err != nil {
		return nil, err
	}
	return findCopy(items, match), nil
}

// shared is the cached list itself: callers must not modify it.
func (e edge[T]) shared(ctx context.Context, q edgeQuery) ([]T, error) {
	scope := e.scope()
	return e.cache.get(ctx, scope, scope+"|"+q.id, e.fetcher(q.params))
}

// fetcher pages through the edge with params and decodes every item.
func (e edge[T]) fetcher(params url.Values) func(context.Context) ([]T, error) {
	return func(ctx context.Context) ([]T, error) {
		var items []T
		err := e.via.listAll(ctx, e.name, e.path, params, func(raw json.RawMessage) error {
			item, err := e.decode(raw)
			if err != nil {
				return err
			}
			if e.keep == nil || e.keep(item) {
				items = append(items, item)
			}
			return nil
		})
		return items, err
	}
}

// cloneAll copies a shared list for a caller.
func cloneAll[T cloner[T]](items []T) []T {
	out := slices.Clone(items)
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

// findCopy copies the first item that matches out of a shared list, or is
// nil.
func findCopy[T cloner[T]](items []T, match func(T) bool) *T {
	for _, item := range items {
		if match(item) {
			found := item.clone()
			return &found
		}
	}
	return nil
}
