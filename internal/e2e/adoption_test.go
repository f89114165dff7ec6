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

// TestAdoptionGuide follows docs/guides/adopting-existing-objects.md against
// the seed it names: import blocks for a subscription with a callback
// override and an assignment that exist already, resource blocks written by
// terraform plan -generate-config-out, the verify token added as the error
// says, an apply, and then a plan with no changes.
func TestAdoptionGuide(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	seed, err := simulator.LoadSeed(filepath.Join("..", "..", "examples", "guides", "adoption", "seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := newRun(t, seed, "TF_VAR_webhook_verify_token=guide-verify-token")
	const waba, user = "102290129340398", "100000000000101"
	config := fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}

variable "webhook_verify_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

import {
  to = whatsapp_subscribed_app.support
  id = %q
}

import {
  to = whatsapp_assigned_user.ana
  id = "%s/%s"
}
`, tfcli.ProviderSource, waba, waba, user)
	if err := r.ws.WriteFile("main.tf", config); err != nil {
		t.Fatal(err)
	}

	// Step 2: the generated configuration lacks the write-only token, and
	// the error says what to add.
	out, err := r.tf(ctx, "plan", "-no-color", "-input=false", "-generate-config-out=generated.tf")
	if err == nil {
		t.Fatalf("plan with a generated subscription that has no verify token succeeded:\n%s", tail(out, 3000))
	}
	for _, want := range []string{"Missing verify_token_wo", "verify_token_wo = var.webhook_verify_token", "verify_token_wo_version = 1"} {
		if !containsFolded(out, want) {
			t.Errorf("the plan's error lacks %q:\n%s", want, tail(out, 3000))
		}
	}
	generatedPath := filepath.Join(r.ws.Dir, "generated.tf")
	generated, err := os.ReadFile(generatedPath)
	if err != nil {
		t.Fatal(err)
	}

	// Step 3: add the token as the guide shows.
	tokenLine := regexp.MustCompile(`(?m)^(\s*)verify_token_wo\s*=\s*null.*$`)
	versionLine := regexp.MustCompile(`(?m)^(\s*)verify_token_wo_version\s*=\s*null.*$`)
	if !tokenLine.Match(generated) || !versionLine.Match(generated) {
		t.Fatalf("generated.tf has no null verify token lines to fill in:\n%s", generated)
	}
	edited := tokenLine.ReplaceAll(generated, []byte("${1}verify_token_wo = var.webhook_verify_token"))
	edited = versionLine.ReplaceAll(edited, []byte("${1}verify_token_wo_version = 1"))
	if err := os.WriteFile(generatedPath, edited, 0o644); err != nil {
		t.Fatal(err)
	}

	// Step 4: the apply imports both and sends the token once; then the
	// plan is empty, and Graph still holds what it held.
	out = r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	if !containsFolded(out, "2 imported, 0 added, 1 changed, 0 destroyed") {
		t.Errorf("the apply was not two imports and one update:\n%s", tail(out, 3000))
	}
	var plan bytes.Buffer
	changes, err := r.ws.PlanHasChanges(ctx, &plan, &plan, "-no-color", "-input=false")
	if err != nil || changes {
		t.Errorf("plan after adoption: changes=%v err=%v\n%s", changes, err, tail(plan.String(), 3000))
	}
	if got := simAssignments(t, r.url, waba)[user]; strings.Join(got, ",") != "MANAGE" {
		t.Errorf("after adoption the user holds %v, want [MANAGE] unchanged", got)
	}
}
