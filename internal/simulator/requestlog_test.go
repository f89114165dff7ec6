package simulator

import (
	"net/url"
	"sync/atomic"
	"testing"
)

func TestRequestLogIsBounded(t *testing.T) {
	s := newTestServer(t)
	for i := range maxLoggedRequests + 1 {
		s.record(Request{Method: "GET", Template: tmplApp, Status: i})
	}
	reqs := s.Requests()
	if len(reqs) > maxLoggedRequests || len(reqs) < maxLoggedRequests*9/10 {
		t.Fatalf("log holds %d entries, want at most %d and most of them", len(reqs), maxLoggedRequests)
	}
	if last := reqs[len(reqs)-1]; last.Status != maxLoggedRequests {
		t.Errorf("newest entry lost: %+v", last)
	}
	if got := s.Counts()["GET /app"]; got != maxLoggedRequests+1 {
		t.Errorf("counts = %d, want every request counted", got)
	}
}

func TestRequestsAreCopies(t *testing.T) {
	s := newTestServer(t)
	get(t, s, "/v25.0/app?x=1")
	s.Requests()[0].Query.Set("x", "changed")
	if got := s.Requests()[0].Query.Get("x"); got != "1" {
		t.Fatalf("the log shares its query maps with callers: %q", got)
	}
	if got := redactQuery(url.Values{"access_token": {"a"}, "verify_token": {"b"}, "keep": {"c"}}); len(got) != 1 || got.Get("keep") != "c" {
		t.Fatalf("redactQuery = %v", got)
	}
}

func TestOnRequest(t *testing.T) {
	s := newTestServer(t)
	var seen atomic.Int32
	var last atomic.Value
	s.OnRequest(func(r Request) {
		seen.Add(1)
		last.Store(r)
	})
	get(t, s, wabaPath)
	if seen.Load() != 1 || last.Load().(Request).Template != tmplWABA {
		t.Fatalf("observer saw %d requests, last %+v", seen.Load(), last.Load())
	}
	s.OnRequest(nil)
	get(t, s, wabaPath)
	if seen.Load() != 1 {
		t.Fatal("a removed observer must not be called")
	}
}
