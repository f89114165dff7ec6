package acctest

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB stands in for the testing.TB a FixtureServer reports to, so tests
// can assert that the fixture server fails, fatals or skips a test. Methods
// it does not override (TempDir, Setenv, ...) go to the real test.
type fakeTB struct {
	testing.TB
	name string

	mu       sync.Mutex
	errors   []string
	fatals   []string
	skips    []string
	logs     []string
	failed   bool
	cleanups []func()
}

func newFakeTB(t *testing.T, name string) *fakeTB {
	return &fakeTB{TB: t, name: name}
}

func (f *fakeTB) Name() string { return f.name }
func (f *fakeTB) Helper()      {}

func (f *fakeTB) Errorf(format string, args ...any) { f.fail(&f.errors, fmt.Sprintf(format, args...)) }
func (f *fakeTB) Error(args ...any)                 { f.fail(&f.errors, fmt.Sprint(args...)) }
func (f *fakeTB) Fail()                             { f.fail(nil, "") }

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fail(&f.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (f *fakeTB) Fatal(args ...any) { f.fail(&f.fatals, fmt.Sprint(args...)); runtime.Goexit() }
func (f *fakeTB) FailNow()          { f.fail(&f.fatals, "FailNow"); runtime.Goexit() }

func (f *fakeTB) Skipf(format string, args ...any) { f.skip(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Skip(args ...any)                 { f.skip(fmt.Sprint(args...)) }
func (f *fakeTB) SkipNow()                         { f.skip("SkipNow") }

func (f *fakeTB) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Log(args ...any) { f.Logf("%s", fmt.Sprint(args...)) }

func (f *fakeTB) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}

func (f *fakeTB) Skipped() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.skips) > 0
}

func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

func (f *fakeTB) fail(into *[]string, msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failed = true
	if into != nil {
		*into = append(*into, msg)
	}
}

func (f *fakeTB) skip(msg string) {
	f.mu.Lock()
	f.skips = append(f.skips, msg)
	f.mu.Unlock()
	runtime.Goexit()
}

// run calls fn on its own goroutine, as the testing package does, so that
// Fatal and Skip can end it. It reports whether fn returned normally.
func (f *fakeTB) run(fn func()) (completed bool) {
	done := make(chan bool)
	go func() {
		ok := false
		defer func() { done <- ok }()
		fn()
		ok = true
	}()
	return <-done
}

// finish runs the registered cleanups, last first, like the testing package.
func (f *fakeTB) finish() {
	f.mu.Lock()
	fns := f.cleanups
	f.cleanups = nil
	f.mu.Unlock()
	for i := len(fns) - 1; i >= 0; i-- {
		f.run(fns[i])
	}
}

func (f *fakeTB) snapshot() (errors, fatals, skips []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.errors...), append([]string(nil), f.fatals...), append([]string(nil), f.skips...)
}

// mustContainOne fails t unless exactly one message contains every part.
func mustContainOne(t *testing.T, kind string, msgs []string, parts ...string) {
	t.Helper()
	n := 0
	for _, m := range msgs {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(m, p)
		}
		if all {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("want exactly one %s containing %q, got %d in %q", kind, parts, n, msgs)
	}
}
