package provider

import (
	"context"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// configOf builds r's configuration with the given attribute values and
// every other attribute null.
func configOf(t *testing.T, r fwresource.Resource, values map[string]tftypes.Value) tfsdk.Config {
	t.Helper()
	var resp fwresource.SchemaResponse
	r.Schema(context.Background(), fwresource.SchemaRequest{}, &resp)
	typ, ok := resp.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		t.Fatal("schema type is not an object")
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range values {
		attrs[name] = v
	}
	return tfsdk.Config{Schema: resp.Schema, Raw: tftypes.NewValue(typ, attrs)}
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

var unknownString = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)

// TestVerifyTokenMessages pins the whole text: it is what a user with a
// generated configuration reads, and must say exactly what to add.
func TestVerifyTokenMessages(t *testing.T) {
	const tail = "Add to this resource:\n\n" +
		"  verify_token_wo         = var.webhook_verify_token # an ephemeral variable\n" +
		"  verify_token_wo_version = 1\n\n" +
		"and declare the variable with sensitive = true and ephemeral = true. Graph never returns the token, so an imported or generated configuration cannot contain it."
	const tailWithVersion = "Add to this resource:\n\n" +
		"  verify_token_wo         = var.webhook_verify_token # an ephemeral variable\n\n" +
		"and declare the variable with sensitive = true and ephemeral = true. Graph never returns the token, so an imported or generated configuration cannot contain it."
	uri := str("https://hooks.example.com/x")
	version := tftypes.NewValue(tftypes.Number, 2)
	for _, tc := range []struct {
		name            string
		r               fwresource.Resource
		v               fwresource.ConfigValidator
		values          map[string]tftypes.Value
		summary, detail string // empty: accepted
	}{
		{"override without token", NewSubscribedAppResource(), subscribedAppVerifyToken{}, map[string]tftypes.Value{"override_callback_uri": uri},
			"Missing verify_token_wo", "override_callback_uri is set, so Meta needs the verify token it sends to that URL. " + tail},
		{"override and version without token", NewSubscribedAppResource(), subscribedAppVerifyToken{}, map[string]tftypes.Value{"override_callback_uri": uri, "verify_token_wo_version": version},
			"Missing verify_token_wo", "override_callback_uri is set, so Meta needs the verify token it sends to that URL. " + tailWithVersion},
		{"token without override", NewSubscribedAppResource(), subscribedAppVerifyToken{}, map[string]tftypes.Value{"verify_token_wo": str("t")},
			"verify_token_wo without override_callback_uri",
			"verify_token_wo is set but override_callback_uri is not. Meta sends the verify token only to a WhatsApp Business Account's override_callback_uri, " +
				"when it checks that URL; without one, this account's webhooks go to the app's callback URL, whose token is set on " +
				"whatsapp_app_webhook_subscription (or in the App Dashboard). Set override_callback_uri, or remove verify_token_wo and verify_token_wo_version from this resource."},
		{"both", NewSubscribedAppResource(), subscribedAppVerifyToken{}, map[string]tftypes.Value{"override_callback_uri": uri, "verify_token_wo": str("t")}, "", ""},
		{"neither", NewSubscribedAppResource(), subscribedAppVerifyToken{}, nil, "", ""},
		// Known only at apply: not this validator's to judge at plan time.
		{"unknown override", NewSubscribedAppResource(), subscribedAppVerifyToken{}, map[string]tftypes.Value{"override_callback_uri": unknownString}, "", ""},
		{"unknown token", NewSubscribedAppResource(), subscribedAppVerifyToken{}, map[string]tftypes.Value{"verify_token_wo": unknownString}, "", ""},
		{"app webhook without token", NewAppWebhookSubscriptionResource(), appWebhookVerifyToken, map[string]tftypes.Value{"callback_url": uri},
			"Missing verify_token_wo", "Meta verifies callback_url with a verify token at every change of the subscription, so it needs the token it sends to that URL. " + tail},
		{"app webhook with version, without token", NewAppWebhookSubscriptionResource(), appWebhookVerifyToken, map[string]tftypes.Value{"verify_token_wo_version": version},
			"Missing verify_token_wo", "Meta verifies callback_url with a verify token at every change of the subscription, so it needs the token it sends to that URL. " + tailWithVersion},
		{"app webhook with token", NewAppWebhookSubscriptionResource(), appWebhookVerifyToken, map[string]tftypes.Value{"verify_token_wo": str("t")}, "", ""},
		{"app webhook unknown token", NewAppWebhookSubscriptionResource(), appWebhookVerifyToken, map[string]tftypes.Value{"verify_token_wo": unknownString}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resp fwresource.ValidateConfigResponse
			tc.v.ValidateResource(context.Background(), fwresource.ValidateConfigRequest{Config: configOf(t, tc.r, tc.values)}, &resp)
			errs := resp.Diagnostics.Errors()
			if tc.summary == "" {
				if len(resp.Diagnostics) != 0 {
					t.Fatalf("diagnostics %v, want none", resp.Diagnostics)
				}
				return
			}
			if len(errs) != 1 || len(resp.Diagnostics) != 1 {
				t.Fatalf("diagnostics %v, want one error", resp.Diagnostics)
			}
			if errs[0].Summary() != tc.summary {
				t.Errorf("summary %q, want %q", errs[0].Summary(), tc.summary)
			}
			if errs[0].Detail() != tc.detail {
				t.Errorf("detail\n%s\nwant\n%s", errs[0].Detail(), tc.detail)
			}
		})
	}
}

// TestSubscribedAppUnknownOverridePlans: an override known only at apply
// does not fail the plan for want of a token.
func TestSubscribedAppUnknownOverridePlans(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: noHTTPFactories(t),
		Steps: []resource.TestStep{{
			Config: "provider \"whatsapp\" {}\n" +
				"resource \"terraform_data\" \"url\" {\n  input = \"https://hooks.example.com/x\"\n}\n" +
				"resource \"whatsapp_subscribed_app\" \"x\" {\n  waba_id = \"102290129340398\"\n  override_callback_uri = terraform_data.url.output\n}\n",
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}
