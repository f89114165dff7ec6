package main

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestCollectLessOften(t *testing.T) {
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })

	t.Setenv("GOGC", "")
	if err := os.Unsetenv("GOGC"); err != nil {
		t.Fatal(err)
	}
	collectLessOften()
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("without GOGC the GC percent is %d, want %d", got, gcPercent)
	}

	t.Setenv("GOGC", "100")
	collectLessOften()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=100 set, the GC percent is %d, want GOGC to win", got)
	}
}
