package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRunRejectsBadFlags(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{name: "all interfaces", args: []string{"-addr", "0.0.0.0:8080"}, code: exitUsage, want: "loopback"},
		{name: "empty host", args: []string{"-addr", ":8080"}, code: exitUsage, want: "loopback"},
		{name: "remote host", args: []string{"-addr", "10.0.0.5:80"}, code: exitUsage, want: "loopback"},
		{name: "no port", args: []string{"-addr", "127.0.0.1"}, code: exitUsage, want: "invalid listen address"},
		{name: "unknown flag", args: []string{"-bogus"}, code: exitUsage, want: "bogus"},
		{name: "stray argument", args: []string{"extra"}, code: exitUsage, want: "unexpected arguments"},
		{name: "missing seed", args: []string{"-seed", filepath.Join(dir, "missing.json")}, code: exitError, want: "missing.json"},
		{name: "provider dir alone", args: []string{"-provider-dir", dir}, code: exitUsage, want: "needs -tfrc"},
		{name: "no provider binary", args: []string{"-tfrc", filepath.Join(dir, "dev.tfrc")}, code: exitError, want: "no provider binary"},
		{name: "help", args: []string{"-h"}, code: exitOK, want: "-url-file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr syncBuffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit code = %d, want %d (stderr %s)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), tt.want)
			}
			if strings.Contains(stdout.String(), "listening") {
				t.Error("must not start listening")
			}
		})
	}
}

func TestRunServesUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	urlFile := filepath.Join(dir, "url")
	seed := filepath.Join(dir, "seed.yaml")
	seedYAML := "tokens:\n  - {value: t1, app_id: \"9\", scopes: [whatsapp_business_management]}\napps:\n  - {id: \"9\", name: Nine}\n"
	if err := os.WriteFile(seed, []byte(seedYAML), 0o600); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", seed, "-url-file", urlFile, "-v"}, &stdout, &stderr)
	}()

	var base string
	deadline := time.Now().Add(10 * time.Second)
	for base == "" {
		if data, err := os.ReadFile(urlFile); err == nil {
			base = string(data)
		} else if time.Now().After(deadline) {
			t.Fatalf("url file never appeared; stderr %s", stderr.String())
		} else {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || strings.ContainsAny(base, "\n ") {
		t.Fatalf("url file holds %q", base)
	}
	if want := "graphsim: listening on " + base + "\n"; stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}

	req, _ := http.NewRequest(http.MethodGet, base+"/v25.0/app", nil)
	req.Header.Set("Authorization", "Bearer t1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var app map[string]string
	err = json.NewDecoder(resp.Body).Decode(&app)
	_ = resp.Body.Close()
	if err != nil || app["name"] != "Nine" {
		t.Fatalf("the seed file was not used: %v %v", app, err)
	}

	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancellation")
	}
	if !strings.Contains(stderr.String(), "GET /v25.0/app -> 200") {
		t.Errorf("-v must log the request, stderr %q", stderr.String())
	}
	if _, err := os.Stat(urlFile); !os.IsNotExist(err) {
		t.Errorf("url file must be removed on shutdown, stat err %v", err)
	}
	if _, err := http.Get(base + "/_sim/counts"); err == nil {
		t.Error("server still answering after shutdown")
	}
}

func TestWriteFileAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "url")
	if err := writeFileAtomic(path, "http://127.0.0.1:1"); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, "http://127.0.0.1:2"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "http://127.0.0.1:2" {
		t.Fatalf("content %q, %v", data, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
	if err := writeFileAtomic(filepath.Join(t.TempDir(), "no", "such", "dir"), "x"); err == nil {
		t.Fatal("writing into a missing directory must fail")
	}
}
