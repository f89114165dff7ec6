package tfcli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// SharedBuild builds the provider from a tree once per process, for test
// binaries whose tests all run terraform against the same build. Its
// directory outlives any one test; Remove deletes it, from TestMain after
// the tests ran.
type SharedBuild struct {
	// RepoRoot is the module root, relative to the test's directory.
	RepoRoot string
	// Prefix names the temporary directory.
	Prefix string

	once sync.Once
	root string
	dir  string
	err  error
}

// Dir builds on first use and returns the directory holding the provider.
func (b *SharedBuild) Dir() (string, error) {
	b.once.Do(b.build)
	return b.dir, b.err
}

func (b *SharedBuild) build() {
	root, err := os.MkdirTemp("", b.Prefix)
	if err != nil {
		b.err = err
		return
	}
	b.root = root
	dir := filepath.Join(root, "bin")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var log bytes.Buffer
	if _, err := BuildProvider(ctx, b.RepoRoot, dir, &log); err != nil {
		b.err = fmt.Errorf("%w\n%s", err, log.String())
		return
	}
	b.dir = dir
}

// Remove deletes the build, if there was one.
func (b *SharedBuild) Remove() {
	if b.root != "" {
		_ = os.RemoveAll(b.root)
	}
}
