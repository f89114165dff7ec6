package bench

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// rssPollInterval is how often /proc is scanned. Terraform starts a provider
// process per graph walk and each lives for at least tens of milliseconds;
// VmHWM keeps a process's peak between samples, so a sample late in its life
// is enough.
const rssPollInterval = 10 * time.Millisecond

// rssWatcher records the peak resident memory of the provider processes that
// one terraform process starts. Terraform runs providers as its direct
// children (go-plugin), so the watcher looks for processes whose parent is
// terraform and whose executable is the provider binary, and keeps the
// highest VmHWM (peak RSS, kept by the kernel) or VmRSS it reads for each.
type rssWatcher struct {
	parent int
	stop   chan struct{}
	done   chan struct{}

	mu    sync.Mutex
	peaks map[int]int64 // pid -> bytes
	// others are processes with another parent, never looked at again so
	// that polling stays cheap next to the run it measures.
	others map[int]bool
}

func watchProviderRSS(parent int) *rssWatcher {
	w := &rssWatcher{parent: parent, stop: make(chan struct{}), done: make(chan struct{}), peaks: map[int]int64{}, others: map[int]bool{}}
	go w.loop()
	return w
}

func (w *rssWatcher) loop() {
	defer close(w.done)
	t := time.NewTicker(rssPollInterval)
	defer t.Stop()
	for {
		w.sample()
		select {
		case <-w.stop:
			return
		case <-t.C:
		}
	}
}

// Stop ends the polling and returns the highest peak of any provider
// process and how many provider processes were seen.
func (w *rssWatcher) Stop() (peak int64, processes int) {
	close(w.stop)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.peaks {
		peak = max(peak, p)
	}
	return peak, len(w.peaks)
}

func (w *rssWatcher) sample() {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || w.others[pid] {
			continue
		}
		w.mu.Lock()
		_, known := w.peaks[pid]
		w.mu.Unlock()
		if !known && !w.isProvider(pid) {
			continue
		}
		if rss, ok := readPeakRSS(pid); ok {
			w.mu.Lock()
			w.peaks[pid] = max(w.peaks[pid], rss)
			w.mu.Unlock()
		}
	}
}

// isProvider reports whether pid is terraform's child running the provider
// binary. A child of terraform is asked again at the next sample, as it may
// not have exec'd the binary yet.
func (w *rssWatcher) isProvider(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	if ppid, ok := parentPID(stat); !ok || ppid != w.parent {
		w.others[pid] = true
		return false
	}
	exe, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/exe")
	return err == nil && filepath.Base(strings.TrimSuffix(exe, " (deleted)")) == tfcli.ProviderBinaryName
}

// parentPID reads the fourth field of /proc/PID/stat. The second field, the
// command name in parentheses, may itself hold spaces and parentheses, so
// fields are counted from the last ")".
func parentPID(stat []byte) (int, bool) {
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(f[1])
	return ppid, err == nil
}

// readPeakRSS is the larger of VmHWM and VmRSS in bytes.
func readPeakRSS(pid int) (int64, bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	return parseStatusRSS(f)
}

func parseStatusRSS(r io.Reader) (int64, bool) {
	var peak int64
	found := false
	s := bufio.NewScanner(r)
	for s.Scan() {
		key, rest, ok := strings.Cut(s.Text(), ":")
		if !ok || (key != "VmHWM" && key != "VmRSS") {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		peak, found = max(peak, kb*1024), true
	}
	return peak, found
}
