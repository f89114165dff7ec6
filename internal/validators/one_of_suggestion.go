package validators

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// OneOfWithSuggestion checks that a string is exactly one of values, the
// way Graph compares them (case-sensitive). A value that is not gets the
// nearest valid one suggested, so that "DEVELOPER" or "manage" points to
// "DEVELOP" or "MANAGE" instead of leaving the user to scan the list. noun
// names one value in the message, e.g. "task" or "account mode". Inside
// setvalidator.ValueStringsAre the message names the set, not the element.
func OneOfWithSuggestion(noun string, values ...string) validator.String {
	return oneOfWithSuggestion{noun: noun, values: values}
}

// KnownValueWithSuggestion is OneOfWithSuggestion for lists the sources
// disagree on, or Meta extends: another value gets a warning with the
// nearest known one, and Graph judges it.
func KnownValueWithSuggestion(noun string, values ...string) validator.String {
	return oneOfWithSuggestion{noun: noun, values: values, warnOnly: true}
}

type oneOfWithSuggestion struct {
	noun     string
	values   []string
	warnOnly bool
}

func (v oneOfWithSuggestion) Description(context.Context) string {
	return fmt.Sprintf("value must be one of: %s", strings.Join(v.values, ", "))
}

func (v oneOfWithSuggestion) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v oneOfWithSuggestion) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if slices.Contains(v.values, s) {
		return
	}
	if v.warnOnly {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Unknown "+v.noun,
			fmt.Sprintf("%s: %q is not %s Meta documents.%s Known values: %s. The value is sent as it is, and Graph's answer decides.",
				attributeName(req.Path), s, withArticle(v.noun), DidYouMean(s, v.values), strings.Join(v.values, ", ")))
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.noun,
		fmt.Sprintf("%s: %q is not %s Graph accepts.%s Valid values: %s.",
			attributeName(req.Path), s, withArticle(v.noun), DidYouMean(s, v.values), strings.Join(v.values, ", ")))
}

// DidYouMean is ` Did you mean "X"?` for the valid value nearest to s, or
// empty when none is close enough to be a likely typo.
func DidYouMean(s string, values []string) string {
	if near, ok := nearest(s, values); ok {
		return fmt.Sprintf(" Did you mean %q?", near)
	}
	return ""
}

// nearest returns the value s most likely meant: one that differs only in
// case, or else the one at the smallest edit distance (ignoring case), first
// in values on a tie. Nothing is suggested beyond max(2, len(s)/3) edits,
// where a suggestion would be a guess rather than a correction.
func nearest(s string, values []string) (string, bool) {
	for _, v := range values {
		if strings.EqualFold(s, v) {
			return v, true
		}
	}
	folded := []rune(strings.ToUpper(s))
	limit := max(2, len(folded)/3)
	best, bestDistance := "", limit+1
	for _, v := range values {
		if d := editDistance(folded, []rune(strings.ToUpper(v))); d < bestDistance {
			best, bestDistance = v, d
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance between a and b: the fewest
// insertions, deletions and substitutions that turn one into the other.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// attributeName is the path as a message names it: a set element's path
// (tasks[Value("X")]) repeats the value the message quotes anyway, so it is
// named by its set.
func attributeName(p path.Path) string {
	if last, _ := p.Steps().LastStep(); last != nil {
		if _, isValue := last.(path.PathStepElementKeyValue); isValue {
			return p.ParentPath().String()
		}
	}
	return p.String()
}

// withArticle puts "a" or "an" before noun, by its first letter.
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}
