package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

const usageIntro = `Usage: graphsim [-addr host:port] [-seed file] [-url-file path] [-v]
                [-tfrc file [-provider-dir dir]] [-print-env]

graphsim serves a simulation of the Graph API endpoints the WhatsApp provider
uses on a loopback address. State lives in memory only: every run starts
from the seed and forgets its changes on exit. Call it as Graph:
  <url>/v26.0/<id>[/<edge>] with "Authorization: Bearer <token>" or access_token=<token>
Any vN.N version is accepted; fields that exist only in some versions are
checked against it (whatsapp_business_manager_messaging_limit from v24.0,
messaging_limit_tier up to v23.0).

With -tfrc and -print-env (as make sim runs it), graphsim also writes a
Terraform CLI configuration that points wabactl/whatsapp at a provider
binary, and prints the exports for the terminal that runs terraform, the
seeded IDs and ready-made curl calls to the admin endpoints.

Flags:
`

const seedUsage = `
Seed file (-seed, .json or .yaml with the same keys; unknown keys are refused):
  tokens                 [{value, app_id, scopes, expired, hidden_wabas}]
                         hidden_wabas: WABA IDs the token cannot see; they answer it
                         like missing ones (code 100, subcode 33)
  app_secret             makes appsecret_proof mandatory on user-token requests
  apps                   [{id, name, secret}]; "<id>|<secret>" is the app's token
  businesses             [{id, name}]
  users                  [{id, name, user_type, business_id}]
  wabas                  [{id, business_id, fields, subscribed_apps: [{app_id,
                         override_callback_uri}], assigned_users: [{user_id, tasks}],
                         phone_numbers, message_templates,
                         client_of: [{business_id, permitted_tasks}]}]
                         client_of: partner businesses (not the owner) that list the
                         WABA on client_whatsapp_business_accounts
                         a phone number's message_qrdls: [{code, prefilled_message}]
  app_subscriptions      {"<app-id>": [{object, callback_url, fields, include_values}]}
                         fields: names or {name, version}
  page_size              page size without a limit (default 25)
  max_page_size          largest limit honoured (default 100)
  strict_limit           a larger limit is error 100 instead of capped
  success_as_string      writes answer {"success":"true"}
  tasks_merge            POST assigned_users adds tasks instead of replacing them
  hourly_budget          calls per app per WABA per hour (default 200)
  enforce_budget         calls beyond the budget fail with error 80008
  subscribed_apps_shape  "nested" (default, as Meta's reference) or "flat" ({id, name},
                         as real v25.0 answered)
  heavy_page_size        list pages larger than this answer HTTP 500 "Please reduce the
                         amount of data"; 0 is off
  template_review_delay  how long a created or edited message template stays PENDING,
                         e.g. "200ms"; 0 (default): until POST /_sim/templates/review
  template_review_outcome  how that review ends: APPROVED (default) or REJECTED
  template_category_override  the category Meta assigns at creation instead of the one
                         asked for, e.g. {"UTILITY":"MARKETING"}

A phone_numbers item may hold webhook_configuration: {phone_number: "<url>"}, the
number's callback override (POST /<phone-number-id> sets it; a loopback callback
must pass Meta's verification handshake, any other is accepted unverified).
A message_templates item without an id gets one that is the same every run;
undelivered_messages: true makes its deletion wait in PENDING_DELETION.

Message templates: POST /<waba-id>/message_templates creates one (PENDING until
reviewed), POST /<template-id> edits it, DELETE /<waba-id>/message_templates
?name=<name>[&hsm_id=<id>] deletes it, GET /<template-id> reads it. Meta's rules
apply: checked components, 100 creations per hour, an APPROVED template edited
once a day and 10 times in 30 days, a deleted APPROVED name locked 30 days.
`

