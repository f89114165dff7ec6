package pacing

import (
	"testing"
	"time"
)

func TestObjectOf(t *testing.T) {
	for path, want := range map[string]string{
		"/102290129340398/assigned_users": "102290129340398",
		"/102290129340398":                "102290129340398",
		"/app":                            "app",
		"":                                "",
	} {
		if got := ObjectOf(path); got != want {
			t.Errorf("ObjectOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestThrottleGateRefusesUntilTheWaitIsOver(t *testing.T) {
	var g ThrottleGate[string]
	if _, _, closed := g.Check("1"); closed {
		t.Fatal("a new gate is closed")
	}
	g.Close("1", 45*time.Minute, "throttled")
	reason, left, closed := g.Check("1")
	if !closed || reason != "throttled" || left <= 44*time.Minute || left > 45*time.Minute {
		t.Errorf("Check = %q, %v, %v; want the reason and what is left of 45 minutes", reason, left, closed)
	}
	if _, _, closed := g.Check("2"); closed {
		t.Error("another object is refused too")
	}
	g.Close("3", time.Nanosecond, "short")
	time.Sleep(time.Millisecond)
	if reason, _, closed := g.Check("3"); closed || reason != "" {
		t.Errorf("Check after the wait = %q, %v; want open", reason, closed)
	}
}
