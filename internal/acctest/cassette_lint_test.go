package acctest

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cassetteWith builds a one-interaction cassette around the given request
// and response YAML fragments (indented as interaction members).
func cassetteWith(request, response string) string {
	return "---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n" + request + "      response:\n" + response
}

const (
	cleanRequest = "        url: https://graph.facebook.com/v26.0/102290129340398?fields=id\n        method: GET\n"
	cleanResp    = "        body: '{\"id\":\"102290129340398\"}'\n        code: 200\n"
)

func writeCassette(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLintCassette(t *testing.T) {
	// Built at run time so the token shape never sits in the source.
	metaToken := "EAA" + strings.Repeat("Bx7", 10)
	tests := []struct {
		name, file, text, want string
	}{
		{"token shape in a body", "a.yaml",
			cassetteWith(cleanRequest, "        body: '{\"token\":\""+metaToken+"\"}'\n        code: 200\n"), "Meta access token"},
		{"Bearer credential", "a.yaml",
			cassetteWith(cleanRequest, "        body: 'Bearer abc'\n        code: 200\n"), "Bearer credential"},
		{"Authorization request header", "a.yaml",
			cassetteWith(cleanRequest+"        headers:\n            authorization:\n                - x\n", cleanResp), "request has an Authorization header"},
		{"Authorization response header", "a.yaml",
			cassetteWith(cleanRequest, cleanResp+"        headers:\n            Authorization:\n                - x\n"), "response has an Authorization header"},
		{"access_token in a URL", "a.yaml",
			cassetteWith("        url: https://graph.facebook.com/v26.0/1?access_token=abc\n        method: GET\n", cleanResp), "access_token= carries a value"},
		{"access_token key in a URL even when redacted", "a.yaml",
			cassetteWith("        url: https://graph.facebook.com/v26.0/1?access_token=REDACTED\n        method: GET\n", cleanResp), "URL carries access_token"},
		{"appsecret_proof in a paging link", "a.yaml",
			cassetteWith(cleanRequest, "        body: '{\"paging\":{\"next\":\"https://graph.facebook.com/v26.0/1?appsecret_proof=0a1b2c\"}}'\n        code: 200\n"), "appsecret_proof= carries a value"},
		{"access_token in a form", "a.yaml",
			cassetteWith(cleanRequest+"        form:\n            access_token:\n                - abc\n", cleanResp), "form carries access_token"},
		{"verify_token in a JSON body", "a.yaml",
			cassetteWith("        url: https://graph.facebook.com/v26.0/1/subscribed_apps\n        method: POST\n        headers:\n            Content-Type:\n                - application/json\n        body: '{\"webhook_configuration\":{\"verify_token\":\"plain\"}}'\n", cleanResp), `verify_token is "plain"`},
		{"verify_token in a form body", "a.yaml",
			cassetteWith("        url: https://graph.facebook.com/v26.0/1/subscribed_apps\n        method: POST\n        headers:\n            Content-Type:\n                - application/x-www-form-urlencoded\n        body: verify_token=plain\n", cleanResp), `verify_token is "plain"`},
		{"verify_token in a query", "a.yaml",
			cassetteWith("        url: https://graph.facebook.com/v26.0/1?hub.verify_token=plain\n        method: GET\n", cleanResp), `hub.verify_token is "plain"`},
		{"simulator token", "a.yaml",
			cassetteWith(cleanRequest, "        body: 'sim-access-token'\n        code: 200\n"), "simulator's access token"},
		{"simulator secret", "a.yaml",
			cassetteWith(cleanRequest, "        body: 'sim-app-secret'\n        code: 200\n"), "simulator's app secret"},
		{"unparsable YAML", "a.yaml", "version: 2\ninteractions: [\n", "not a readable go-vcr cassette"},
		{"wrong format version", "a.yaml", "version: 1\ninteractions: []\n", "not a readable go-vcr cassette"},
		{"not a .yaml file", "a.yml", cassetteWith(cleanRequest, cleanResp), "must end in .yaml"},
		{"5xx in an ordinary cassette", "TestAccWABA_basic.yaml",
			cassetteWith(cleanRequest, "        body: '{}'\n        code: 503\n"), "HTTP 503 response"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := LintCassette(writeCassette(t, tt.file, tt.text))
			found := false
			for _, p := range problems {
				found = found || strings.Contains(p, tt.want)
			}
			if !found {
				t.Fatalf("want a problem containing %q, got %q", tt.want, problems)
			}
		})
	}
}

func TestLintCassette_Clean(t *testing.T) {
	clean := map[string]string{
		"TestAccWABA_basic.yaml": cassetteWith(
			"        url: https://graph.facebook.com/v26.0/1/subscribed_apps\n        method: POST\n        headers:\n            Content-Type:\n                - application/json\n            User-Agent:\n                - terraform-provider-whatsapp/test\n        body: '{\"verify_token\":\"REDACTED\"}'\n",
			"        body: '{\"paging\":{\"next\":\"https://graph.facebook.com/v26.0/1?access_token=REDACTED&after=QVFI\"}}'\n        code: 200\n"),
		"TestAccClient_Retry503.yaml":       cassetteWith(cleanRequest, "        body: '{}'\n        code: 503\n"),
		"TestAccClient_FaultInjection.yaml": cassetteWith(cleanRequest, "        body: '{}'\n        code: 500\n"),
	}
	for name, text := range clean {
		if problems := LintCassette(writeCassette(t, name, text)); len(problems) != 0 {
			t.Errorf("%s: unexpected problems %q", name, problems)
		}
	}
	if problems := LintCassette(filepath.Join(t.TempDir(), "missing.yaml")); len(problems) != 1 {
		t.Errorf("a missing file must be one problem, got %q", problems)
	}
}

// The hand-written cassettes this package replays must pass the same lint
// the provider's recordings do.
func TestLintCassette_OwnTestdata(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(cassetteDir, "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cassettes under %s (%v)", cassetteDir, err)
	}
	for _, p := range paths {
		if problems := LintCassette(p); len(problems) > 0 {
			t.Errorf("%q", problems)
		}
	}
}

// TestLintCassette_BinaryBody: a binary body is stored as base64, whose
// letters may spell a token's shape by chance; its decoded bytes are what
// is checked.
func TestLintCassette_BinaryBody(t *testing.T) {
	binary := func(data []byte) string {
		return "        headers:\n            Content-Type:\n                - image/png\n        body: !!binary |\n            " +
			base64.StdEncoding.EncodeToString(data) + "\n        method: POST\n        url: https://graph.facebook.com/v26.0/upload:1\n"
	}
	// A 1x1 PNG whose base64 holds "EAA" followed by 20 letters and digits.
	// Built in two parts so the token shape never sits in the source.
	png, err := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAE" + "AAAABCAIAAACQd1PeAAAADElEQVR4nGNgaEgAAAFkAOGJwRomAAAAAElFTkSuQmCC")
	if err != nil {
		t.Fatal(err)
	}
	if problems := LintCassette(writeCassette(t, "a.yaml", cassetteWith(binary(png), cleanResp))); len(problems) != 0 {
		t.Errorf("a PNG body was flagged: %q", problems)
	}
	leak := append([]byte{0x89, 0xff}, []byte("EAA"+strings.Repeat("Bx7", 10))...)
	problems := LintCassette(writeCassette(t, "a.yaml", cassetteWith(binary(leak), cleanResp)))
	if len(problems) != 1 || !strings.Contains(problems[0], "request body (binary) holds a Meta access token") {
		t.Errorf("a token inside a binary body: problems %q", problems)
	}
}
