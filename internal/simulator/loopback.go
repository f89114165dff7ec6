package simulator

import (
	"fmt"
	"net"
	"strings"
)

// isLoopbackHost reports whether host is "localhost" or a loopback IP.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// CheckLoopbackAddr reports an error unless addr is a host:port on a
// loopback host. The simulator accepts any credential it was seeded with, so
// it must never be reachable from another machine.
func CheckLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("invalid listen address %q: %w", addr, err)
	}
	if !isLoopbackHost(host) {
		return fmt.Errorf("refusing to listen on %q: the host must be loopback (127.0.0.1, ::1 or localhost)", addr)
	}
	return nil
}
