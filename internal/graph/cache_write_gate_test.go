package graph

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestReadsAfterParallelWritesShareOneFetch models Terraform updating ten
// assignments at once: each writes, then reads back. The reads wait for the
// writes in flight and share one fetch.
func TestReadsAfterParallelWritesShareOneFetch(t *testing.T) {
	c := &Client{}
	c.lists.init()
	const scope = "assigned_users|1"
	var fetches, writes sync.WaitGroup
	var mu sync.Mutex
	calls := 0
	fetch := func(ctx context.Context) (any, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		mu.Lock()
		calls++
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		return []string{"x"}, nil
	}
	release := make(chan struct{})
	writes.Add(10)
	for i := 0; i < 10; i++ {
		fetches.Add(1)
		go func() {
			defer fetches.Done()
			_ = c.writing(scope, func() error {
				writes.Done()
				<-release // every write is in flight before any ends
				return nil
			})
			if _, err := c.cached(context.Background(), scope, scope, fetch); err != nil {
				t.Error(err)
			}
		}()
	}
	writes.Wait()
	close(release)
	fetches.Wait()
	if calls != 1 {
		t.Errorf("ten read-backs after ten parallel writes made %d fetches, want 1", calls)
	}
}

func TestReadWaitingForWriteHonoursCancellation(t *testing.T) {
	c := &Client{}
	c.lists.init()
	const scope = "assigned_users|1"
	c.lists.beginWrite(scope)
	defer c.lists.endWrite(scope)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := c.cached(ctx, scope, scope, func(context.Context) (any, error) {
		t.Error("fetched while a write was in flight")
		return nil, nil
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's deadline", err)
	}
}
