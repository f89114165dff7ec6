// Package simulator is a stateful, in-memory stand-in for the parts of Meta's
// Graph API that the WhatsApp provider manages: the WhatsApp Business Account
// node and its subscribed_apps, assigned_users, phone_numbers and
// message_templates edges, GET /app, the app-level /{app-id}/subscriptions
// edge and a business's owned_whatsapp_business_accounts and
// client_whatsapp_business_accounts (the WABAs it owns, and those other
// businesses shared with it, that the token can see; both need
// business_management).
//
// It follows the documented contract closely enough (error bodies, status
// codes, cursor paging, usage headers, documented traps such as a bare POST to
// subscribed_apps removing the callback override) that demos, benchmarks,
// fault tests and cassette recording run without a Meta account. Where real
// Graph answers differ from Meta's reference, it answers as real Graph was
// seen to, or lets the seed choose. Faults can be injected to exercise
// retries and error handling deterministically.
//
// State lives in memory only: a Server starts from its Seed and forgets every
// change when it stops. The command graphsim (internal/cmd/graphsim) serves it
// on a loopback address; graphsim -h summarises the reference below.
//
// # Requests
//
// Paths carry a Graph version, /vN.N/... (any vN.N; see "Versioned fields").
// The token goes in an "Authorization: Bearer" header or an access_token
// parameter. Parameters may be in the query, a form body, a multipart body
// or a JSON body. When the seed sets app_secret, user-token requests also
// need appsecret_proof (see AppSecretProof).
//
// # Fixtures
//
// DefaultSeed, used when no seed is given, holds:
//
//	sim-access-token                 token of app 670843887433847 with whatsapp_business_management,
//	                                 whatsapp_business_messaging and business_management
//	sim-expired-token                expired (error 190, subcode 463)
//	sim-readonly-token               public_profile only (error 200 on WABA calls)
//	670843887433847|sim-app-secret   app token of app 670843887433847 "Acme Platform",
//	                                 for /670843887433847/subscriptions
//	480237915630121                  app "Acme Analytics", subscribed to WABA 102290129340398
//	506914307656634                  business "Acme Corp", owner of both WABAs and all users
//	102290129340398                  WABA "Acme Support": phone numbers 106540352242922 and
//	                                 106540352242923, three message templates, system user
//	                                 1972555232742222 "ci-deployer" assigned MANAGE
//	102290129340399                  WABA "Acme Sandbox", with nothing subscribed or assigned
//	100000000000101 to ...105        business users
//	200000000000001 to ...600        system users "bench-user-001" to "bench-user-600"
//
// No app secret is set, so no appsecret_proof is needed.
//
// # Seed
//
// A seed is a JSON or YAML file (LoadSeed) or a Seed value; both use these
// keys, and unknown keys are rejected:
//
//	tokens                 [{value, app_id, scopes, expired, hidden_wabas}]; hidden_wabas are
//	                       WABA IDs the token cannot see (see "Visibility")
//	app_secret             makes appsecret_proof mandatory on user-token requests
//	apps                   [{id, name, secret}]; "<id>|<secret>" is then the app's token
//	businesses             [{id, name}]
//	users                  [{id, name, user_type, business_id}]; BUSINESS_USER or SYSTEM_USER
//	wabas                  [{id, business_id, fields, subscribed_apps, assigned_users,
//	                       phone_numbers, message_templates, client_of}]; fields, phone_numbers
//	                       and message_templates are free-form Graph objects;
//	                       subscribed_apps is [{app_id, override_callback_uri}],
//	                       assigned_users is [{user_id, tasks}], client_of is
//	                       [{business_id, permitted_tasks}]: partner businesses (not the
//	                       owner) that list the WABA on client_whatsapp_business_accounts
//	                       (a phone number's message_qrdls, [{code, prefilled_message}], seeds its QR codes)
//	app_subscriptions      {"<app-id>": [{object, callback_url, fields, include_values}]};
//	                       fields are names or {name, version} (version defaults to the
//	                       latest); seeded subscriptions are active
//	page_size              page size when no limit is given (default 25)
//	max_page_size          largest limit honoured (default 100)
//	strict_limit           a limit above max_page_size is error 100 instead of being capped
//	success_as_string      writes answer {"success":"true"} like older Meta docs
//	tasks_merge            POST assigned_users adds tasks instead of replacing them
//	hourly_budget          calls per app per WABA per rolling hour (default 200)
//	enforce_budget         calls beyond the budget fail with error 80008
//	subscribed_apps_shape  "nested" (default) or "flat" (see "subscribed_apps shape")
//	heavy_page_size        list pages larger than this fail (see "Heavy reads"); 0 is off
//
// # Admin endpoints
//
// The /_sim/ endpoints need no token and are neither logged nor counted.
// Bodies are JSON; unknown keys are refused with 400.
//
//	GET    /_sim/state        the world: apps, businesses, users, WABAs with their edges,
//	                          app subscriptions (tokens and secrets left out)
//	GET    /_sim/requests     API requests served since the last reset, credentials removed
//	GET    /_sim/counts       requests per route, e.g. {"GET /{waba-id}/assigned_users": 3}
//	POST   /_sim/reset        clear the request log and the counts
//	POST   /_sim/faults       add a fault, a Fault as JSON, e.g.
//	                          {"kind":"graph_error","path":"/assigned_users$","code":80008,"is_transient":true,"times":1}
//	DELETE /_sim/faults       remove every fault
//	POST   /_sim/unsubscribe  ?waba=<id>&app=<id>: drift, the app's subscription disappears
//	POST   /_sim/unassign     ?waba=<id>&user=<id>: drift, the user's assignment disappears
//	POST   /_sim/hide         {"waba_id":"<id>","token":"<token>"}: the token loses sight of
//	                          the WABA; without token, every token does
//	POST   /_sim/reveal       same body: the WABA is visible again, its data unchanged
//	GET    /_sim/settings     {"subscribed_apps_shape":"nested","heavy_page_size":0}
//	POST   /_sim/settings     change the keys given, e.g. {"subscribed_apps_shape":"flat"}
//	                          or {"heavy_page_size":10}; answers the settings in force
//
// The same controls exist as methods: Requests, Counts, ResetRequests,
// InjectFault, ClearFaults, Unsubscribe, Unassign, Hide, Reveal, Settings and
// SetSettings.
//
// # Visibility
//
// Graph answers code 100, subcode 33 ("Unsupported get request. Object with
// ID '...' does not exist, cannot be loaded due to missing permissions, or
// does not support this operation") both for an object that does not exist
// and for a WABA the token's system user has not been given. A WABA hidden
// from a token answers that token exactly like a missing one, on the node
// and every edge, for every method; its data is kept.
//
// # subscribed_apps shape
//
// Meta's reference lists subscribed apps as
// {"whatsapp_business_api_data":{"id","name","link"},"override_callback_uri"}
// (nested); real v25.0 answered {"id","name"} (flat). Either way,
// override_callback_uri is present only when set.
//
// # Object fields
//
// fields= accepts Graph's field expansion, e.g.
// fields=id,on_behalf_of_business_info{id,name},owner_business_info{id,name}.
// An object field asked with sub-fields returns exactly those; an unknown
// sub-field fails the request. Asked bare, it returns Graph's default
// sub-fields only: name, status and type for on_behalf_of_business_info,
// name for owner_business_info (no id: ask for it), everything for
// health_status and a phone number's throughput.
//
// # Versioned fields
//
// whatsapp_business_manager_messaging_limit exists from v24.0 (WABA node and
// phone numbers); a phone number's messaging_limit_tier exists on v23.0 and
// older only, served from the seed or derived from the current limit. A field
// the requested version does not have fails the whole request with error 100
// "Tried accessing nonexisting field (...) on node type (...)".
//
// # Heavy reads
//
// With heavy_page_size N, a list read (subscribed_apps, assigned_users,
// phone_numbers, message_templates) whose page size (the limit after capping
// to max_page_size, or page_size without a limit) exceeds N answers HTTP 500,
// code 1, subcode 99, "Please reduce the amount of data you're asking for";
// a smaller limit works.
//
// # Phone numbers and their webhook override
//
// A phone number's own node, /{phone-number-id}, answers GET with its fields
// and POST with webhook_configuration {override_callback_uri, verify_token}
// (a JSON body, or the object JSON-encoded in a form parameter), which sets
// the number's callback override; an empty override_callback_uri removes
// it. The number answers like its WABA: 100/33 to a token that cannot see
// the WABA, and counted against the WABA's budget.
//
// webhook_configuration, asked on the node or on the phone_numbers edge
// (fields=id,webhook_configuration), is {phone_number,
// whatsapp_business_account, application} for the token's app: the number's
// override, the WABA-level override of the app's subscription, and the app's
// callback URL for whatsapp_business_account webhooks; a level without a URL
// is left out. A seed sets a number's override as webhook_configuration
// {phone_number} in the number's phone_numbers item; the other two levels
// come from subscribed_apps and app_subscriptions.
//
// Meta verifies a new override with the same handshake as an app's callback:
// the simulator performs it when the callback's host is loopback (error 2200
// when the endpoint does not answer the challenge) and accepts any other
// https URL unverified, since it never contacts another machine. Setting an
// override from an app that is not subscribed to the number's WABA fails with
// code 100: Meta documents the precondition, not the error, so the message is
// the simulator's own.
package simulator
