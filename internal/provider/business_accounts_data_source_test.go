package provider

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/wabactl/terraform-provider-whatsapp/internal/acctest"
	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// Objects the tests add to the default seed: a partner business's WABAs,
// some shared with the fixture business as client WABAs, and a business
// with no WABAs at all.
const (
	globexBusiness     = "506914307656635"
	hooliBusiness      = "506914307656636"
	globexLegacyWABA   = "98765432101234" // a shorter ID: numeric order puts it first
	globexSupportWABA  = "301000000000001"
	globexHiddenWABA   = "301000000000002"
	globexInternalWABA = "301000000000009"
)

var (
	ownedWABAFieldList  = []string{"id", "name", "timezone_id", "message_template_namespace"}
	clientWABAFieldList = append(append([]string(nil), ownedWABAFieldList...), "permitted_tasks")
)

// businessAccountsSeed is the default seed with a partner business whose
// WABAs are, in turn, shared with the fixture business (two), shared but
// hidden from the token, and not shared; pages hold one item, so every edge
// takes two pages.
func businessAccountsSeed(ids acctest.IDs) simulator.Seed {
	seed := simulator.DefaultSeed()
	seed.MaxPageSize = 1
	seed.Businesses = append(seed.Businesses,
		simulator.Business{ID: globexBusiness, Name: "Globex"},
		simulator.Business{ID: hooliBusiness, Name: "Hooli"})
	partnerWABA := func(id, name string, fields map[string]any, tasks ...string) simulator.WABA {
		w := simulator.WABA{ID: id, BusinessID: globexBusiness, Fields: map[string]any{"name": name}}
		for k, v := range fields {
			w.Fields[k] = v
		}
		if tasks != nil {
			w.ClientOf = []simulator.ClientAccess{{BusinessID: ids.Business, PermittedTasks: tasks}}
		}
		return w
	}
	seed.WABAs = append(seed.WABAs,
		partnerWABA(globexSupportWABA, "Globex Support", map[string]any{"timezone_id": "7", "message_template_namespace": "ns_globex"},
			"MANAGE_TEMPLATES", "DEVELOP", "MANAGE_TEMPLATES"),
		partnerWABA(globexHiddenWABA, "Globex Hidden", nil, "MANAGE"),
		partnerWABA(globexInternalWABA, "Globex Internal", nil),
		partnerWABA(globexLegacyWABA, "Globex Legacy", map[string]any{"timezone_id": "42"}, "VIEW_COST"),
	)
	seed.Tokens[0].HiddenWABAs = []string{globexHiddenWABA}
	return seed
}

// edgeReadsPerRun counts, for each Terraform run (each time the provider is
// configured), the requests to each of a business's WABA edges.
type edgeReadsPerRun struct {
	mu   sync.Mutex
	runs []map[string]int // edge name -> requests; "<edge> first" counts first pages
}

// option wraps the run's transport with a counter of its own.
func (e *edgeReadsPerRun) option(c *graph.Config) {
	e.mu.Lock()
	run := map[string]int{}
	e.runs = append(e.runs, run)
	e.mu.Unlock()
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		for _, edge := range []string{"owned_whatsapp_business_accounts", "client_whatsapp_business_accounts"} {
			if strings.HasSuffix(r.URL.Path, "/"+edge) {
				e.mu.Lock()
				run[edge]++
				if !r.URL.Query().Has("after") {
					run[edge+" first"]++
				}
				e.mu.Unlock()
			}
		}
		return next.RoundTrip(r)
	})
}

// check expects every run that read an edge to have read it once: one
// first page, and pages in all, however many data sources use it.
func (e *edgeReadsPerRun) check(t *testing.T, pages int) {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	reading := 0
	for i, run := range e.runs {
		for _, edge := range []string{"owned_whatsapp_business_accounts", "client_whatsapp_business_accounts"} {
			if run[edge] == 0 {
				continue
			}
			if run[edge+" first"] != 1 || run[edge] != pages {
				t.Errorf("run %d read %s from the start %d times in %d requests, want once in %d", i, edge, run[edge+" first"], run[edge], pages)
			}
		}
		if run["owned_whatsapp_business_accounts"] > 0 && run["client_whatsapp_business_accounts"] > 0 {
			reading++
		}
	}
	if reading == 0 {
		t.Errorf("no run read both edges: %v", e.runs)
	}
}

// fixtureFactoriesCounting is fixtureFactories with the reads of each run
// counted.
func fixtureFactoriesCounting(fx *acctest.FixtureServer, reads *edgeReadsPerRun) providerFactories {
	toFixtures := func(c *graph.Config) {
		c.BaseURL = fx.URL()
		c.AccessToken = fx.AccessToken()
		c.AppSecret = fx.AppSecret()
	}
	return servedWith(toFixtures, fastRetries, reads.option)
}

func businessAccountCheck(id, name, timezone, namespace, ownership string, tasks ...string) knownvalue.Check {
	str := func(s string) knownvalue.Check {
		if s == "" {
			return knownvalue.Null()
		}
		return knownvalue.StringExact(s)
	}
	var permitted knownvalue.Check = knownvalue.Null()
	if ownership == "client" {
		checks := make([]knownvalue.Check, len(tasks))
		for i, task := range tasks {
			checks[i] = knownvalue.StringExact(task)
		}
		permitted = knownvalue.ListExact(checks)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(id), "name": str(name), "timezone_id": str(timezone),
		"message_template_namespace": str(namespace), "ownership": knownvalue.StringExact(ownership),
		"permitted_tasks": permitted,
	})
}

