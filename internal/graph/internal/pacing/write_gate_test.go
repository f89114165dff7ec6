package pacing

import (
	"context"
	"errors"
	"testing"
	"time"
)

// waitInBackground starts a reader waiting on scope "s"; its result arrives
// on the channel.
func waitInBackground(g *WriteGate) <-chan error {
	done := make(chan error, 1)
	go func() { done <- g.Wait(context.Background(), "s") }()
	return done
}

func mustStillWait(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		t.Fatalf("Wait returned (%v) while a write was still in flight", err)
	case <-time.After(20 * time.Millisecond):
	}
}

func mustReturn(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Wait is still blocked")
	}
}

func TestWaitEndsWithTheLastWriteInFlight(t *testing.T) {
	var g WriteGate
	mustReturn(t, waitInBackground(&g))
	g.Begin("s")
	g.Begin("s")
	done := waitInBackground(&g)
	g.End("s")
	mustStillWait(t, done)
	g.End("s")
	mustReturn(t, done)
}

func TestWaitIsNotHeldByOtherScopesOrLaterWrites(t *testing.T) {
	var g WriteGate
	g.Begin("other")
	defer g.End("other")
	mustReturn(t, waitInBackground(&g))

	g.Begin("s")
	done := waitInBackground(&g)
	mustStillWait(t, done)
	g.End("s")
	g.Begin("s") // a write that starts after the one waited for ended
	defer g.End("s")
	mustReturn(t, done)
}

func TestWaitHonoursCancellation(t *testing.T) {
	var g WriteGate
	g.Begin("s")
	defer g.End("s")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := g.Wait(ctx, "s"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's deadline", err)
	}
}
