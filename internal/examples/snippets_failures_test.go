package examples

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenGuide has one snippet of each kind the checker must refuse, and
// some it must accept: a continued import, a planned variable, a skip.
const brokenGuide = `# Guide

'''terraform
resource "whatsapp_assigned_user" "example" {
  waba_id = "102290129340398"
  user_id = "1972555232742222"
  tasks   = ["MANAGE"]
}
'''

<!-- snippet: continues -->
'''terraform
import {
  to = whatsapp_assigned_user.example
  id = "102290129340398/506914307656634/1972555232742222"
}
'''

'''terraform
data "whatsapp_business_account" "unformatted" {
id = "102290129340398"
}
'''

'''terraform
resource "whatsapp_assigned_user" "undeclared" {
  waba_id = "102290129340398"
  user_id = "100000000000101"
  tasks   = var.tasks
}
'''

'''terraform
data "whatsapp_business_account" "unknown" {
  id = "999999999999999"
}
'''

'''hcl
variable "verify_token" {
  type      = string
  ephemeral = true
}

resource "whatsapp_subscribed_app" "override" {
  waba_id                 = "102290129340399"
  override_callback_uri   = "https://hooks.example.com/whatsapp"
  verify_token_wo         = var.verify_token
  verify_token_wo_version = 1
}
'''

'''terraform
import {
  to = whatsapp_subscribed_app.elsewhere
  id = "102290129340398"
}
'''

<!-- snippet: skip (needs a module source) -->
'''terraform
module "m" {
  source = "./nowhere"
}
'''
`

// TestDocSnippetsReportFailures runs the checker on a document with broken
// snippets and expects one message for each, at the right line.
func TestDocSnippetsReportFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the provider and runs terraform; skipped with -short")
	}
	requireTerraform(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "guide.md"), []byte(md(brokenGuide)), 0o644); err != nil {
		t.Fatal(err)
	}
	snippets, problems := readSnippets(t, dir, []string{"guide.md"})
	if len(problems) > 0 {
		t.Fatalf("directives refused: %q", problems)
	}
	got := checkSnippets(t, snippets)
	want := []string{
		"guide.md:19: terraform fmt: the snippet is not formatted",
		"guide.md:29: terraform validate: Reference to undeclared input variable",
		"guide.md:34: terraform plan: ",
		"guide.md:55: import block: whatsapp_subscribed_app.elsewhere is not declared",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant it to start with %s", i, got[i], want[i])
		}
	}
	if !strings.Contains(got[2], "999999999999999") {
		t.Errorf("the plan failure does not name the unknown WABA: %s", got[2])
	}
}
