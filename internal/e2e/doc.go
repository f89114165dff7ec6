// Package e2e holds end-to-end tests that drive the real terraform CLI
// against a provider binary built from this tree and the Graph API simulator:
// throttling storms, interrupts, wide parallel applies and secret handling,
// which only show in a real run. The tests are skipped with -short.
package e2e
