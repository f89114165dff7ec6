package acctest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cassetteDir is relative to the test's working directory, which go test
// sets to the package directory.
const cassetteDir = "testdata/cassettes"

// cassetteName derives a file name from the test name; "/" would otherwise
// create directories per subtest.
func cassetteName(t testing.TB) string {
	return strings.ReplaceAll(t.Name(), "/", "__")
}

// CassettePath is where the current test's cassette lives by default.
func CassettePath(t testing.TB) string {
	return filepath.Join(cassetteDir, cassetteName(t)+".yaml")
}

// recordHint is the command that records the cassette for the current test.
func recordHint(t testing.TB) string {
	parts := strings.Split(t.Name(), "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return "WA_VCR_MODE=record go test " + packageDir() + " -run '" + strings.Join(parts, "/") + "'"
}

// packageDir names the test's package relative to the module root, e.g.
// ./internal/provider, falling back to that when the root is not found.
func packageDir() string {
	const fallback = "./internal/provider"
	wd, err := os.Getwd()
	if err != nil {
		return fallback
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return fallback
		}
		dir = parent
	}
}
