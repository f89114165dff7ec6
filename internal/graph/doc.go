// Package graph is a small client for the parts of Meta's Graph API that the
// WhatsApp provider manages: the WhatsApp Business Account node and its
// subscribed_apps and assigned_users edges.
//
// It knows nothing about Terraform. It owns everything HTTP: authentication
// (a Bearer header, never a token in a URL), appsecret_proof, the pinned API
// version, the User-Agent, retries that understand Graph's throttling and
// transient error codes, typed errors, cursor paging and request coalescing.
package graph
