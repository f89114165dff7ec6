package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// TestTokenWithNewlineIsTrimmedNeverEchoed sets WHATSAPP_ACCESS_TOKEN to
// "abc\n", as a token pasted from a file arrives. The provider must send
// "abc" (net/http refuses a header with a line break in it), and when Graph
// refuses the token no message may repeat it, with or without TF_LOG=TRACE.
func TestTokenWithNewlineIsTrimmedNeverEchoed(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	bin := providerBinDir(t)
	config := fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}

data "whatsapp_business_account" "acct" {
  id = %q
}

resource "whatsapp_subscribed_app" "hooks" {
  waba_id = %q
}
`, tfcli.ProviderSource, freshWABA, freshWABA)

	// start serves a simulator that knows the token "abc" or not, and
	// records every Authorization header it receives.
	start := func(knowsToken bool) (string, func() []string) {
		seed := e2eSeed()
		if knowsToken {
			seed.Tokens = append(seed.Tokens, simulator.Token{Value: "abc", AppID: seed.Apps[0].ID, Scopes: seed.Tokens[0].Scopes})
		}
		sim := simulator.New(seed)
		var mu sync.Mutex
		var auth []string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			auth = append(auth, r.Header.Get("Authorization"))
			mu.Unlock()
			sim.ServeHTTP(w, r)
		}))
		t.Cleanup(srv.Close)
		return srv.URL, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), auth...) }
	}
	workspace := func(url, token string, env ...string) *run {
		ws, err := tfcli.NewWorkspace(t.TempDir(), bin, append([]string{"WHATSAPP_BASE_URL=" + url, "WHATSAPP_ACCESS_TOKEN=" + token}, env...)...)
		if err != nil {
			t.Fatal(err)
		}
		if err := ws.WriteFile("main.tf", config); err != nil {
			t.Fatal(err)
		}
		return &run{t: t, ws: ws}
	}

	t.Run("trimmed", func(t *testing.T) {
		url, seen := start(true)
		r := workspace(url, "abc\n")
		r.t = t
		r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
		auth := seen()
		if len(auth) == 0 {
			t.Fatal("no request reached the simulator")
		}
		for _, a := range auth {
			if a != "Bearer abc" {
				t.Errorf("Authorization %q, want %q", a, "Bearer abc")
			}
		}
	})

	t.Run("refused, not echoed", func(t *testing.T) {
		url, _ := start(false)
		r := workspace(url, "abc\n")
		out, err := r.tf(ctx, "plan", "-no-color", "-input=false")
		if err == nil || !strings.Contains(out, "190") {
			t.Fatalf("the plan with an unknown token did not fail with Graph error 190 (%v):\n%s", err, tail(out, 3000))
		}
		if strings.Contains(out, "abc") {
			t.Errorf("the output repeats the token:\n%s", out)
		}
		traced := workspace(url, "abc\n", "TF_LOG=TRACE")
		out, _ = traced.tf(ctx, "plan", "-no-color", "-input=false")
		if !strings.Contains(out, "Graph API request") {
			t.Fatal("TF_LOG=TRACE shows no Graph request logs; the check would prove nothing")
		}
		// The TRACE log carries random-looking text (the plugin
		// handshake's certificate) where "abc" can occur by chance, so
		// look for the token where it would sit.
		if m := regexp.MustCompile(`Bearer abc|token=abc|"abc(\\n)?"|abc\\n`).FindString(out); m != "" {
			t.Errorf("the TRACE log shows the token: %q", m)
		}
	})

	t.Run("inner white space, not echoed", func(t *testing.T) {
		url, seen := start(true)
		r := workspace(url, "abc def\n")
		out, err := r.tf(ctx, "plan", "-no-color", "-input=false")
		if err == nil || !strings.Contains(out, "white space") {
			t.Fatalf("a token with inner white space was not refused (%v):\n%s", err, tail(out, 3000))
		}
		if strings.Contains(out, "abc") {
			t.Errorf("the refusal repeats the token:\n%s", out)
		}
		if n := len(seen()); n != 0 {
			t.Errorf("%d requests sent with a malformed token", n)
		}
	})
}
