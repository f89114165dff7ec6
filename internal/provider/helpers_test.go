package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// providerFactories is what resource.TestCase takes to serve the provider.
type providerFactories = map[string]func() (tfprotov6.ProviderServer, error)

// writeOnlyTerraform skips a test on Terraform versions without write-only
// attributes (before 1.11), which the verify tokens are.
var writeOnlyTerraform = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

// servedWith serves the provider with opts applied to its Graph client
// configuration.
func servedWith(opts ...Option) providerFactories {
	return providerFactories{"whatsapp": providerserver.NewProtocol6WithError(New("test", opts...)())}
}

// fastRetries keeps retry waits short: replayed and simulated failures need
// no real back-off.
func fastRetries(c *graph.Config) {
	c.RetryWaitMin = time.Millisecond
	c.RetryWaitMax = 5 * time.Millisecond
}

// validationToken stands in for a token when the test sets none, so that
// Configure gets as far as it can without one.
func validationToken(c *graph.Config) {
	if c.AccessToken == "" {
		c.AccessToken = "validation-token"
	}
}

// fixtureFactories serves the provider with its Graph client pointed at the
// fixture server. The real client, with its retries, logging and masking,
// stays in the path.
func fixtureFactories(fx *acctest.FixtureServer, opts ...Option) providerFactories {
	toFixtures := func(c *graph.Config) {
		c.BaseURL = fx.URL()
		c.AccessToken = fx.AccessToken()
		c.AppSecret = fx.AppSecret()
	}
	return servedWith(append([]Option{toFixtures, fastRetries}, opts...)...)
}

// noHTTPFactories serves a provider whose every Graph request fails the test:
// validation must reject bad input before anything is sent. opts are applied
// after its own, so a case can clear the token it sets.
func noHTTPFactories(t *testing.T, opts ...Option) providerFactories {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected Graph request %s %s: validation should have stopped it", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotImplemented)
	}))
	t.Cleanup(srv.Close)
	toServer := func(c *graph.Config) { c.BaseURL = srv.URL }
	return servedWith(append([]Option{toServer, validationToken, fastRetries}, opts...)...)
}

// noNetworkFactories serves a provider whose HTTP transport fails the test on
// any request. Unlike noHTTPFactories it leaves base_url to the
// configuration and the environment, for tests of those values.
func noNetworkFactories(t *testing.T) providerFactories {
	t.Helper()
	refuse := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s: validation should have stopped it", r.Method, r.URL.Redacted())
		return nil, errors.New("requests are not allowed in this test")
	})
	return servedWith(func(c *graph.Config) { c.Transport = refuse }, validationToken, fastRetries)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// expectPlanError plans config and expects an error matching want, a
// wrapTolerant pattern.
func expectPlanError(t *testing.T, providers providerFactories, config, want string) {
	t.Helper()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps:                    []resource.TestStep{planErrorStep(config, want)},
	})
}

func planErrorStep(config, want string) resource.TestStep {
	return resource.TestStep{Config: config, PlanOnly: true, ExpectError: wrapTolerant(want)}
}

// expectImportError imports id into the resource at address, declared in
// config, and expects an error matching want, a wrapTolerant pattern.
func expectImportError(t *testing.T, providers providerFactories, config, address, id, want string) {
	t.Helper()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps:                    []resource.TestStep{importErrorStep(config, address, id, want)},
	})
}

func importErrorStep(config, address, id, want string) resource.TestStep {
	return resource.TestStep{Config: config, ResourceName: address, ImportState: true, ImportStateId: id, ExpectError: wrapTolerant(want)}
}

// wrapTolerant compiles pattern so that each space also matches the line
// breaks Terraform inserts when it wraps a diagnostic.
func wrapTolerant(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}

// missingVerifyToken matches the error for a configuration without the
// verify token, after the sentence that says why it is needed.
func missingVerifyToken(why string) string {
	return `(?s)Missing verify_token_wo.*` + regexp.QuoteMeta(why) + `.*Add to this resource:\s+verify_token_wo = var.webhook_verify_token # an ephemeral variable\s+verify_token_wo_version = 1\s+` +
		`and declare the variable with sensitive = true and ephemeral = true. Graph never returns the token, so an imported or generated configuration cannot contain it.`
}

// providerConfig is the provider block the tests use: the business comes
// from the provider, as most configurations will have it.
func providerConfig(ids acctest.IDs) string {
	return fmt.Sprintf(`
provider "whatsapp" {
  business_id = %q
}
`, ids.Business)
}

// outOfBand is a Graph client that talks to the same fixture server as the
// provider, for changes made behind Terraform's back (drift tests). Its
// requests are part of the recording like the provider's.
func outOfBand(t *testing.T, fx *acctest.FixtureServer) *graph.Client {
	t.Helper()
	c, err := graph.New(graph.Config{BaseURL: fx.URL(), AccessToken: fx.AccessToken(), AppSecret: fx.AppSecret(), RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// skipUnlessSightCanChange skips a lost-access test when it records
// against Meta, where only a person can unassign the WABA.
func skipUnlessSightCanChange(t *testing.T, fx *acctest.FixtureServer) {
	t.Helper()
	if acctest.CurrentMode() != acctest.ModeReplay && fx.Simulator() == nil {
		t.Skip("taking a WABA out of the token's sight needs the simulator; against Meta, unassign it from the system user by hand")
	}
}

// lostAccessSteps apply config, then take waba out of the token's sight:
// Graph answers 100/33 and the refresh must fail with want, keeping the
// resources in state; with the WABA in sight again the plan is empty, so
// nothing left the state. A replay finds Graph's answers in the cassette.
func lostAccessSteps(t *testing.T, fx *acctest.FixtureServer, waba, config, want string) []resource.TestStep {
	sight := func(visible bool) func() {
		return func() {
			sim := fx.Simulator()
			if sim == nil {
				return
			}
			change := sim.Hide
			if visible {
				change = sim.Reveal
			}
			if err := change(waba, fx.AccessToken()); err != nil {
				t.Fatal(err)
			}
		}
	}
	return []resource.TestStep{
		{Config: config},
		{PreConfig: sight(false), Config: config, ExpectError: wrapTolerant(want)},
		{
			PreConfig:        sight(true),
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	}
}