func stringsExact(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// TestBusinessAccountsDataSource lists the fixture business's own WABAs and
// those a partner shared with it, one item per page, through three data
// sources on the same business, and the WABA node of each ID (with count:
// the testing framework's state reader does not take for_each keys; the
// example plans the for_each form). A WABA hidden from the token and one the
// partner did not share are left out.
func TestBusinessAccountsDataSource(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(businessAccountsSeed(ids)))
	reads := &edgeReadsPerRun{}
	support := businessAccountCheck(ids.WABA, "Acme Support", "1", "ba30dd89_2ebd_41e4_b805_f2c05ae04cc9", "owned")
	sandbox := businessAccountCheck(ids.WABA2, "Acme Sandbox", "1", "5f1c7e2a_9d4b_4c3e_8a61_0b7d2e9f4c10", "owned")
	legacy := businessAccountCheck(globexLegacyWABA, "Globex Legacy", "42", "", "client", "VIEW_COST")
	globex := businessAccountCheck(globexSupportWABA, "Globex Support", "7", "ns_globex", "client", "DEVELOP", "MANAGE_TEMPLATES")
	const all, owned, client = "data.whatsapp_business_accounts.all", "data.whatsapp_business_accounts.owned", "data.whatsapp_business_accounts.client"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactoriesCounting(fx, reads),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_business_accounts" "all" {}

data "whatsapp_business_accounts" "owned" {
  ownership = "owned"
}

data "whatsapp_business_accounts" "client" {
  business_id = %q
  ownership   = "client"
}

data "whatsapp_business_account" "each" {
  count = length(data.whatsapp_business_accounts.owned.ids)
  id    = data.whatsapp_business_accounts.owned.ids[count.index]
}

output "names" {
  value = { for account in data.whatsapp_business_account.each : account.id => account.name }
}
`, ids.Business),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(all, tfjsonpath.New("business_id"), knownvalue.StringExact(ids.Business)),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("ownership"), knownvalue.StringExact("all")),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("accounts"), knownvalue.ListExact([]knownvalue.Check{legacy, support, sandbox, globex})),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"), stringsExact(globexLegacyWABA, ids.WABA, ids.WABA2, globexSupportWABA)),
				statecheck.ExpectKnownValue(owned, tfjsonpath.New("accounts"), knownvalue.ListExact([]knownvalue.Check{support, sandbox})),
				statecheck.ExpectKnownValue(owned, tfjsonpath.New("ids"), stringsExact(ids.WABA, ids.WABA2)),
				statecheck.ExpectKnownValue(client, tfjsonpath.New("accounts"), knownvalue.ListExact([]knownvalue.Check{legacy, globex})),
				statecheck.ExpectKnownValue(client, tfjsonpath.New("ids"), stringsExact(globexLegacyWABA, globexSupportWABA)),
				statecheck.ExpectKnownOutputValue("names", knownvalue.MapExact(map[string]knownvalue.Check{
					ids.WABA: knownvalue.StringExact("Acme Support"), ids.WABA2: knownvalue.StringExact("Acme Sandbox"),
				})),
			},
		}},
	})
	checkListRequests(t, fx, "owned_whatsapp_business_accounts", ownedWABAFieldList, true)
	checkListRequests(t, fx, "client_whatsapp_business_accounts", clientWABAFieldList, true)
	reads.check(t, 2)
}

// TestBusinessAccountsDataSource_empty lists a business with no WABAs on
// either edge: both lists are empty, not null.
func TestBusinessAccountsDataSource_empty(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t, acctest.WithSeed(businessAccountsSeed(ids)))
	const address = "data.whatsapp_business_accounts.empty"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + fmt.Sprintf(`
data "whatsapp_business_accounts" "empty" {
  business_id = %q
}
`, hooliBusiness),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New("accounts"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("business_id"), knownvalue.StringExact(hooliBusiness)),
			},
		}},
	})
	checkListRequests(t, fx, "owned_whatsapp_business_accounts", ownedWABAFieldList, false)
	checkListRequests(t, fx, "client_whatsapp_business_accounts", clientWABAFieldList, false)
}

// TestBusinessAccountsDataSource_unknownBusiness gets Graph's 100/33 for a
// business that does not exist or that the token cannot see, and says so.
func TestBusinessAccountsDataSource_unknownBusiness(t *testing.T) {
	ids := acctest.FixtureIDs(t)
	fx := acctest.NewFixtureServer(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: fixtureFactories(fx),
		Steps: []resource.TestStep{{
			Config: providerConfig(ids) + `
data "whatsapp_business_accounts" "missing" {
  business_id = "999999999999999"
  ownership   = "owned"
}
`,
			ExpectError: wrapTolerant(`(?s)Failed to list the WhatsApp Business Accounts business 999999999999999 owns.*Subcode: 33.*` +
				`both when business 999999999999999 has been deleted and when the access token's system user can no longer see it`),
		}},
	})
}
