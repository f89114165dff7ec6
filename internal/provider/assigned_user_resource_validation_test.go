package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// assignedUserWithBusiness declares one assignment under a provider that
// names the business, so that only the assignment's own values are judged.
func assignedUserWithBusiness(waba, user, tasks string) string {
	return fmt.Sprintf("provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n"+
		"resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  tasks = %s\n}\n", waba, user, tasks)
}

// TestAssignedUserResource_validation feeds bad input through terraform
// plan: each must be refused with a message naming the attribute and the
// valid form, before any Graph request.
func TestAssignedUserResource_validation(t *testing.T) {
	const waba, user = "102290129340398", "100000000000101"
	cases := []struct{ name, config, want string }{
		{"waba id negative", assignedUserWithBusiness("-102290129340398", user, `["MANAGE"]`), `waba_id must be a numeric Graph ID`},
		{"waba id empty", assignedUserWithBusiness("", user, `["MANAGE"]`), `waba_id must be a numeric Graph ID`},
		{"waba id with spaces", assignedUserWithBusiness(" 102290129340398", user, `["MANAGE"]`), `waba_id must be a numeric Graph ID`},
		{"user id with letters", assignedUserWithBusiness(waba, "ana", `["MANAGE"]`), `user_id must be a numeric Graph ID`},
		{"user id decimal", assignedUserWithBusiness(waba, "1.5", `["MANAGE"]`), `user_id must be a numeric Graph ID`},
		{"user id negative", assignedUserWithBusiness(waba, "-1", `["MANAGE"]`), `user_id must be a numeric Graph ID`},
		{"unknown task", assignedUserWithBusiness(waba, user, `["ADMIN"]`), `(?s)Invalid task.*tasks: "ADMIN" is not a task Graph accepts. Valid values: MANAGE, DEVELOP,`},
		{"misspelt task", assignedUserWithBusiness(waba, user, `["MANAGE", "DEVELOPER"]`), `(?s)tasks: "DEVELOPER" is not a task Graph accepts. Did you mean "DEVELOP"\? Valid values: MANAGE, DEVELOP,`},
		{"lower-case task", assignedUserWithBusiness(waba, user, `["manage"]`), `(?s)tasks: "manage" is not a task Graph accepts. Did you mean "MANAGE"\?`},
		{"empty task set", assignedUserWithBusiness(waba, user, `[]`), `(?s)tasks.*at least 1`},
		{"business id with letters", fmt.Sprintf("provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n}\n"+
			"resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  business_id = \"acme\"\n  tasks = [\"MANAGE\"]\n}\n", waba, user), `business_id must be a numeric Graph ID`},
		{"no business id anywhere", fmt.Sprintf("provider \"whatsapp\" {}\n"+
			"resource \"whatsapp_assigned_user\" \"x\" {\n  waba_id = %q\n  user_id = %q\n  tasks = [\"MANAGE\"]\n}\n", waba, user), `(?s)Missing business_id.*business_id`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestAssignedUserResource_importIDValidation refuses import IDs that are
// not <waba_id>/<user_id> or <waba_id>/<business_id>/<user_id>, before any
// Graph request.
func TestAssignedUserResource_importIDValidation(t *testing.T) {
	config := assignedUserWithBusiness("102290129340398", "100000000000101", `["MANAGE"]`)
	for _, id := range []string{
		"102290129340398",
		"abc/100000000000101",
		"102290129340398//100000000000101",
		"1/2/3/4",
		"102290129340398/ana",
		"/100000000000101",
	} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), config, "whatsapp_assigned_user.x", id, `must be <waba_id>/<user_id>`)
		})
	}
}

// TestAssignedUserResource_duplicateTasksCollapse documents what happens to
// a repeated task: tasks is a set, so Terraform removes the duplicate while
// converting the configuration, before the provider sees it. The plan is
// accepted with the task once; nothing is rejected and nothing is sent
// twice.
func TestAssignedUserResource_duplicateTasksCollapse(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: noHTTPFactories(t),
		Steps: []resource.TestStep{{
			Config:             assignedUserWithBusiness("102290129340398", "100000000000101", `["MANAGE", "MANAGE", "DEVELOP"]`),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("whatsapp_assigned_user.x", tfjsonpath.New("tasks"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("MANAGE"), knownvalue.StringExact("DEVELOP")})),
			}},
		}},
	})
}
