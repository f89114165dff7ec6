// Package graph is a small client for the parts of Meta's Graph API that the
// WhatsApp provider manages: the WhatsApp Business Account node, its
// subscribed_apps, assigned_users, phone_numbers (with each number's webhook
// callback override) and message_templates edges, the app's webhook
// subscriptions, and a business's WABAs (its owned_whatsapp_business_accounts
// and client_whatsapp_business_accounts edges).
//
// It knows nothing about Terraform. It owns everything HTTP: authentication
// (a Bearer header, never a token in a URL), appsecret_proof, the pinned API
// version, the User-Agent, retries that understand Graph's throttling and
// transient error codes, typed errors, cursor paging and request coalescing.
//
// Each endpoint has a file of its own (assigned_users.go, phone_numbers.go,
// …) holding its types, its decoder and short methods built on the shared
// parts: edge.go and edge_write.go (reading and writing a list edge),
// read_cache.go (the per-run read cache), decode.go (Graph's loose JSON
// types), do.go (one request, step by step) and vocabulary.go (the API's
// names and values). Rate-limit bookkeeping and the write gate live in
// internal/pacing.
package graph
