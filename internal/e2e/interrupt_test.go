package e2e

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestInterruptDuringSlowApply sends SIGINT to terraform while most creates
// wait on a Graph API that does not answer. Terraform must stop within a few
// seconds (the provider cancels its in-flight calls rather than sit out the
// request timeout), and the state must hold exactly the creates that
// finished: no finished one lost, no unfinished one recorded.
func TestInterruptDuringSlowApply(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRun(t, e2eSeed())
	const total, fast = 10, 3
	tasks := map[string][]string{}
	for _, u := range benchUsers(r.seed, total) {
		tasks[u] = []string{"DEVELOP"}
	}
	if err := r.ws.WriteFile("main.tf", assignedUsersConfig("", tasks)); err != nil {
		t.Fatal(err)
	}
	// The first creates go through; the others hang for far longer than
	// the test waits.
	r.sim.InjectFault(simulator.Fault{Method: http.MethodPost, Path: "/assigned_users$", Kind: simulator.FaultSlow,
		Delay: simulator.Duration(2 * time.Minute), After: fast})

	var out syncBuffer
	cmd := r.ws.Command(ctx, "apply", "-no-color", "-input=false", "-auto-approve", "-parallelism=10")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// Wait for the fast creates, then give the slow ones (started with
	// them) time to reach the simulator; the count of abandoned requests
	// below checks that they did.
	for deadline := time.Now().Add(time.Minute); finishedPOSTs(r.sim) < fast; {
		if time.Now().After(deadline) {
			t.Fatalf("only %d creates finished\n%s", finishedPOSTs(r.sim), out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(2 * time.Second)
	sent := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("terraform still running 30s after SIGINT\n%s", tail(out.String(), 4000))
	}
	took := time.Since(sent)
	t.Logf("terraform exited %v after SIGINT", took.Round(time.Millisecond))
	if took > 10*time.Second {
		t.Errorf("terraform took %v to stop after SIGINT, want a few seconds", took)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Errorf("an interrupted apply exited with %v, want a failure", err)
	}
	if !strings.Contains(out.String(), "Gracefully shutting down") {
		t.Errorf("terraform did not shut down gracefully:\n%s", tail(out.String(), 4000))
	}

	// Every slow create must have reached Graph and been abandoned, or the
	// interrupt proved nothing.
	abandoned := 0
	for _, req := range r.sim.Requests() {
		if req.Method == http.MethodPost && req.Fault == simulator.FaultSlow && req.Status == 0 {
			abandoned++
		}
	}
	if abandoned != total-fast {
		t.Errorf("%d creates were in flight and abandoned, want %d", abandoned, total-fast)
	}

	var inGraph []string
	for user := range r.assignments() {
		inGraph = append(inGraph, `whatsapp_assigned_user.u["`+user+`"]`)
	}
	sort.Strings(inGraph)
	inState := r.stateList(ctx)
	if len(inGraph) != fast || !slices.Equal(inState, inGraph) {
		t.Errorf("state %v, Graph %v: want the same %d finished creates in both\n%s", inState, inGraph, fast, tail(out.String(), 4000))
	}
}

// finishedPOSTs counts creates the simulator completed.
func finishedPOSTs(sim *simulator.Server) int {
	n := 0
	for _, req := range sim.Requests() {
		if req.Method == http.MethodPost && req.Status == http.StatusOK {
			n++
		}
	}
	return n
}
