package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// TestApprovedTemplateNameLockIsAnnounced: renaming an approved template
// replaces it, and destroying it deletes it; either way Meta locks the old
// name for 30 days, and the plan says so before anything is sent. After the
// destroy the name is indeed refused, as Meta would.
func TestApprovedTemplateNameLockIsAnnounced(t *testing.T) {
	providerBinDir(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := newRun(t, simulator.DefaultSeed())
	config := func(name string) string {
		return fmt.Sprintf(`terraform {
  required_providers {
    whatsapp = { source = %q }
  }
}

resource "whatsapp_message_template" "notice" {
  waba_id  = "102290129340398"
  name     = %q
  language = "en_US"
  category = "UTILITY"
  body     = { text = "Your appointment is on {{1}}.", examples = { "1" = "Monday" } }
}
`, tfcli.ProviderSource, name)
	}
	write := func(name string) {
		if err := r.ws.WriteFile("main.tf", config(name)); err != nil {
			t.Fatal(err)
		}
	}
	write("appointment_notice")
	r.mustTF(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	id := ""
	for _, line := range strings.Split(r.mustTF(ctx, "state", "show", "-no-color", "whatsapp_message_template.notice"), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "id" {
			id = strings.Trim(f[2], `"`)
		}
	}
	if err := r.sim.ReviewTemplate(id, "APPROVED", ""); err != nil {
		t.Fatalf("approving template %q: %v", id, err)
	}

	write("appointment_reminder")
	plan := r.mustTF(ctx, "plan", "-no-color", "-input=false")
	for _, want := range []string{"Replacing an approved template locks its name", `Template "appointment_notice" in en_US is APPROVED`, "must be replaced"} {
		if !containsFolded(plan, want) {
			t.Errorf("the rename's plan lacks %q:\n%s", want, tail(plan, 3000))
		}
	}

	write("appointment_notice")
	destroy := r.mustTF(ctx, "plan", "-destroy", "-no-color", "-input=false")
	if !containsFolded(destroy, "Deleting an approved template locks its name") {
		t.Errorf("the destroy's plan does not warn about the lock:\n%s", tail(destroy, 3000))
	}
	r.mustTF(ctx, "destroy", "-no-color", "-input=false", "-auto-approve")
	out, err := r.tf(ctx, "apply", "-no-color", "-input=false", "-auto-approve")
	if err == nil || !containsFolded(out, "2388024") {
		t.Errorf("re-creating the deleted approved name: err=%v, want Graph's refusal (subcode 2388024):\n%s", err, tail(out, 3000))
	}
}
