package simulator

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// Start serves the simulator on addr, which must be on a loopback host
// (e.g. "127.0.0.1:0"), and returns its base URL such as
// "http://127.0.0.1:41234". stop shuts the listener down, cancelling
// requests still waiting in slow faults; it is safe to call more than once.
func (s *Server) Start(addr string) (string, func(), error) {
	if err := CheckLoopbackAddr(addr); err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			cancel()
		}
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			shutdownCtx, done2 := context.WithTimeout(context.Background(), 5*time.Second)
			defer done2()
			if srv.Shutdown(shutdownCtx) != nil {
				_ = srv.Close()
			}
			<-done
		})
	}
	return "http://" + ln.Addr().String(), stop, nil
}
