package provider

import (
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

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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
		TerraformVersionChecks:   writeOnlyTerraform,
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
		TerraformVersionChecks:   writeOnlyTerraform,
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
		TerraformVersionChecks:   writeOnlyTerraform,
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

// TestAppWebhookSubscriptionResource_generatedConfig imports the
// subscription the way terraform plan -generate-config-out does: the
// generated configuration cannot have the write-only token, and the plan
// says which lines to add.
func TestAppWebhookSubscriptionResource_generatedConfig(t *testing.T) {
	fx, ids := appWebhookFixture(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyTerraform,
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
