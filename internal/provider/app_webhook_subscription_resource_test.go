package provider

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const appWebhookAddr = "whatsapp_app_webhook_subscription.test"

// The callback URLs are fixed because request bodies are matched on replay:
// the URL sent must be the one recorded. Only recording starts a server on
// webhookCallbackAddr; nothing ever listens on the unreachable one.
const (
	webhookCallbackAddr    = "127.0.0.1:47613"
	webhookCallbackURL     = "https://" + webhookCallbackAddr + "/whatsapp"
	unreachableCallbackURL = "https://127.0.0.1:47614/whatsapp"
)

// startWebhookCallback answers the simulator's verification request while
// recording: the challenge for verify tokens starting with "verify-", 403
// for any other. In replay the cassette holds Graph's answers.
func startWebhookCallback(t *testing.T) {
	t.Helper()
	mode := acctest.CurrentMode()
	if mode == acctest.ModeLive || (mode == acctest.ModeRecord && os.Getenv(acctest.EnvAccessToken) != "") {
		t.Skip("Meta cannot reach a loopback callback: this test records only against the simulator")
	}
	if mode != acctest.ModeRecord {
		return
	}
	ln, err := net.Listen("tcp", webhookCallbackAddr)
	if err != nil {
		t.Fatalf("the webhook callback needs %s free while recording: %v", webhookCallbackAddr, err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("hub.mode") != "subscribe" || !strings.HasPrefix(q.Get("hub.verify_token"), "verify-") {
			http.Error(w, "verify token mismatch", http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
	}))
	_ = srv.Listener.Close()
	srv.Listener = ln
	srv.StartTLS()
	t.Cleanup(srv.Close)
}

// simAppSecret is the simulator's secret for the token's app, so that the
// provider can build the app access token the simulator accepts.
func simAppSecret(t *testing.T, appID string) string {
	t.Helper()
	for _, a := range simulator.DefaultSeed().Apps {
		if a.ID == appID && a.Secret != "" {
			return a.Secret
		}
	}
	t.Fatalf("the default seed has no secret for app %s", appID)
	return ""
}

func appWebhookFixture(t *testing.T) (*acctest.FixtureServer, acctest.IDs) {
	t.Helper()
	startWebhookCallback(t)
	ids := acctest.FixtureIDs(t)
	return acctest.NewFixtureServer(t, acctest.WithAppSecret(simAppSecret(t, ids.App))), ids
}

func appWebhookConfig(ids acctest.IDs, callback, token string, version int, includeValues string, fields ...string) string {
	include := ""
	if includeValues != "" {
		include = "\n  include_values          = " + includeValues
	}
	return fmt.Sprintf(`
provider "whatsapp" {
  app_id = %q
}

resource "whatsapp_app_webhook_subscription" "test" {
  callback_url            = %q
  verify_token_wo         = %q
  verify_token_wo_version = %d
  fields                  = [%s]%s
}
`, ids.App, callback, token, version, `"`+strings.Join(fields, `", "`)+`"`, include)
}

// appOutOfBand changes the app's subscription behind Terraform's back.
func appOutOfBand(t *testing.T, fx *acctest.FixtureServer, ids acctest.IDs) *graph.Client {
	t.Helper()
	c, err := graph.New(graph.Config{
		BaseURL: fx.URL(), AccessToken: fx.AccessToken(), AppSecret: fx.AppSecret(), AppID: ids.App,
		RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func knownStringSet(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.SetExact(checks)
}

func TestAppWebhookSubscriptionResource(t *testing.T) {
	fx, ids := appWebhookFixture(t)
	check := func(name string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(appWebhookAddr, tfjsonpath.New(name), want)
	}
	initial := appWebhookConfig(ids, webhookCallbackURL, "verify-1", 1, "", "messages", "account_update")
	updated := appWebhookConfig(ids, webhookCallbackURL, "verify-2", 2, "false", "messages", "account_update", "message_template_status_update")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config: initial,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appWebhookAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(appWebhookAddr, tfjsonpath.New("id"), knownvalue.StringExact(ids.App)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("id", knownvalue.StringExact(ids.App)),
					check("callback_url", knownvalue.StringExact(webhookCallbackURL)),
					check("fields", knownStringSet("account_update", "messages")),
					check("include_values", knownvalue.Bool(true)),
					check("active", knownvalue.Bool(true)),
					check("verify_token_wo", knownvalue.Null()),
					check("verify_token_wo_version", knownvalue.Int64Exact(1)),
				},
			},
			{
				// By the id in state, which is the app ID.
				ResourceName:      appWebhookAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The verify token is write-only: Graph never returns it.
				ImportStateVerifyIgnore: []string{"verify_token_wo", "verify_token_wo_version"},
			},
			{
				// New fields, no values, a new token: one POST, in place.
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appWebhookAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("fields", knownStringSet("account_update", "message_template_status_update", "messages")),
					check("include_values", knownvalue.Bool(false)),
					check("id", knownvalue.StringExact(ids.App)),
				},
			},
			{
				// Someone points the app elsewhere with fewer fields: the
				// refresh sees it and the plan puts it back.
				Config: updated,
				Check: func(*terraform.State) error {
					return appOutOfBand(t, fx, ids).SetAppSubscription(testContext(t), graph.AppSubscriptionSettings{
						Object: graph.WABAWebhookObject, CallbackURL: webhookCallbackURL + "/elsewhere", VerifyToken: "verify-oob",
						Fields: []string{"messages"}, IncludeValues: true,
					})
				},
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appWebhookAddr, plancheck.ResourceActionUpdate),
				}},
			},
			{
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appWebhookAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					check("callback_url", knownvalue.StringExact(webhookCallbackURL)),
					check("fields", knownStringSet("account_update", "message_template_status_update", "messages")),
				},
			},
		},
	})
	// create, update, the out-of-band change and the repair; one delete.
	if got := fx.Count("POST", "/"+ids.App+"/subscriptions"); got != 4 {
		t.Errorf("POST subscriptions = %d, want 4", got)
	}
	if got := fx.Count("DELETE", "/"+ids.App+"/subscriptions"); got != 1 {
		t.Errorf("DELETE subscriptions = %d, want 1", got)
	}
	// Each POST carries the verify token from the configuration (write-only,
	// so never from plan or state) and the planned settings.
	var posts []string
	for _, r := range fx.Requests() {
		if r.Method == "POST" {
			q, err := url.ParseQuery(r.Body)
			if err != nil || q.Get("object") != graph.WABAWebhookObject {
				t.Errorf("POST body %q does not name the object", r.Body)
			}
			posts = append(posts, q.Get("verify_token")+" "+q.Get("include_values")+" "+q.Get("fields"))
		}
		if r.Method == "DELETE" && r.Query != "object=whatsapp_business_account" {
			t.Errorf("DELETE query = %q, want object=whatsapp_business_account", r.Query)
		}
		if !strings.Contains(r.Path, "/"+ids.App+"/") {
			t.Errorf("unexpected request %s %s", r.Method, r.Path)
		}
	}
	wantPosts := []string{
		"verify-1 true account_update,messages",
		"verify-2 false account_update,message_template_status_update,messages",
		"verify-oob true messages",
		"verify-2 false account_update,message_template_status_update,messages",
	}
	if !slices.Equal(posts, wantPosts) {
		t.Errorf("POST bodies = %q\nwant %q", posts, wantPosts)
	}
}

