// Package simulator is a stateful, in-memory stand-in for the parts of Meta's
// Graph API that the WhatsApp provider manages: the WhatsApp Business Account
// node and its subscribed_apps, assigned_users, phone_numbers and
// message_templates edges, GET /app and the app-level /{app-id}/subscriptions
// edge.
//
// It follows the documented contract closely enough (error bodies, status
// codes, cursor paging, usage headers, documented traps such as a bare POST to
// subscribed_apps removing the callback override) that demos, benchmarks,
// fault tests and cassette recording run without a Meta account. Faults can be
// injected to exercise retries and error handling deterministically.
package simulator
