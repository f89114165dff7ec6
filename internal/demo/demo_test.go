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
// secret set, and looks for every secret in everything the run printed, in
// the saved plan (as terraform show -json renders it), in the state it wrote
// and in the committed cassettes: the access token, the app secret, the
// appsecret_proof and the webhook verify tokens (the account's override and
// the phone number's) must appear nowhere.
func TestDemoNeverShowsSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs terraform end to end; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	var out bytes.Buffer
	var states [][]byte
	var plan []byte
	res, err := Run(ctx, Options{
		RepoRoot: "../..",
		WorkDir:  t.TempDir(),
		Env:      []string{"TF_LOG=TRACE"},
		Stdout:   &out,
		Stderr:   &out,
		SavedPlan: func(planJSON []byte) error {
			plan = planJSON
			return nil
		},
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
	// Both verify tokens were sent, or finding neither proves nothing.
	if !bytes.Contains(states[0], []byte("whatsapp_phone_number_webhook")) {
		t.Fatalf("the state after apply holds no whatsapp_phone_number_webhook: its verify token was never sent")
	}
	// The run must really have logged at TRACE, or finding nothing proves
	// nothing.
	if !strings.Contains(out.String(), "Graph API response body") {
		t.Fatalf("TRACE output has no Graph request logs; the secret check would be vacuous")
	}
	if !bytes.Contains(plan, []byte(`"resource_changes"`)) || !bytes.Contains(plan, []byte("whatsapp_subscribed_app")) {
		t.Fatalf("the saved plan was not captured or plans nothing")
	}
	cassettes := committedCassettes(t)

	token := res.Seed.Tokens[0].Value
	secrets := map[string]string{
		"access token":          token,
		"app secret":            res.Seed.AppSecret,
		"appsecret_proof":       simulator.AppSecretProof(res.Seed.AppSecret, token),
		"verify token":          VerifyToken,
		"number's verify token": SupportLineVerifyToken,
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
		if bytes.Contains(plan, []byte(secret)) {
			t.Errorf("the %s appears in the saved plan", what)
		}
		for name, data := range cassettes {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("the %s appears in the cassette %s", what, name)
			}
		}
	}
}

// committedCassettes reads every recorded cassette in the tree: recordings
// against the simulator would hold the demo's secrets if scrubbing failed.
func committedCassettes(t *testing.T) map[string][]byte {
	t.Helper()
	var files []string
	for _, dir := range []string{"../provider/testdata/cassettes", "../acctest/testdata/cassettes"} {
		found, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	if len(files) == 0 {
		t.Fatal("no cassettes found; the check would be vacuous")
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	return out
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
