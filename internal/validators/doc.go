// Package validators holds the provider's attribute validators: checks that
// run at terraform validate and plan time, so that bad input is refused with a
// message naming the valid form before any Graph request is sent.
package validators
