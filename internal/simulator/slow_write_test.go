package simulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestSlowWriteAbandoned checks that a write whose client gave up during a
// slow fault is dropped, not applied once the delay is over: over a real
// connection, net/http reports the hang-up only after the body is read.
func TestSlowWriteAbandoned(t *testing.T) {
	s := newTestServer(t)
	base, stop, err := s.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	const delay = 400 * time.Millisecond
	s.InjectFault(Fault{Kind: FaultSlow, Method: http.MethodPost, Delay: Duration(delay)})

	form := url.Values{"user": {"100000000000101"}, "tasks": {`["MANAGE"]`}}
	req, _ := http.NewRequest(http.MethodPost, base+usersPath, strings.NewReader(form.Encode()))
	req.Header.Set("Authorization", "Bearer "+tokenOK)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := &http.Client{Timeout: 50 * time.Millisecond}
	if resp, err := client.Do(req); err == nil {
		_ = resp.Body.Close()
		t.Fatalf("the slow write answered (%d) before the client's timeout", resp.StatusCode)
	}

	deadline := time.Now().Add(5 * time.Second)
	for len(s.Requests()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(delay) // past the point where a missed hang-up would apply it
	reqs := s.Requests()
	if len(reqs) != 1 || reqs[0].Status != 0 {
		t.Fatalf("request log %+v, want one abandoned request with no status", reqs)
	}
	if s.Unassign(fixtureWABA, "100000000000101") {
		t.Error("the abandoned write was applied")
	}
}
