package examples

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
	buildLog  bytes.Buffer
)

// TestMain removes the provider binary the tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(filepath.Dir(binDir))
	}
	os.Exit(code)
}

// providerBinDir builds the provider from this tree once per test binary,
// so that the examples and the documentation snippets share one build, and
// returns the directory holding it.
func providerBinDir(t *testing.T) string {
	t.Helper()
	buildOnce.Do(buildProvider)
	if buildErr != nil {
		t.Fatalf("%v\n%s", buildErr, buildLog.String())
	}
	return binDir
}

// buildProvider builds into a directory that outlives any one test; TestMain
// removes it.
func buildProvider() {
	root, err := os.MkdirTemp("", "wa-examples-")
	if err != nil {
		buildErr = err
		return
	}
	binDir = filepath.Join(root, "bin")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	_, buildErr = tfcli.BuildProvider(ctx, filepath.Join("..", ".."), binDir, &buildLog)
}
