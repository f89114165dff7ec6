package graph

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestCachedFetchOverlappingAWriteIsNotKept(t *testing.T) {
	var r readCache[int64]
	var fetches atomic.Int64
	started := make(chan struct{})
	proceed := make(chan struct{})
	fetch := func(ctx context.Context) (int64, error) {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		n := fetches.Add(1)
		if n == 1 {
			close(started)
			<-proceed
		}
		return n, nil
	}
	first := make(chan int64, 1)
	go func() {
		v, err := r.get(context.Background(), "s", "s|k", fetch)
		if err != nil {
			t.Error(err)
		}
		first <- v
	}()
	<-started
	r.invalidate("s") // a write happens while the read is in flight
	close(proceed)
	if v := <-first; v != 1 {
		t.Errorf("the overlapping read got %v, want its own result 1", v)
	}
	v, err := r.get(context.Background(), "s", "s|k", fetch)
	if err != nil || v != 2 {
		t.Errorf("the next read got %v, %v; want a fresh fetch (2)", v, err)
	}
	v, _ = r.get(context.Background(), "s", "s|k", fetch)
	if v != 2 || fetches.Load() != 2 {
		t.Errorf("the fresh result was not kept: %v after %d fetches", v, fetches.Load())
	}
}

func TestCachedDoesNotKeepErrors(t *testing.T) {
	var r readCache[string]
	calls := 0
	fetch := func(context.Context) (string, error) {
		calls++
		if calls == 1 {
			return "", errors.New("boom")
		}
		return "ok", nil
	}
	if _, err := r.get(context.Background(), "s", "k", fetch); err == nil {
		t.Fatal("want the fetch error")
	}
	if _, err := r.lastKnown(context.Background(), "s", "k", fetch); err != nil {
		t.Fatalf("lastKnown after a failed fetch: %v", err)
	}
	v, err := r.get(context.Background(), "s", "k", fetch)
	if err != nil || v != "ok" || calls != 2 {
		t.Errorf("got %v, %v after %d calls", v, err, calls)
	}
}

func TestCachedCoalescesWithoutHTTP(t *testing.T) {
	// Many rounds of concurrent callers with an instant fetch: each round
	// must fetch exactly once, however the goroutines interleave.
	for round := range 300 {
		var r readCache[int64]
		var fetches atomic.Int64
		var wg sync.WaitGroup
		for range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v, err := r.get(context.Background(), "s", "k", func(context.Context) (int64, error) {
					return fetches.Add(1), nil
				})
				if err != nil || v != 1 {
					t.Errorf("round %d: got %v, %v", round, v, err)
				}
			}()
		}
		wg.Wait()
		if n := fetches.Load(); n != 1 {
			t.Fatalf("round %d: %d fetches, want 1", round, n)
		}
	}
}

func TestLastKnownOutlivesWrites(t *testing.T) {
	var r readCache[int64]
	var fetches atomic.Int64
	fetch := func(context.Context) (int64, error) { return fetches.Add(1), nil }
	ctx := context.Background()
	if v, err := r.lastKnown(ctx, "s", "k", fetch); err != nil || v != 1 {
		t.Fatalf("first check = %v, %v", v, err)
	}
	if err := r.writing("s", func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if v, _ := r.lastKnown(ctx, "s", "k", fetch); v != 1 {
		t.Errorf("the check after a write = %v, want the value read before it", v)
	}
	if v, _ := r.get(ctx, "s", "k", fetch); v != 2 {
		t.Errorf("the read after a write = %v, want a fresh fetch", v)
	}
}

// TestReadsAfterParallelWritesShareOneFetch models Terraform updating ten
// assignments at once: each writes, then reads back. The reads wait for the
// writes in flight and share one fetch.
func TestReadsAfterParallelWritesShareOneFetch(t *testing.T) {
	var r readCache[[]string]
	const scope = "assigned_users|1"
	var fetches, writes sync.WaitGroup
	var calls atomic.Int64
	fetch := func(ctx context.Context) ([]string, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		calls.Add(1)
		time.Sleep(5 * time.Millisecond)
		return []string{"x"}, nil
	}
	release := make(chan struct{})
	writes.Add(10)
	for range 10 {
		fetches.Add(1)
		go func() {
			defer fetches.Done()
			_ = r.writing(scope, func() error {
				writes.Done()
				<-release // every write is in flight before any ends
				return nil
			})
			if _, err := r.get(context.Background(), scope, scope, fetch); err != nil {
				t.Error(err)
			}
		}()
	}
	writes.Wait()
	close(release)
	fetches.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("ten read-backs after ten parallel writes made %d fetches, want 1", n)
	}
}

func TestReadWaitingForWriteHonoursCancellation(t *testing.T) {
	var r readCache[[]string]
	const scope = "assigned_users|1"
	r.writes.Begin(scope)
	defer r.writes.End(scope)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := r.get(ctx, scope, scope, func(context.Context) ([]string, error) {
		t.Error("fetched while a write was in flight")
		return nil, nil
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's deadline", err)
	}
}
