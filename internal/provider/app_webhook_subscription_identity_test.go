package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// TestAppWebhookSubscriptionResource_identity checks the identity in state
// (the app and the object) and the import by identity, with and without
// object, and refuses another object or another app.
func TestAppWebhookSubscriptionResource_identity(t *testing.T) {
	identityChecks := identityCLI.require(t)
	fx, ids := appWebhookFixture(t)
	config := appWebhookConfig(ids, webhookCallbackURL, "verify-1", 1, "", "messages")
	withImport := func(identity string) string {
		return config + fmt.Sprintf("\nimport {\n  to       = %s\n  identity = %s\n}\n", appWebhookAddr, identity)
	}
	// The imported state cannot hold the write-only token's version, so the
	// plan sends the configured token once.
	sendsTokenOnce := resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(appWebhookAddr, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(appWebhookAddr, tfjsonpath.New("callback_url"), knownvalue.StringExact(webhookCallbackURL)),
	}}
	importStep := func(identity string) resource.TestStep {
		return resource.TestStep{
			Config: withImport(identity), ResourceName: appWebhookAddr, ImportState: true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity, ImportStateConfigExact: true,
		}
	}
	withoutObject := importStep(fmt.Sprintf("{ app_id = %q }", ids.App))
	withoutObject.ExpectNonEmptyPlan, withoutObject.ImportPlanChecks = true, sendsTokenOnce
	otherObject := importStep(fmt.Sprintf("{ app_id = %q, object = \"page\" }", ids.App))
	otherObject.ExpectError = wrapTolerant(`(?s)Invalid import identity.*manages only the app's whatsapp_business_account webhooks; set object = "whatsapp_business_account" or leave it out, got "page"`)
	otherApp := importStep(fmt.Sprintf("{ app_id = %q, object = %q }", ids.OtherApp, graph.WABAWebhookObject))
	otherApp.ExpectError = wrapTolerant(`(?s)Identity app_id is not the provider's app.*manages the subscription of app ` + ids.App + ` \(its app_id\).*got "` + ids.OtherApp + `"`)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityChecks,
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(appWebhookAddr, map[string]knownvalue.Check{
						"app_id": knownvalue.StringExact(ids.App),
						"object": knownvalue.StringExact(graph.WABAWebhookObject),
					}),
					statecheck.ExpectIdentityValueMatchesStateAtPath(appWebhookAddr, tfjsonpath.New("app_id"), tfjsonpath.New("id")),
				},
			},
			{
				ResourceName:       appWebhookAddr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks:   sendsTokenOnce,
			},
			withoutObject,
			otherObject,
			otherApp,
		},
	})
}
