package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// guideSeed has an expired first token, an app secret and one of everything,
// so that each line of the guide has something to show.
const guideSeed = `tokens:
  - {value: old-token, app_id: "11", scopes: [whatsapp_business_management], expired: true}
  - {value: guide-token, app_id: "11", scopes: [whatsapp_business_management, business_management]}
app_secret: guide-proof-secret
apps:
  - {id: "11", name: Eleven, secret: eleven-secret}
businesses:
  - {id: "22", name: Twenty-Two}
users:
  - {id: "44", name: Dev, user_type: SYSTEM_USER, business_id: "22"}
wabas:
  - id: "33"
    business_id: "22"
    fields: {name: Guide WABA}
    subscribed_apps: [{app_id: "11"}]
    assigned_users: [{user_id: "44", tasks: [MANAGE]}]
    phone_numbers: [{id: "55", display_phone_number: "+1 555-000-0055"}]
`

var exportLine = regexp.MustCompile(`(?m)^\s*export ([A-Z_]+)=(.*)$`)

// parseExports reads the export lines of the guide, undoing shellQuote.
func parseExports(text string) map[string]string {
	env := map[string]string{}
	for _, m := range exportLine.FindAllStringSubmatch(text, -1) {
		v := m[2]
		if len(v) >= 2 && strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'") {
			v = strings.ReplaceAll(v[1:len(v)-1], `'\''`, "'")
		}
		env[m[1]] = v
	}
	return env
}

func TestPrintEnvWritesTheCLIConfigAndDescribesTheSeed(t *testing.T) {
	dir := t.TempDir()
	providerDir := filepath.Join(dir, "providers")
	if err := os.MkdirAll(providerDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(providerDir, tfcli.ProviderBinaryName), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(dir, "seed.yaml")
	if err := os.WriteFile(seed, []byte(guideSeed), 0o600); err != nil {
		t.Fatal(err)
	}
	tfrc := filepath.Join(dir, "dev.tfrc")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", seed, "-tfrc", tfrc, "-provider-dir", providerDir, "-print-env"}, &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "/_sim/counts") {
		if time.Now().After(deadline) {
			t.Fatalf("the guide never finished; stdout %s\nstderr %s", stdout.String(), stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	guide := stdout.String()
	url := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(guide, "\n", 2)[0], "graphsim: listening on "))

	env := parseExports(guide)
	want := map[string]string{
		"TF_CLI_CONFIG_FILE":    tfrc,
		"WHATSAPP_BASE_URL":     url,
		"WHATSAPP_ACCESS_TOKEN": "guide-token", // the first one has expired
		"WHATSAPP_APP_ID":       "11",
		"WHATSAPP_APP_SECRET":   "guide-proof-secret", // the seed's, which appsecret_proof needs
		"WHATSAPP_BUSINESS_ID":  "22",
		"CHECKPOINT_DISABLE":    "1",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("export %s=%q, want %q", k, env[k], v)
		}
	}
	if len(env) != len(want) {
		t.Errorf("exports %v, want exactly %v", env, want)
	}
	for _, s := range []string{
		"Seeded from " + seed, `business  22 "Twenty-Two"`, `WABA      33 "Guide WABA"`, "55 (+1 555-000-0055)",
		"subscribed apps 11", "assigned users  44 (MANAGE)", `user      44 "Dev"`, "old-token (expired)",
		"appsecret_proof is required", "in memory",
		url + "/_sim/unassign?waba=33&user=44", url + "/_sim/unsubscribe?waba=33&app=11",
		url + `/_sim/hide -d '{"waba_id":"33"}'`, url + `/_sim/reveal -d '{"waba_id":"33"}'`,
	} {
		if !strings.Contains(guide, s) {
			t.Errorf("the guide does not mention %q:\n%s", s, guide)
		}
	}

	data, err := os.ReadFile(tfrc)
	if err != nil {
		t.Fatal(err)
	}
	if want := tfcli.DevOverridesConfig(map[string]string{tfcli.ProviderSource: providerDir}); string(data) != want {
		t.Errorf("CLI configuration:\n%s\nwant:\n%s", data, want)
	}

	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	if _, err := os.Stat(tfrc); err != nil {
		t.Errorf("the CLI configuration must outlive the run, so the exports stay valid: %v", err)
	}
}

func TestStartupGuideCopesWithASparseSeed(t *testing.T) {
	guide := startupGuide("http://127.0.0.1:1", "sparse.yaml", simulator.Seed{}, devOverride{})
	for _, s := range []string{"the seed has no token", "export WHATSAPP_BASE_URL=http://127.0.0.1:1", "/_sim/faults"} {
		if !strings.Contains(guide, s) {
			t.Errorf("the guide does not mention %q:\n%s", s, guide)
		}
	}
	for _, s := range []string{"TF_CLI_CONFIG_FILE", "WHATSAPP_BUSINESS_ID", "/_sim/hide", "/_sim/unassign"} {
		if strings.Contains(guide, s) {
			t.Errorf("the guide mentions %q without anything to base it on:\n%s", s, guide)
		}
	}
}

func TestStartupGuideCountsTheUsersItDoesNotList(t *testing.T) {
	guide := startupGuide("http://127.0.0.1:1", "built-in", simulator.DefaultSeed(), devOverride{})
	more := len(simulator.DefaultSeed().Users) - listedUsers
	if !strings.Contains(guide, "users     "+strconv.Itoa(more)+" more") {
		t.Errorf("the guide does not count the %d users it leaves out:\n%s", more, guide)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"sim-access-token":        "sim-access-token",
		"http://127.0.0.1:8089":   "http://127.0.0.1:8089",
		"/home/me/my repo/x.tfrc": "'/home/me/my repo/x.tfrc'",
		"it's":                    `'it'\''s'`,
		"":                        "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
