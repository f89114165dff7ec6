package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// addGraphError reports a failed call: what the provider was doing, the Graph
// error's code, subcode, type, message and fbtrace_id (which Meta support
// asks for), and what to do about it.
func addGraphError(diags *diag.Diagnostics, action string, err error) {
	summary, detail := describeGraphError(action, err)
	diags.AddError(summary, detail)
}

func describeGraphError(action string, err error) (string, string) {
	return describeGraphErrorWith(action, err, graph.Hint(err))
}

// describeGraphErrorWith is describeGraphError with the closing advice given
// by the caller, for cases where the resource knows better than the client
// what the user should do.
func describeGraphErrorWith(action string, err error, hint string) (string, string) {
	ge, ok := graph.AsError(err)
	if !ok {
		detail := fmt.Sprintf("The provider could not %s: %s", action, err)
		if hint != "" {
			detail += "\n\n" + hint
		}
		return "Failed to " + action, detail
	}
	var summary string
	switch {
	case ge.Code != 0:
		summary = fmt.Sprintf("Failed to %s: Graph API error %d", action, ge.Code)
	default:
		summary = fmt.Sprintf("Failed to %s: HTTP %d", action, ge.HTTPStatus)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", ge.Message)
	if ge.UserMessage != "" && ge.UserMessage != ge.Message {
		fmt.Fprintf(&b, "%s\n\n", ge.UserMessage)
	}
	fmt.Fprintf(&b, "Request:    %s %s\n", ge.Method, ge.Path)
	fmt.Fprintf(&b, "HTTP:       %d\n", ge.HTTPStatus)
	if ge.Code != 0 {
		fmt.Fprintf(&b, "Code:       %d\n", ge.Code)
	}
	if ge.Subcode != 0 {
		fmt.Fprintf(&b, "Subcode:    %d\n", ge.Subcode)
	}
	if ge.Type != "" {
		fmt.Fprintf(&b, "Type:       %s\n", ge.Type)
	}
	if ge.Details != "" {
		fmt.Fprintf(&b, "Details:    %s\n", ge.Details)
	}
	if ge.FBTraceID != "" {
		fmt.Fprintf(&b, "fbtrace_id: %s\n", ge.FBTraceID)
	}
	if hint != "" {
		fmt.Fprintf(&b, "\n%s", hint)
	}
	return summary, strings.TrimRight(b.String(), "\n")
}

// graphCallFailed reports a Graph call's outcome: the usage warnings the
// client has gathered, and the error diagnostic for action when err is set.
// It returns whether err was set.
func graphCallFailed(diags *diag.Diagnostics, client *graph.Client, action string, err error) bool {
	return graphCallFailedWithAdvice(diags, client, action, err, "")
}

// graphCallFailedWithAdvice is graphCallFailed with advice that replaces the
// client's generic hint when it is not empty.
func graphCallFailedWithAdvice(diags *diag.Diagnostics, client *graph.Client, action string, err error, advice string) bool {
	addUsageWarnings(diags, client)
	if err == nil {
		return false
	}
	addGraphErrorWithAdvice(diags, action, err, advice)
	return true
}

// addUsageWarnings warns once per run for each rate-limit budget that is
// nearly spent, before Meta starts refusing calls with error 80008.
func addUsageWarnings(diags *diag.Diagnostics, client *graph.Client) {
	for _, u := range client.TakeUsageWarnings(usageWarningPercent) {
		what := "the app"
		if u.ObjectID != "" {
			what = "WhatsApp Business Account " + u.ObjectID
		}
		diags.AddWarning("Graph API rate limit nearly reached",
			fmt.Sprintf("Meta reports %d%% of the hourly %s budget used for %s. Further runs this hour may be throttled (error 80008); "+
				"reduce how often plans refresh these resources, or wait for the budget to recover.", u.Percent(), u.Type, what))
	}
}
