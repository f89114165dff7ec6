package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// TestAdoptTemplatesWithQuery moves a WABA's templates into code as the
// guide does: terraform query with the whatsapp_message_template list
// resource writes a resource and an import block for each template, the
// plan of that output only imports, and after the apply the plan is empty.
// It needs terraform query (Terraform 1.14+): make test-clis runs it under
// Terraform 1.15.
func TestAdoptTemplatesWithQuery(t *testing.T) {
	providerBinDir(t)
	tfcli.SkipWorkspaceUnlessQuery(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	r := newRun(t, simulator.DefaultSeed())
	const waba = "102290129340398"
	if err := r.ws.WriteFile("main.tf", fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}
`, tfcli.ProviderSource)); err != nil {
		t.Fatal(err)
	}
	if err := r.ws.WriteFile("templates.tfquery.hcl", fmt.Sprintf(`list "whatsapp_message_template" "all" {
  provider         = whatsapp
  include_resource = true
  config {
    waba_id = %q
  }
}
`, waba)); err != nil {
		t.Fatal(err)
	}
	out := r.mustTF(ctx, "query", "-no-color", "-generate-config-out=templates.tf")
	generated, err := os.ReadFile(filepath.Join(r.ws.Dir, "templates.tf"))
	if err != nil {
		t.Fatalf("terraform query wrote no templates.tf: %v\n%s", err, tail(out, 3000))
	}
	for _, want := range []string{`name = "hello_world"`, `name = "order_update"`, `name = "spring_sale"`, `"1" = "#1234"`} {
		if !containsFolded(string(generated), want) {
			t.Errorf("templates.tf lacks %s:\n%s", want, generated)
		}
	}
	if n := strings.Count(string(generated), "import {"); n != 3 {
		t.Errorf("templates.tf has %d import blocks, want 3:\n%s", n, generated)
	}
	var plan bytes.Buffer
	if _, err := r.ws.PlanHasChanges(ctx, &plan, &plan, "-no-color", "-input=false"); err != nil {
		t.Fatalf("plan of the generated configuration: %v\n%s", err, tail(plan.String(), 3000))
	}
	if !containsFolded(plan.String(), "Plan: 3 to import, 0 to add, 0 to change, 0 to destroy.") {
		t.Errorf("the plan does more than import:\n%s", tail(plan.String(), 3000))
	}
	r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	plan.Reset()
	changes, err := r.ws.PlanHasChanges(ctx, &plan, &plan, "-no-color", "-input=false")
	if err != nil || changes {
		t.Errorf("plan after adoption: changes=%v err=%v\n%s", changes, err, tail(plan.String(), 3000))
	}
	for _, req := range r.sim.Requests() {
		if req.Method != "GET" {
			t.Errorf("%s %s: moving templates into code must write nothing", req.Method, req.Path)
		}
	}
}
