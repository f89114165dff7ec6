package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
)

// TestCassettes lints every recorded cassette (no token, app secret,
// appsecret_proof or verify token; no Authorization header) and fails on
// cassettes that no test uses any more.
func TestCassettes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cassettes", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no cassettes found under testdata/cassettes")
	}
	tests := testFunctionNames(t)
	for _, f := range files {
		for _, problem := range acctest.LintCassette(f) {
			t.Errorf("%s: %s", f, problem)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		top, _, _ := strings.Cut(name, "__")
		if !tests[top] {
			t.Errorf("%s: no test named %s uses this cassette; delete it", f, top)
		}
	}
}

var testFuncPattern = regexp.MustCompile(`(?m)^func (Test\w+)\(t \*testing\.T\)`)

func testFunctionNames(t *testing.T) map[string]bool {
	t.Helper()
	sources, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, s := range sources {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range testFuncPattern.FindAllSubmatch(data, -1) {
			names[string(m[1])] = true
		}
	}
	return names
}
