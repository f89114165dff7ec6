// Command graphsim runs the Graph API simulator on a loopback address, for
// demos, benchmarks and recording cassettes without a Meta account.
//
// Usage:
//
//	graphsim -addr 127.0.0.1:0 [-seed seed.json|seed.yaml] [-url-file path] [-v]
//	         [-tfrc file [-provider-dir dir]] [-print-env]
//
// It prints "graphsim: listening on http://127.0.0.1:PORT" once ready and
// stops cleanly on SIGINT or SIGTERM. make sim adds -tfrc, which writes a
// Terraform CLI configuration with dev_overrides for the provider, and
// -print-env, which prints the exports for terraform and the seeded IDs.
// State is kept in memory only. graphsim -h lists the built-in tokens and
// IDs, the seed format and the /_sim/ admin endpoints (faults, drift,
// hide/reveal, settings, state).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
