package graph

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestFlightSharesOneCallPerKey(t *testing.T) {
	var g flightGroup[int]
	var calls atomic.Int64
	release := make(chan struct{})
	started := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]int, 10)
	wg.Add(1)
	go func() {
		defer wg.Done()
		results[0], _ = g.do("k", func() (int, error) {
			close(started)
			<-release
			return int(calls.Add(1)), nil
		})
	}()
	<-started
	for i := 1; i < len(results); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = g.do("k", func() (int, error) { return int(calls.Add(1)), nil })
		}()
	}
	time.Sleep(50 * time.Millisecond) // the other callers join the call in progress
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls for %d callers, want 1", n, len(results))
	}
	for i, r := range results {
		if r != 1 {
			t.Errorf("caller %d got %d, want the shared answer 1", i, r)
		}
	}
}

func TestFlightReleasesWaitersWhenTheCallPanics(t *testing.T) {
	var g flightGroup[int]
	started := make(chan struct{})
	release := make(chan struct{})
	waiterErr := make(chan error, 1)
	go func() {
		defer func() { _ = recover() }()
		_, _ = g.do("k", func() (int, error) {
			close(started)
			<-release
			panic("fetch failed")
		})
	}()
	<-started
	go func() {
		_, err := g.do("k", func() (int, error) { return 1, nil })
		waiterErr <- err
	}()
	time.Sleep(50 * time.Millisecond) // the waiter joins the call in progress
	close(release)
	if err := <-waiterErr; !errors.Is(err, errFlightAbandoned) {
		t.Errorf("waiter err = %v, want errFlightAbandoned", err)
	}
	// The key is free again.
	if v, err := g.do("k", func() (int, error) { return 2, nil }); v != 2 || err != nil {
		t.Errorf("after the panic: %v, %v", v, err)
	}
}
