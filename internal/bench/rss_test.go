package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

func TestParentPID(t *testing.T) {
	for stat, want := range map[string]int{
		"1234 (terraform-provi) S 987 1234 1 0 -1":     987,
		"1234 (odd) name (x)) R 42 1234 1 0 -1":        42,
		"1234 (no parent field)":                       0,
		"garbage":                                      0,
		"1234 (terraform-provi) S notanumber 1 1 0 -1": 0,
	} {
		got, ok := parentPID([]byte(stat))
		if got != want || ok != (want != 0) {
			t.Errorf("parentPID(%q) = %d, %v; want %d", stat, got, ok, want)
		}
	}
}

func TestParseStatusRSS(t *testing.T) {
	status := "Name:\tterraform-provi\nVmPeak:\t 1000000 kB\nVmHWM:\t   40960 kB\nVmRSS:\t   30720 kB\n"
	if got, ok := parseStatusRSS(strings.NewReader(status)); !ok || got != 40960*1024 {
		t.Errorf("peak = %d, %v; want VmHWM, 40 MiB", got, ok)
	}
	if _, ok := parseStatusRSS(strings.NewReader("Name:\tkthreadd\n")); ok {
		t.Error("a kernel thread without Vm lines reported a peak")
	}
}

// TestWatcherFindsTheProviderChild runs a copy of sleep under the provider
// binary's name as a child of this process: the watcher must find it by
// parent and executable, and report its memory.
func TestWatcherFindsTheProviderChild(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep binary")
	}
	data, err := os.ReadFile(sleep)
	if err != nil {
		t.Skip(err)
	}
	bin := filepath.Join(t.TempDir(), tfcli.ProviderBinaryName)
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	other := exec.Command(sleep, "1")
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = other.Wait() }()

	w := watchProviderRSS(os.Getpid())
	child := exec.Command(bin, "0.3")
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	time.Sleep(2 * rssPollInterval)
	peak, procs := w.Stop()
	if procs != 1 || peak <= 0 {
		t.Errorf("found %d provider processes with peak %d bytes; want the one child, with its memory", procs, peak)
	}
}
