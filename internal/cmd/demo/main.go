// Command demo runs the terraform CLI against the provider built from this
// tree and a local Graph API simulator: `make demo`.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/wabactl/terraform-provider-whatsapp/internal/demo"
)

func main() {
	root := flag.String("root", ".", "project root")
	work := flag.String("work", "", "working directory (default: a new temporary one)")
	flag.Parse()

	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	dir := *work
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "whatsapp-demo-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
	}
	if _, err := demo.Run(ctx, demo.Options{RepoRoot: *root, WorkDir: dir, Stdout: os.Stdout, Stderr: os.Stderr}); err != nil {
		fmt.Fprintln(os.Stderr, "demo failed:", err)
		os.Exit(1)
	}
	fmt.Println("\ndemo finished: everything created was destroyed again.")
}
