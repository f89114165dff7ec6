// Package simulator is a stateful, in-memory stand-in for the parts of Meta's
// Graph API that the WhatsApp provider manages: the WhatsApp Business Account
// node and its subscribed_apps, assigned_users, phone_numbers and
// message_templates edges, a message template's node, GET /app, the app-level /{app-id}/subscriptions
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
//	                       (a phone number's message_qrdls, [{code, prefilled_message}], seeds its QR codes;
//	                       its whatsapp_business_profile, {about, address, description, email,
//	                       websites, vertical, profile_picture_url}, its business profile, checked
//	                       against the rules POST applies); a message template without an id
//	                       gets one derived from its WABA, name and language, the same every
//	                       run; its undelivered_messages: true makes a deletion wait (see
//	                       "Message templates")
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
//	template_review_delay  how long a created or edited template stays PENDING, e.g. "200ms";
//	                       0 (default): until POST /_sim/templates/review
//	template_review_outcome  how such a review ends: APPROVED (default) or REJECTED
//	                       (rejected_reason INVALID_FORMAT)
//	template_category_override  the category Meta assigns at creation instead of the one
//	                       asked for, e.g. {"UTILITY":"MARKETING"}
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
//	GET    /_sim/settings     {"subscribed_apps_shape":"nested","heavy_page_size":0,
//	                          "business_profile_shape":"flat","template_review_delay":"0s",
//	                          "template_review_outcome":"APPROVED","template_category_override":{}}
//	POST   /_sim/settings     change the keys given, e.g. {"subscribed_apps_shape":"flat"},
//	                          {"heavy_page_size":10}, {"business_profile_shape":"nested"} or
//	                          {"template_review_delay":"200ms"}; answers the settings in force.
//	                          template_category_override is replaced whole ({} empties it).
//	                          business_profile_shape is a setting only, not a seed key
//	POST   /_sim/business_profile  {"phone_number_id":"<id>","whatsapp_business_profile":{...}}:
//	                          drift, the number's business profile is replaced (seed keys
//	                          and rules; {} empties it); 404 for an unknown number
//	POST   /_sim/clock        {"advance":"25h"}: the simulator's clock moves forward; answers
//	                          {"now":"<RFC 3339 time>"}
//	POST   /_sim/templates/review  {"template_id":"<id>","status":"APPROVED","rejected_reason":"...",
//	                          "undelivered_messages":true}: Meta's review ends with status
//	                          APPROVED, REJECTED (rejected_reason, default INVALID_FORMAT),
//	                          PAUSED or DISABLED; undelivered_messages (alone or with a
//	                          status) says whether messages of it are still being delivered
//	POST   /_sim/templates/recategorise  {"template_id":"<id>","category":"MARKETING"}: Meta
//	                          re-categorises the template; previous_category is the old one
//	POST   /_sim/templates/delete  {"template_id":"<id>"}: drift, the template is deleted in
//	                          WhatsApp Manager, whatever its status, without locking its name
//
// The template endpoints answer {"success":true}, 404 for an unknown
// template and 400 for anything else they refuse.
//
// The same controls exist as methods: Requests, Counts, ResetRequests,
// InjectFault, ClearFaults, Unsubscribe, Unassign, Hide, Reveal, Settings,
// SetSettings, SetBusinessProfile, AdvanceClock, ReviewTemplate,
// SetTemplateUndeliveredMessages, RecategoriseTemplate and DeleteTemplate.
//
// # Clock
//
// The simulator's clock is the wall clock plus every AdvanceClock (or POST
// /_sim/clock). Request times in the log, usage windows and every template
// rule below (review delays, the creation limit, edit budgets, the lock on
// a deleted name) follow it, so that a test skips a day without waiting.
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
//
// # Business profiles
//
// GET /{phone-number-id}/whatsapp_business_profile answers
// {"data":[{"messaging_product":"whatsapp", ...}]} with the fields asked
// (about, address, description, email, profile_picture_url, websites,
// vertical; all of them without fields) that have a value; another field
// fails with error 100 "Tried accessing nonexisting field". Every number has
// a profile: one nobody set reads as {"messaging_product":"whatsapp",
// "vertical":"UNDEFINED"}. The setting business_profile_shape "nested"
// answers the shape of Meta's OpenAPI description instead,
// {"data":[{"business_profile":{...}}]}. Asked on the number's node or the
// phone_numbers edge, whatsapp_business_profile (or
// whatsapp_business_profile{about,vertical}) is {"data":[...]}, the same.
//
// POST with messaging_product=whatsapp changes the fields given and keeps the
// others: about 1 to 139 characters; address up to 256, description up to
// 512, email up to 128 with one @, an empty value clearing each; websites up
// to 2 http(s) URLs of up to 256 characters, [] clearing; vertical one of
// Meta's values (UNDEFINED, OTHER, AUTO, ... OTC_DRUGS); and
// profile_picture_handle, an image handle from the upload API below, which
// gives profile_picture_url a new fake CDN address. Anything else fails with
// code 100 naming the parameter. The number answers like its WABA (100/33 to
// a token that cannot see it) and counts against the WABA's budget.
//
// # Resumable uploads
//
// POST /{app-id}/uploads?file_length=N&file_type=T[&file_name=F], where the
// app is the token's and T is application/pdf, image/jpeg, image/jpg,
// image/png or video/mp4, answers {"id":"upload:<session>?sig=<signature>"}.
// POST /upload:<session>?sig=<signature> with the header file_offset (the
// bytes already received, 0 at first) and the file's bytes as the body
// answers {"h":"4:<name>:<type>:...:<app-id>:..."} once file_length bytes
// have arrived; a body that stops short is kept and answers error 100 saying
// where to resume, one with too many bytes is refused whole. GET
// /upload:<session> (sig optional, checked when given) answers
// {"id":"upload:<session>","file_offset":N}. A session belongs to the app
// that opened it. Meta's guide sends the token as "Authorization: OAuth
// <token>", which the simulator accepts like Bearer.
//
// # Message templates
//
// GET /{waba-id}/message_templates lists a WABA's templates (filters name,
// status, category and language; cursor paging); GET /{template-id} reads
// one. Both take the fields of Graph's template node (id, name, language,
// category, previous_category, status, quality_score, rejected_reason,
// components, parameter_format, message_send_ttl_seconds, and bid_spec,
// correct_category, cta_url_link_tracking_opted_out,
// degrees_of_freedom_spec, library_template_name, sub_category when a seed
// gives them); another fails with error 100 "Tried accessing nonexisting
// field". Without fields they answer id, name, language, status, category
// and components. A field without a value is left out: previous_category
// exists only after a re-categorisation. quality_score is {"score","date"}
// (UNKNOWN when created); parameter_format is POSITIONAL or NAMED. A
// template answers like its WABA: 100/33 to a token that cannot see it, and
// counted against the WABA's budget.
//
// POST /{waba-id}/message_templates (a JSON body, or a form with components
// JSON-encoded) takes name (^[a-z0-9_]{1,512}$), language (en, en_US,
// pt_BR...), category (AUTHENTICATION, MARKETING, UTILITY, any case),
// components, parameter_format (POSITIONAL, the default, or NAMED),
// message_send_ttl_seconds (30 to 900 for AUTHENTICATION, 30 to 43200 for
// UTILITY, 43200 to 2592000 for MARKETING) and allow_category_change
// (ignored, as by Meta since April 2025), and answers {"id","status":
// "PENDING","category"}, the category template_category_override assigns.
// Components follow Meta's rules: at most one HEADER (TEXT of at most 60
// characters and one variable; IMAGE, VIDEO or DOCUMENT with
// example.header_handle [a handle the upload API gave the app for such a
// file], else "Invalid header_handle"; LOCATION), BODY (required; at most
// 1024 characters), FOOTER (at most 60, no variable) and BUTTONS (at most
// 10: QUICK_REPLY, URL (at most 2; a {{1}} at the end of the url needs
// example [full URL]), PHONE_NUMBER (at most 1, number of at most 20),
// COPY_CODE (example of at most 15), OTP, FLOW (one of flow_id, flow_name,
// flow_json), CATALOG, MPM; labels of at most 25); CAROUSEL and
// LIMITED_TIME_OFFER are stored as sent. Every variable needs an example:
// POSITIONAL {{1}}..{{n}} without gaps, example.body_text [[v1..vn]] and
// header_text [v]; NAMED {{snake_case}}, body_text_named_params and
// header_text_named_params [{param_name, example}] matching exactly. An
// AUTHENTICATION template has a BODY with only add_security_recommendation,
// an optional FOOTER with only code_expiration_minutes (1 to 90) and
// BUTTONS with one OTP button (otp_type COPY_CODE, ONE_TAP or ZERO_TAP; the
// last two need package_name and signature_hash, or supported_apps). Each
// refusal is error 100 naming the field, and stores nothing. A name and
// language the WABA has, in any status, is error 100, subcode 2388024 "Message
// template "<name>" already exists in <language>"; one whose APPROVED
// template was deleted less than 30 days ago is the same code and subcode,
// saying until when it is locked. The 101st creation in an hour is error
// 80008 with a full X-Business-Use-Case-Usage header.
//
// Reads answer components as Graph does, not as sent: types and formats in
// capitals; a media header's handle as a CDN address (new at each create or
// edit); an AUTHENTICATION BODY with Meta's text and example, its FOOTER
// with "This code expires in N minutes.", its OTP button as a URL button
// to https://www.whatsapp.com/otp/code/?otp_type=<TYPE>&code=otp{{1}}; a
// phone number with a leading "+"; no example on a URL button without a
// variable; empty members left out (template_normalise.go lists each rule).
//
// A created or edited template is PENDING until its review ends: by POST
// /_sim/templates/review (ReviewTemplate), or, with template_review_delay
// set, that long after it was submitted, with the template_review_outcome
// in force then. POST /_sim/templates/recategorise (RecategoriseTemplate)
// changes the category and sets previous_category.
//
// POST /{template-id} edits category, components (replaced whole, checked
// and read back like a create's) and message_send_ttl_seconds, and answers
// {"success":true}. Only APPROVED, REJECTED and PAUSED templates can be
// edited; an APPROVED one keeps its category and may be edited once in 24
// hours and 10 times in 30 days; an edit makes the template PENDING again.
// A new category to or from AUTHENTICATION needs new components, and one
// the kept message_send_ttl_seconds does not fit needs a new TTL. Each
// refusal is error 100 saying the rule and, for the budget, when an edit
// is possible again.
//
// DELETE /{waba-id}/message_templates?name=<name> deletes every language
// of the name; with &hsm_id=<id>, only that template, which must have that
// name. A DISABLED template cannot be deleted (error 100, and nothing is).
// Deleting an APPROVED template locks its name and language for 30 days.
// A template with undelivered_messages waits in PENDING_DELETION (until the
// flag is cleared, or POST /_sim/templates/delete); the others disappear
// from reads at once.
package simulator