const adminUsage = `
Admin endpoints (no token; not logged or counted):
  GET    /_sim/state        apps, businesses, users, WABAs and app subscriptions
  GET    /_sim/requests     API requests served since the last reset
  GET    /_sim/counts       requests per route
  POST   /_sim/reset        clear the request log and counts
  POST   /_sim/faults       add a fault, e.g. {"kind":"graph_error","code":80008,
                            "is_transient":true,"path":"/assigned_users$","times":1}
  DELETE /_sim/faults       remove every fault
  POST   /_sim/unsubscribe  ?waba=<id>&app=<id>   drift: drop a WABA subscription
  POST   /_sim/unassign     ?waba=<id>&user=<id>  drift: drop an assignment
  POST   /_sim/hide         {"waba_id":"<id>","token":"<token>"}  the token loses sight of
                            the WABA (every token when "token" is left out)
  POST   /_sim/reveal       same body: visible again, data unchanged
  POST   /_sim/business_profile  {"phone_number_id":"<id>","whatsapp_business_profile":{...}}
                            drift: replace a number's business profile ({} empties it)
  GET    /_sim/settings     the settings in force
  POST   /_sim/settings     {"subscribed_apps_shape":"flat"}, {"business_profile_shape":"nested"},
                            {"heavy_page_size":10} or {"template_review_delay":"200ms"}
  POST   /_sim/clock        {"advance":"25h"}  move the simulator's clock forward (template
                            rules and usage windows follow it)
  POST   /_sim/templates/review  {"template_id":"<id>","status":"APPROVED"}  end a review:
                            APPROVED, REJECTED (with "rejected_reason"), PAUSED or DISABLED;
                            {"template_id":"<id>","undelivered_messages":true} makes its
                            deletion wait in PENDING_DELETION
  POST   /_sim/templates/recategorise  {"template_id":"<id>","category":"MARKETING"}
                            Meta re-categorises it (previous_category is the old one)
  POST   /_sim/templates/delete  {"template_id":"<id>"}  drift: deleted in WhatsApp Manager
`

var faultKinds = []string{
	simulator.FaultGraphError, simulator.FaultHTTPStatus, simulator.FaultSlow, simulator.FaultReset,
	simulator.FaultHTML, simulator.FaultTruncated, simulator.FaultEmpty, simulator.FaultSuccessFalse,
}

// usage prints the help: flags, the built-in fixtures, the seed format and
// the admin endpoints, so that a user needs nothing else to drive graphsim.
func usage(fs *flag.FlagSet) func() {
	return func() {
		out := fs.Output()
		fmt.Fprint(out, usageIntro)
		fs.PrintDefaults()
		writeFixtures(out, simulator.DefaultSeed())
		fmt.Fprint(out, seedUsage)
		fmt.Fprint(out, adminUsage)
		fmt.Fprintf(out, "  fault kinds: %s\n", strings.Join(faultKinds, ", "))
	}
}

// writeFixtures lists the IDs and tokens of the built-in seed, read from the
// seed itself so the help cannot fall out of date.
func writeFixtures(out io.Writer, seed simulator.Seed) {
	fmt.Fprintln(out, "\nBuilt-in fixtures (used without -seed):")
	for _, t := range seed.Tokens {
		what := strings.Join(t.Scopes, ", ")
		if t.Expired {
			what = "expired"
		}
		fmt.Fprintf(out, "  token     %s (%s)\n", t.Value, what)
	}
	for _, a := range seed.Apps {
		fmt.Fprintf(out, "  app       %s %q\n", a.ID, a.Name)
		if a.Secret != "" {
			fmt.Fprintf(out, "  token     %s|%s (app token, for /%s/subscriptions)\n", a.ID, a.Secret, a.ID)
		}
	}
	for _, b := range seed.Businesses {
		fmt.Fprintf(out, "  business  %s %q\n", b.ID, b.Name)
	}
	for _, w := range seed.WABAs {
		fmt.Fprintf(out, "  WABA      %s %q: phone numbers %d, templates %d, subscribed apps %d, assigned users %d\n",
			w.ID, w.Fields["name"], len(w.PhoneNumbers), len(w.MessageTemplates), len(w.Subscriptions), len(w.Assignments))
	}
	if len(seed.Users) > 0 {
		u := seed.Users[0]
		fmt.Fprintf(out, "  users     %d, first %s %q (%s)\n", len(seed.Users), u.ID, u.Name, u.UserType)
	}
	if seed.AppSecret == "" {
		fmt.Fprintln(out, "  no app_secret: appsecret_proof is not needed")
	}
}
