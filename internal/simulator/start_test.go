package simulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestCheckLoopbackAddr(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"127.0.0.2:8080", true},
		{"[::1]:0", true},
		{"localhost:0", true},
		{"0.0.0.0:0", false},
		{":0", false},
		{"192.168.1.10:80", false},
		{"example.com:80", false},
		{"127.0.0.1", false},
	}
	for _, tt := range tests {
		err := CheckLoopbackAddr(tt.addr)
		if (err == nil) != tt.ok {
			t.Errorf("CheckLoopbackAddr(%q) = %v, want ok=%v", tt.addr, err, tt.ok)
		}
	}
}

func TestStart(t *testing.T) {
	s := newTestServer(t)
	if _, _, err := s.Start("0.0.0.0:0"); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("non-loopback address: err = %v", err)
	}
	base, stop, err := s.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("url = %q", base)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/v25.0/app", nil)
	req.Header.Set("Authorization", "Bearer "+tokenOK)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var app map[string]string
	err = json.NewDecoder(resp.Body).Decode(&app)
	_ = resp.Body.Close()
	if err != nil || app["id"] != fixtureApp {
		t.Fatalf("GET /app over TCP: %v %v", app, err)
	}
	stop()
	stop()
	if resp, err := http.Get(base + "/_sim/counts"); err == nil {
		_ = resp.Body.Close()
		t.Fatal("the listener must be closed after stop")
	}
}
