package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// fastRetries keeps retry waits short: replayed and simulated failures need
// no real back-off.
func fastRetries(c *graph.Config) {
	c.RetryWaitMin = time.Millisecond
	c.RetryWaitMax = 5 * time.Millisecond
}

// fixtureFactories serves the provider with its Graph client pointed at the
// fixture server. The real client, with its retries, logging and masking,
// stays in the path.
func fixtureFactories(fx *acctest.FixtureServer) map[string]func() (tfprotov6.ProviderServer, error) {
	toFixtures := func(c *graph.Config) {
		c.BaseURL = fx.URL()
		c.AccessToken = fx.AccessToken()
		c.AppSecret = fx.AppSecret()
	}
	return map[string]func() (tfprotov6.ProviderServer, error){
		"whatsapp": providerserver.NewProtocol6WithError(New("test", toFixtures, fastRetries)()),
	}
}

// noHTTPFactories serves a provider whose every Graph request fails the test:
// validation must reject bad input before anything is sent.
func noHTTPFactories(t *testing.T, opts ...Option) map[string]func() (tfprotov6.ProviderServer, error) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected Graph request %s %s: validation should have stopped it", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotImplemented)
	}))
	t.Cleanup(srv.Close)
	all := append([]Option{func(c *graph.Config) {
		c.BaseURL = srv.URL
		if c.AccessToken == "" {
			c.AccessToken = "validation-token"
		}
	}, fastRetries}, opts...)
	return map[string]func() (tfprotov6.ProviderServer, error){
		"whatsapp": providerserver.NewProtocol6WithError(New("test", all...)()),
	}
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
