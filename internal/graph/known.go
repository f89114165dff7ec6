package graph

import "context"

// knownOrFetch returns the last value this client fetched for key, however
// many of its own writes to scope came since, or fetches it through cached
// when there is none yet; concurrent callers share that one fetch.
//
// It serves existence checks before a create. An object this client has not
// written yet in this run is as any read of the edge in this run saw it, so
// a read taken before or between other resources' writes is good for it:
// creating a hundred objects on one edge then costs one read of the edge,
// not one per object, nor one after each write.
func (c *Client) knownOrFetch(ctx context.Context, scope, key string, fetch func(context.Context) (any, error)) (any, error) {
	if v, ok := c.lists.knownValue(key); ok {
		return v, nil
	}
	// The flight is keyed without the scope's generation: a write that
	// starts meanwhile must not split the callers over two fetches.
	v, err, _ := c.flight.Do("known#"+key, func() (any, error) {
		if v, ok := c.lists.knownValue(key); ok {
			return v, nil
		}
		return c.cached(ctx, scope, key, fetch)
	})
	return v, err
}

func (l *listCache) knownValue(key string) (any, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.known[key]
	return v, ok
}
