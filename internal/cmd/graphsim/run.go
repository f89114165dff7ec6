package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"syscall"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// run is the whole command, parameterised for tests: it serves until ctx is
// cancelled and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graphsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = usage(fs)
	addr := fs.String("addr", "127.0.0.1:0", "loopback `host:port` to listen on (port 0 picks a free one)")
	seedPath := fs.String("seed", "", "seed `file` (.json, .yaml or .yml); the built-in fixtures when empty")
	urlFile := fs.String("url-file", "", "write the base URL to this `file` once listening")
	verbose := fs.Bool("v", false, "log each API request on stderr")
	tfrc := fs.String("tfrc", "", "write a Terraform CLI configuration `file` whose dev_overrides point wabactl/whatsapp at -provider-dir")
	providerDir := fs.String("provider-dir", "", "`directory` holding terraform-provider-whatsapp for -tfrc (default: the directory of the -tfrc file)")
	printEnv := fs.Bool("print-env", false, "once listening, print the exports for terraform, the seeded IDs and the admin calls")
	receiverToken := fs.String("webhook-receiver", "", "also serve an https webhook callback on loopback that passes verification for this verify `token`, for whatsapp_app_webhook_subscription")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "graphsim: unexpected arguments: %v\n", fs.Args())
		return exitUsage
	}
	if err := simulator.CheckLoopbackAddr(*addr); err != nil {
		fmt.Fprintf(stderr, "graphsim: %v\n", err)
		return exitUsage
	}

	var override devOverride
	if *tfrc != "" {
		var err error
		if override, err = prepareDevOverride(*tfrc, *providerDir); err != nil {
			fmt.Fprintf(stderr, "graphsim: %v\n", err)
			return exitError
		}
	} else if *providerDir != "" {
		fmt.Fprintln(stderr, "graphsim: -provider-dir needs -tfrc")
		return exitUsage
	}

	seed := simulator.DefaultSeed()
	if *seedPath != "" {
		var err error
		if seed, err = simulator.LoadSeed(*seedPath); err != nil {
			fmt.Fprintf(stderr, "graphsim: %v\n", err)
			return exitError
		}
	}
	sim := simulator.New(seed)
	if *verbose {
		logger := log.New(stderr, "graphsim: ", log.LstdFlags|log.Lmicroseconds)
		sim.OnRequest(func(r simulator.Request) { logger.Print(describe(r)) })
	}

	url, stop, err := sim.Start(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "graphsim: %v\n", err)
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintln(stderr, "graphsim: is another graphsim running? Stop it or choose another -addr (make sim ADDR=...); port 0 picks a free one")
		}
		return exitError
	}
	defer stop()
	fmt.Fprintf(stdout, "graphsim: listening on %s\n", url)
	if *tfrc != "" {
		// Written before the url file, which scripts wait for. Kept on exit:
		// the exports stay valid for the next run on the same port.
		if err := override.write(); err != nil {
			fmt.Fprintf(stderr, "graphsim: %v\n", err)
			return exitError
		}
	}
	if *urlFile != "" {
		if err := writeFileAtomic(*urlFile, url); err != nil {
			fmt.Fprintf(stderr, "graphsim: %v\n", err)
			return exitError
		}
		// A stale file would make the next run's scripts talk to a dead port.
		defer func() { _ = os.Remove(*urlFile) }()
	}
	var receiver *webhookReceiver
	if *receiverToken != "" {
		receiver = startWebhookReceiver(*receiverToken, stderr)
		defer receiver.Close()
		fmt.Fprintf(stdout, "graphsim: webhook receiver at %s (verify token %q)\n", receiver.CallbackURL(), *receiverToken)
	}
	if *printEnv {
		fmt.Fprint(stdout, startupGuide(url, seedSource(*seedPath), seed, override))
		if receiver != nil {
			fmt.Fprint(stdout, receiverGuide(receiver))
		}
	}

	<-ctx.Done()
	fmt.Fprintln(stderr, "graphsim: shutting down")
	return exitOK
}

// describe is the one-line log form of a served request.
func describe(r simulator.Request) string {
	line := fmt.Sprintf("%s %s -> %d", r.Method, r.Path, r.Status)
	if len(r.Query) > 0 {
		line = fmt.Sprintf("%s %s?%s -> %d", r.Method, r.Path, r.Query.Encode(), r.Status)
	}
	if r.Fault != "" {
		line += " (fault " + r.Fault + ")"
	}
	return line
}

// writeFileAtomic writes content next to path and renames it into place, so
// a script polling for the file (or a terraform started meanwhile) never
// reads it half-written.
func writeFileAtomic(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".graphsim-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.WriteString(content); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
