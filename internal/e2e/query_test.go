package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// TestAdoptWholeWABAWithQuery adopts everything the adoption seed holds in
// one command: a .tfquery.hcl lists the WABA's assignments and the token
// app's subscription, terraform query -generate-config-out writes their
// resource and import blocks, and the plan of that output only imports,
// apart from the write-only verify token sent once. After the apply the plan
// is empty. It needs terraform query (Terraform 1.14+): make test-clis runs
// it under Terraform 1.15.
func TestAdoptWholeWABAWithQuery(t *testing.T) {
	providerBinDir(t)
	tfcli.SkipWorkspaceUnlessQuery(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	seed, err := simulator.LoadSeed(filepath.Join("..", "..", "examples", "guides", "adoption", "seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := newRun(t, seed, "TF_VAR_webhook_verify_token=guide-verify-token")
	const waba = "102290129340398"
	if err := r.ws.WriteFile("main.tf", fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}

variable "webhook_verify_token" {
  type      = string
  sensitive = true
  ephemeral = true
}
`, tfcli.ProviderSource)); err != nil {
		t.Fatal(err)
	}
	if err := r.ws.WriteFile("waba.tfquery.hcl", fmt.Sprintf(`list "whatsapp_assigned_user" "support" {
  provider = whatsapp
  include_resource = true
  config {
    waba_id = %[1]q
  }
}

list "whatsapp_subscribed_app" "support" {
  provider = whatsapp
  include_resource = true
  config {
    waba_ids = [%[1]q]
  }
}
`, waba)); err != nil {
		t.Fatal(err)
	}

	out := r.mustTF(ctx, "query", "-no-color", "-generate-config-out=adopted.tf")
	adoptedPath := filepath.Join(r.ws.Dir, "adopted.tf")
	adopted, err := os.ReadFile(adoptedPath)
	if err != nil {
		t.Fatalf("terraform query wrote no adopted.tf: %v\n%s", err, tail(out, 3000))
	}
	// Two assignments and one subscription, each with its import block.
	for _, want := range []string{`resource "whatsapp_assigned_user"`, `resource "whatsapp_subscribed_app"`, "import {"} {
		if !strings.Contains(string(adopted), want) {
			t.Fatalf("adopted.tf lacks %q:\n%s", want, adopted)
		}
	}
	if n := strings.Count(string(adopted), "import {"); n != 3 {
		t.Errorf("adopted.tf has %d import blocks, want 3 (two assignments, one subscription):\n%s", n, adopted)
	}

	// The write-only verify token is the one thing to add by hand.
	tokenLine := regexp.MustCompile(`(?m)^(\s*)verify_token_wo\s*=\s*null.*$`)
	versionLine := regexp.MustCompile(`(?m)^(\s*)verify_token_wo_version\s*=\s*null.*$`)
	edited := tokenLine.ReplaceAll(adopted, []byte("${1}verify_token_wo = var.webhook_verify_token"))
	edited = versionLine.ReplaceAll(edited, []byte("${1}verify_token_wo_version = 1"))
	if bytes.Equal(edited, adopted) {
		t.Fatalf("adopted.tf has no null verify token to fill in:\n%s", adopted)
	}
	if err := os.WriteFile(adoptedPath, edited, 0o644); err != nil {
		t.Fatal(err)
	}

	var plan bytes.Buffer
	if _, err := r.ws.PlanHasChanges(ctx, &plan, &plan, "-no-color", "-input=false"); err != nil {
		t.Fatalf("plan of the generated configuration: %v\n%s", err, tail(plan.String(), 3000))
	}
	if !containsFolded(plan.String(), "Plan: 3 to import, 0 to add, 1 to change, 0 to destroy.") {
		t.Errorf("the plan does more than import (and send the verify token once):\n%s", tail(plan.String(), 3000))
	}
	r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	plan.Reset()
	changes, err := r.ws.PlanHasChanges(ctx, &plan, &plan, "-no-color", "-input=false")
	if err != nil || changes {
		t.Errorf("plan after adoption: changes=%v err=%v\n%s", changes, err, tail(plan.String(), 3000))
	}
}