func TestAppWebhookSubscriptionResource_disappears(t *testing.T) {
	fx, ids := appWebhookFixture(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: appWebhookConfig(ids, webhookCallbackURL, "verify-1", 1, "", "messages"),
			Check: func(*terraform.State) error {
				return appOutOfBand(t, fx, ids).DeleteAppSubscription(testContext(t), graph.WABAWebhookObject)
			},
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(appWebhookAddr, plancheck.ResourceActionCreate),
			}},
		}},
	})
}

// TestAppWebhookSubscriptionResource_verificationFails: a callback that
// refuses the verify token, and one nobody answers, both fail the apply with
// Graph's code and trace ID.
func TestAppWebhookSubscriptionResource_verificationFails(t *testing.T) {
	fx, ids := appWebhookFixture(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{
				Config:      appWebhookConfig(ids, webhookCallbackURL, "wrong-token", 1, "", "messages"),
				ExpectError: regexp.MustCompile(`(?s)Graph API error 2200.*HTTP 403.*Code:\s+2200.*fbtrace_id: \S+.*Meta could not verify callback_url`),
			},
			{
				Config:      appWebhookConfig(ids, unreachableCallbackURL, "verify-1", 1, "", "messages"),
				ExpectError: regexp.MustCompile(`(?s)Graph API error 2200.*could not reach the callback.*fbtrace_id: \S+.*Meta could not verify callback_url`),
			},
		},
	})
	if got := fx.Count("DELETE", "/subscriptions"); got != 0 {
		t.Errorf("DELETE subscriptions = %d: nothing was created, nothing should be deleted", got)
	}
}

