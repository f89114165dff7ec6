package bench

import (
	"fmt"
	"strings"
)

// Each configuration writes one block per resource. A for_each over a
// generated set would be shorter, but Terraform evaluates the set again for
// every instance, which makes its own cost grow with N squared and would
// hide the provider's in the floor.

// providerBlock opens every configuration of this provider: the provider
// from the dev_overrides of the run, configured from the environment.
const providerBlock = `terraform {
  required_providers {
    whatsapp = {
      source = "wabactl/whatsapp"
    }
  }
}

provider "whatsapp" {}
`

// WhatsAppConfig manages n assigned users, the token app's subscription and
// reads the WABA node, all on one WABA: the shape the request budget is
// stated for.
func WhatsAppConfig(n int) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	fmt.Fprintf(&b, `
data "whatsapp_business_account" "waba" {
  id = %[1]q
}

resource "whatsapp_subscribed_app" "waba" {
  waba_id = %[1]q
}
`, WABAID)
	writeAssignments(&b, "whatsapp_assigned_user", n)
	return b.String()
}

// FloorConfig is n built-in terraform_data resources shaped like the
// assignments: what Terraform itself costs for n resources, with no provider
// process and no API.
func FloorConfig(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `
resource "terraform_data" "u%[2]d" {
  input = {
    waba_id = %[1]q
    user_id = "%[3]d"
    tasks   = ["MANAGE_TEMPLATES", "VIEW_COST"]
  }
}
`, WABAID, i+1, FirstUserID+i)
	}
	return b.String()
}

// FrameworkFloorConfig is n resources of terraform-provider-floor shaped like
// the assignments: what the plugin protocol and terraform-plugin-framework
// cost for n resources of a provider that does nothing.
func FrameworkFloorConfig(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    floor = {
      source = %q
    }
  }
}
`, FloorSource)
	writeAssignments(&b, "floor_assignment", n)
	return b.String()
}

// writeAssignments writes n resources of type typ with the arguments of
// whatsapp_assigned_user, one per generated user of the managed WABA.
func writeAssignments(b *strings.Builder, typ string, n int) {
	for i := range n {
		fmt.Fprintf(b, `
resource %[1]q "u%[3]d" {
  waba_id = %[2]q
  user_id = "%[4]d"
  tasks   = ["MANAGE_TEMPLATES", "VIEW_COST"]
}
`, typ, WABAID, i+1, FirstUserID+i)
	}
}

// PhoneConfig manages three per-number objects on each of the p numbers of
// PhoneSeed's WABA: a webhook override pointing at callback (a URL that
// passes the simulator's verification with VerifyToken), the business
// profile's about text, and conversational automation with one prompt.
func PhoneConfig(p int, callback string) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	for i := range p {
		fmt.Fprintf(&b, `
resource "whatsapp_phone_number_webhook" "p%[3]d" {
  waba_id                 = %[1]q
  phone_number_id         = %[2]q
  override_callback_uri   = "%[4]s/p%[3]d"
  verify_token_wo         = %[5]q
  verify_token_wo_version = 1
}

resource "whatsapp_business_profile" "p%[3]d" {
  waba_id         = %[1]q
  phone_number_id = %[2]q
  about           = "Branch %[3]d, open 8:00-18:00"
}

resource "whatsapp_conversational_automation" "p%[3]d" {
  waba_id         = %[1]q
  phone_number_id = %[2]q
  prompts         = ["Opening hours of branch %[3]d"]
}
`, WABAID, PhoneID(i), i+1, callback, VerifyToken)
	}
	return b.String()
}

// PhoneFloorConfig is 3p built-in terraform_data resources shaped like the
// three resources of each number of PhoneConfig.
func PhoneFloorConfig(p int) string {
	var b strings.Builder
	for i := range p {
		fmt.Fprintf(&b, `
resource "terraform_data" "webhook_p%[3]d" {
  input = {
    waba_id               = %[1]q
    phone_number_id       = %[2]q
    override_callback_uri = "https://127.0.0.1/p%[3]d"
  }
}

resource "terraform_data" "profile_p%[3]d" {
  input = {
    waba_id         = %[1]q
    phone_number_id = %[2]q
    about           = "Branch %[3]d, open 8:00-18:00"
  }
}

resource "terraform_data" "automation_p%[3]d" {
  input = {
    waba_id         = %[1]q
    phone_number_id = %[2]q
    prompts         = ["Opening hours of branch %[3]d"]
  }
}
`, WABAID, PhoneID(i), i+1)
	}
	return b.String()
}

// TemplateConfig manages t message templates on TemplateSeed's WABA, named
// TemplateName(0) to TemplateName(t-1): simple UTILITY templates whose body
// has one variable and its example, with no media header (so no upload)
// and without waiting for Meta's review.
func TemplateConfig(t int) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	for i := range t {
		fmt.Fprintf(&b, `
resource "whatsapp_message_template" "t%[3]d" {
  waba_id  = %[1]q
  name     = %[2]q
  language = "en_US"
  category = "UTILITY"
  body = {
    text     = "Hi {{1}}, your order from branch %[3]d is ready for pickup."
    examples = { "1" = "Jim" }
  }
}
`, WABAID, TemplateName(i), i+1)
	}
	return b.String()
}

// TemplateFloorConfig is t built-in terraform_data resources shaped like
// the templates of TemplateConfig.
func TemplateFloorConfig(t int) string {
	var b strings.Builder
	for i := range t {
		fmt.Fprintf(&b, `
resource "terraform_data" "t%[3]d" {
  input = {
    waba_id  = %[1]q
    name     = %[2]q
    language = "en_US"
    category = "UTILITY"
    body = {
      text     = "Hi {{1}}, your order from branch %[3]d is ready for pickup."
      examples = { "1" = "Jim" }
    }
  }
}
`, WABAID, TemplateName(i), i+1)
	}
	return b.String()
}

// TemplateName is the name of the i-th (from 0) template of TemplateConfig.
func TemplateName(i int) string { return fmt.Sprintf("bench_%04d", i+1) }
