// Package provider is the whatsapp Terraform provider, built on
// terraform-plugin-framework: the provider block, its resources and data
// sources, and how each turns a plan into calls of the graph client. HTTP,
// retries and Graph's error codes belong to package graph; this package
// decides what Terraform is told.
//
// # Files by role
//
//   - The provider: provider.go (resources and data sources served),
//     provider_arguments.go (the table of arguments the schema, environment
//     fallback and checks derive from), provider_configure.go (building the
//     Graph client) and provider_data.go (what resources receive from it).
//   - Resources, one file each, with helpers named after them:
//     subscribed_app_resource.go, assigned_user_resource.go
//     (assigned_user_business.go, assigned_user_import_id.go),
//     app_webhook_subscription_resource.go (app_webhook_fields.go) and
//     phone_number_webhook_resource.go (phone_number_webhook_advice.go). Each
//     has its identity, which import blocks with identity and terraform
//     query name it by, in *_identity.go (resource_identity.go for what they
//     share), and all but the phone number's override their list resource
//     for terraform query, under the same type name, in *_list.go
//     (list_results.go for what they share).
//   - Data sources, one file each (*_data_source.go), sharing
//     data_source_schema.go and values.go.
//   - Rules every resource shares: diagnostics.go (reportGraphCall),
//     ownership.go (refusing to take over objects, missing-or-hidden
//     advice), drift.go (dropping what was deleted outside Terraform),
//     verify_token_config.go (the write-only verify tokens) and logger.go.
//
// # Rules every resource follows
//
//   - Existence check before create: Create first asks Graph whether the
//     object already exists and, if it does, fails with the import to run
//     instead. Destroying an object Terraform did not create would take away
//     access or webhooks that someone else set up.
//   - State dropped only on a successful read: a resource leaves state only
//     when Graph answered a read and the object was not in it. An error,
//     including Graph's "missing or not visible" answer (which it also gives
//     for objects the token can no longer see), keeps the resource and fails.
//     A write Graph confirmed stays in state even when reading it back
//     fails.
//   - Advice in diagnostics: every Graph call reports through
//     reportGraphCall, which gives Graph's details and what to do about
//     them; a resource that knows the user's situation better than the
//     client's generic hint passes its own advice.
//   - Write-only secrets: verify tokens are write-only attributes, never
//     stored in plan or state, sent again when their _version attribute
//     changes. Graph never returns them, so the configuration validators say
//     which lines an imported or generated configuration must add.
package provider
