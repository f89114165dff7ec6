package provider

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// reportGraphCall is how every Graph call reports its outcome, so that all
// of them say the same things in the same order: first the rate-limit
// warnings the client has gathered, then, when err is set, an error naming
// what the provider was doing (action), Graph's details and what to do.
// The advice, its non-empty pieces joined by blank lines, takes the place of
// the client's generic hint, which says less; with none, the hint is used.
// When Graph may have applied a create whose answer was lost (a
// *graph.OutcomeUnknownError), the summary says the outcome is unknown and
// the advice starts with what to check; the hint, which may say to run
// again, is left out.
// It returns whether err was set.
func reportGraphCall(diags *diag.Diagnostics, client *graph.Client, action string, err error, advice ...string) bool {
	addUsageWarnings(diags, client)
	if err == nil {
		return false
	}
	var unknown *graph.OutcomeUnknownError
	if errors.As(err, &unknown) {
		summary, detail := graphErrorDiagnostic(action, unknown.Err, joinAdvice(append([]string{unknown.Explanation()}, advice...)))
		diags.AddError(summary+" (outcome unknown)", detail)
		return true
	}
	diags.AddError(graphErrorDiagnostic(action, err, adviceOrHint(err, advice)))
	return true
}

func adviceOrHint(err error, advice []string) string {
	if a := joinAdvice(advice); a != "" {
		return a
	}
	return graph.Hint(err)
}

// joinAdvice joins the non-empty pieces of advice with blank lines.
func joinAdvice(advice []string) string {
	var pieces []string
	for _, a := range advice {
		if a != "" {
			pieces = append(pieces, a)
		}
	}
	return strings.Join(pieces, "\n\n")
}

// graphErrorDiagnostic is the summary and detail of a failed call: Graph's
// message, then one line per field that identifies the call (what Meta
// support asks for), then the advice.
func graphErrorDiagnostic(action string, err error, advice string) (summary, detail string) {
	summary = "Failed to " + action
	ge, ok := graph.AsError(err)
	if !ok {
		return summary, withAdvice(fmt.Sprintf("The provider could not %s: %s", action, err), advice)
	}
	if ge.Code != 0 {
		summary += fmt.Sprintf(": Graph API error %d", ge.Code)
	} else {
		summary += fmt.Sprintf(": HTTP %d", ge.HTTPStatus)
	}
	paragraphs := []string{ge.Message}
	if ge.UserMessage != "" && ge.UserMessage != ge.Message {
		paragraphs = append(paragraphs, ge.UserMessage)
	}
	paragraphs = append(paragraphs, graphErrorFields(ge))
	return summary, strings.TrimRight(withAdvice(strings.Join(paragraphs, "\n\n"), advice), "\n")
}

// graphErrorFields lists the error's fields under Graph's own names, so that
// they can be looked up in Meta's documentation; a field Graph left empty
// gets no line.
func graphErrorFields(ge *graph.Error) string {
	fields := []struct{ label, value string }{
		{"Request:", ge.Method + " " + ge.Path},
		{"HTTP:", strconv.Itoa(ge.HTTPStatus)},
		{"Code:", nonZero(ge.Code)},
		{"Subcode:", nonZero(ge.Subcode)},
		{"Type:", ge.Type},
		{"Details:", ge.Details},
		{"fbtrace_id:", ge.FBTraceID},
	}
	var lines []string
	for _, f := range fields {
		if f.value != "" {
			lines = append(lines, fmt.Sprintf("%-12s%s", f.label, f.value))
		}
	}
	return strings.Join(lines, "\n")
}

func nonZero(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func withAdvice(text, advice string) string {
	if advice == "" {
		return text
	}
	return text + "\n\n" + advice
}

// usageWarningPercent is the share of a rate-limit budget past which the
// provider warns, once per run.
const usageWarningPercent = 75

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