func TestAppWebhookSubscriptionResource_validation(t *testing.T) {
	t.Setenv(EnvAppID, "")
	t.Setenv(EnvAppSecret, "")
	withSecret := []Option{func(c *graph.Config) { c.AppSecret = "validation-secret" }}
	resourceBody := func(body string) string {
		return "resource \"whatsapp_app_webhook_subscription\" \"x\" {\n" + body + "\n}\n"
	}
	const app = "provider \"whatsapp\" {\n  app_id = \"670843887433847\"\n}\n"
	const token = "verify_token_wo = \"t\"\n"
	long := "https://hooks.example.com/" + strings.Repeat("a", 1000)
	cases := []struct {
		name, config, want string
		opts               []Option
	}{
		{"callback over http", app + resourceBody(token+`callback_url = "http://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)callback_url must be an absolute https URL`, withSecret},
		{"callback relative", app + resourceBody(token+`callback_url = "/webhook"`+"\nfields = [\"messages\"]"), `(?s)callback_url must be an absolute https URL`, withSecret},
		{"callback too long", app + resourceBody(token+fmt.Sprintf("callback_url = %q", long)+"\nfields = [\"messages\"]"), `callback_url must be at most 1024 characters`, withSecret},
		{"no fields", app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = []"), `(?s)fields.*at least 1`, withSecret},
		{"empty field name", app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"\"]"), `(?s)fields.*at least 1`, withSecret},
		{"no verify token", app + resourceBody(`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), missingVerifyToken(`Meta verifies callback_url with a verify token at every change of the subscription`), withSecret},
		// What terraform plan -generate-config-out writes after an import.
		{"generated configuration", app + resourceBody(`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]\ninclude_values = true\nverify_token_wo = null\nverify_token_wo_version = null"), missingVerifyToken(`so it needs the token it sends to that URL.`), withSecret},
		{"empty verify token", app + resourceBody(`verify_token_wo = ""`+"\n"+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)verify_token_wo.*at least 1`, withSecret},
		{"no app secret", app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)Missing app credentials.*app_id and app_secret`, nil},
		{"no app id", "provider \"whatsapp\" {}\n" + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\"]"), `(?s)Missing app credentials.*WHATSAPP_APP_ID`, withSecret},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
				ProtoV6ProviderFactories: noHTTPFactories(t, tc.opts...),
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: wrapTolerant(tc.want)}},
			})
		})
	}

	// An unknown field name is a warning: the plan goes through.
	t.Run("unknown field plans", func(t *testing.T) {
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
			ProtoV6ProviderFactories: noHTTPFactories(t, withSecret...),
			Steps: []resource.TestStep{{
				Config:             app + resourceBody(token+`callback_url = "https://hooks.example.com/x"`+"\nfields = [\"messages\", \"mesages\"]"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			}},
		})
	})
}

func TestKnownWebhookFieldsWarns(t *testing.T) {
	check := func(names ...string) validator.SetResponse {
		elems := make([]attr.Value, len(names))
		for i, n := range names {
			elems[i] = types.StringValue(n)
		}
		var resp validator.SetResponse
		knownWebhookFields{}.ValidateSet(context.Background(), validator.SetRequest{
			Path: path.Root("fields"), ConfigValue: types.SetValueMust(types.StringType, elems),
		}, &resp)
		return resp
	}
	resp := check("messages", "standby", "mesages")
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 2 {
		t.Fatalf("diagnostics = %v, want one warning per unknown field and no error", resp.Diagnostics)
	}
	// Sorted by name; a typo gets the nearest documented field suggested,
	// a name near none gets no guess.
	const tail = ` Graph rejects a field it does not know; if this one is newer than the provider, the plan can go ahead. Documented fields: account_alerts, `
	for i, want := range []string{
		`fields: "mesages" is not a webhook field Meta documents for the whatsapp_business_account object. Did you mean "messages"?` + tail,
		`fields: "standby" is not a webhook field Meta documents for the whatsapp_business_account object.` + tail,
	} {
		if detail := resp.Diagnostics.Warnings()[i].Detail(); !strings.HasPrefix(detail, want) {
			t.Errorf("warning %d = %q, want it to start %q", i, detail, want)
		}
	}
	if got := check(WABAWebhookFields...); len(got.Diagnostics) != 0 {
		t.Errorf("documented fields gave %v", got.Diagnostics)
	}
}

func TestAppWebhookSubscriptionImportID(t *testing.T) {
	withSecret := func(c *graph.Config) { c.AppSecret = "validation-secret" }
	for id, want := range map[string]string{
		"my-app":          `imported by the app ID`,
		"480237915630121": `(?s)manages the subscription of app 670843887433847`,
	} {
		t.Run(id, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
				ProtoV6ProviderFactories: noHTTPFactories(t, withSecret),
				Steps: []resource.TestStep{{
					Config: "provider \"whatsapp\" {\n  app_id = \"670843887433847\"\n}\n" +
						"resource \"whatsapp_app_webhook_subscription\" \"x\" {\n  callback_url = \"https://hooks.example.com/x\"\n  verify_token_wo = \"t\"\n  fields = [\"messages\"]\n}\n",
					ResourceName:  "whatsapp_app_webhook_subscription.x",
					ImportState:   true,
					ImportStateId: id,
					ExpectError:   wrapTolerant(want),
				}},
			})
		})
	}
}

// TestAppWebhookSubscriptionResource_generatedConfig imports the
// subscription the way terraform plan -generate-config-out does: the
// generated configuration cannot have the write-only token, and the plan
// says which lines to add.
func TestAppWebhookSubscriptionResource_generatedConfig(t *testing.T) {
	fx, ids := appWebhookFixture(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{
			{Config: appWebhookConfig(ids, webhookCallbackURL, "verify-1", 1, "", "messages")},
			{
				Config:          fmt.Sprintf("provider \"whatsapp\" {\n  app_id = %q\n}\n", ids.App),
				ResourceName:    appWebhookAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
				ExpectError:     wrapTolerant(missingVerifyToken(`Meta verifies callback_url with a verify token at every change of the subscription`)),
			},
		},
	})
}
