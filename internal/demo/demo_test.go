package demo

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestDemoNeverShowsSecrets runs the whole demo with TF_LOG=TRACE and an app
// secret set, and looks for every secret in everything the run printed and
// in the state it wrote: the access token, the app secret, the
// appsecret_proof and the webhook verify token must appear nowhere.
func TestDemoNeverShowsSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs terraform end to end; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	var out bytes.Buffer
	var states [][]byte
	res, err := Run(ctx, Options{
		RepoRoot: "../..",
		WorkDir:  t.TempDir(),
		Env:      []string{"TF_LOG=TRACE"},
		Stdout:   &out,
		Stderr:   &out,
		AfterApply: func(dir string) error {
			data, err := os.ReadFile(filepath.Join(dir, "terraform.tfstate"))
			states = append(states, data)
			return err
		},
	})
	if err != nil {
		t.Fatalf("demo failed: %v\n%s", err, tail(out.String(), 4000))
	}
	if len(states) != 1 || !bytes.Contains(states[0], []byte("whatsapp_subscribed_app")) {
		t.Fatalf("the state after apply was not captured or holds no resources")
	}
	// The run must really have logged at TRACE, or finding nothing proves
	// nothing.
	if !strings.Contains(out.String(), "Graph API response body") {
		t.Fatalf("TRACE output has no Graph request logs; the secret check would be vacuous")
	}

	token := res.Seed.Tokens[0].Value
	secrets := map[string]string{
		"access token":    token,
		"app secret":      res.Seed.AppSecret,
		"appsecret_proof": simulator.AppSecretProof(res.Seed.AppSecret, token),
		"verify token":    VerifyToken,
	}
	for what, secret := range secrets {
		if secret == "" {
			t.Fatalf("%s is empty", what)
		}
		if i := strings.Index(out.String(), secret); i >= 0 {
			t.Errorf("the %s appears in the demo output: ...%s...", what, out.String()[max(0, i-200):i])
		}
		if bytes.Contains(states[0], []byte(secret)) {
			t.Errorf("the %s appears in the state", what)
		}
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
