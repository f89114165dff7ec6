// Package acctest provides the recorded HTTP fixture server behind the
// provider's acceptance tests.
//
// Each test gets its own FixtureServer. By default it replays a cassette
// (go-vcr v4 YAML under testdata/cassettes) strictly and offline, so
// "go test ./..." exercises the provider end to end without credentials or
// network. WA_VCR_MODE=record re-records the cassette, against the
// in-process Graph API simulator or, when WHATSAPP_ACCESS_TOKEN is set,
// against Meta; WA_VCR_MODE=live talks to Meta directly with no recorder.
package acctest
