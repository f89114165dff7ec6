package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var tasks = []string{"MANAGE", "DEVELOP", "MANAGE_TEMPLATES", "MANAGE_PHONE", "VIEW_COST"}

func TestOneOfWithSuggestion(t *testing.T) {
	const valid = " Valid values: MANAGE, DEVELOP, MANAGE_TEMPLATES, MANAGE_PHONE, VIEW_COST."
	for _, tc := range []struct{ value, detail string }{
		{"MANAGE", ""},
		{"DEVELOPER", `attr: "DEVELOPER" is not a task Graph accepts. Did you mean "DEVELOP"?` + valid},
		{"manage", `attr: "manage" is not a task Graph accepts. Did you mean "MANAGE"?` + valid},
		{"Develop", `attr: "Develop" is not a task Graph accepts. Did you mean "DEVELOP"?` + valid},
		{"MANAGE_TEMPLATE", `attr: "MANAGE_TEMPLATE" is not a task Graph accepts. Did you mean "MANAGE_TEMPLATES"?` + valid},
		{"view_costs", `attr: "view_costs" is not a task Graph accepts. Did you mean "VIEW_COST"?` + valid},
		{"ADMIN", `attr: "ADMIN" is not a task Graph accepts.` + valid},
		{"", `attr: "" is not a task Graph accepts.` + valid},
	} {
		t.Run(tc.value, func(t *testing.T) {
			summary, detail := validate(t, OneOfWithSuggestion("task", tasks...), types.StringValue(tc.value))
			if detail != tc.detail {
				t.Errorf("detail\n %q\nwant\n %q", detail, tc.detail)
			}
			if tc.detail != "" && summary != "Invalid task" {
				t.Errorf("summary %q, want %q", summary, "Invalid task")
			}
		})
	}
}

func TestOneOfWithSuggestionArticle(t *testing.T) {
	_, detail := validate(t, OneOfWithSuggestion("account mode", "LIVE", "SANDBOX"), types.StringValue("live"))
	if want := `attr: "live" is not an account mode Graph accepts. Did you mean "LIVE"? Valid values: LIVE, SANDBOX.`; detail != want {
		t.Errorf("detail %q, want %q", detail, want)
	}
}

// TestOneOfWithSuggestionInSet: inside ValueStringsAre the element path
// (tasks[Value("DEVELOPER")]) would repeat the value, so the set is named.
func TestOneOfWithSuggestionInSet(t *testing.T) {
	set := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("MANAGE"), types.StringValue("DEVELOPER")})
	resp := &validator.SetResponse{}
	setvalidator.ValueStringsAre(OneOfWithSuggestion("task", tasks...)).ValidateSet(context.Background(),
		validator.SetRequest{Path: path.Root("tasks"), ConfigValue: set}, resp)
	errs := resp.Diagnostics.Errors()
	if len(errs) != 1 {
		t.Fatalf("%d errors, want 1: %v", len(errs), resp.Diagnostics)
	}
	want := `tasks: "DEVELOPER" is not a task Graph accepts. Did you mean "DEVELOP"? Valid values: MANAGE, DEVELOP, MANAGE_TEMPLATES, MANAGE_PHONE, VIEW_COST.`
	if got := errs[0].Detail(); got != want {
		t.Errorf("detail\n %q\nwant\n %q", got, want)
	}
}

func TestNearest(t *testing.T) {
	for _, tc := range []struct {
		value, want string
		ok          bool
	}{
		{"mesages", "messages", true},
		{"MESSAGES", "messages", true},
		{"acount_update", "account_update", true},
		{"calls", "calls", true},
		{"cals", "calls", true},
		{"standby", "", false},
		{"x", "", false},
		// Two edits are allowed however short the value.
		{"hstry", "history", true},
		// A long value may be a third of its length away: 7 edits for 23
		// characters, but not 14 for 16.
		{"message_template_status", "message_template_status_update", true},
		{"message_template", "", false},
	} {
		got, ok := nearest(tc.value, []string{"messages", "account_update", "calls", "history", "message_template_status_update", "security"})
		if got != tc.want || ok != tc.ok {
			t.Errorf("nearest(%q) = %q, %v; want %q, %v", tc.value, got, ok, tc.want, tc.ok)
		}
	}
	// On a tie the first valid value wins, so suggestions do not depend
	// on map or sort order.
	if got, _ := nearest("AB", []string{"AC", "AD"}); got != "AC" {
		t.Errorf("tie went to %q, want the first, AC", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"DEVELOPER", "DEVELOP", 2}, {"flaw", "lawn", 2}, {"é", "e", 1},
	} {
		if got := editDistance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestKnownValueWithSuggestion: an unknown value is a warning naming the
// nearest known one, never an error.
func TestKnownValueWithSuggestion(t *testing.T) {
	v := KnownValueWithSuggestion("vertical", "RETAIL", "RESTAURANT")
	for _, tc := range []struct{ value, detail string }{
		{"RETAIL", ""},
		{"RETAL", `attr: "RETAL" is not a vertical Meta documents. Did you mean "RETAIL"? Known values: RETAIL, RESTAURANT. The value is sent as it is, and Graph's answer decides.`},
	} {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("attr"), ConfigValue: types.StringValue(tc.value)}, resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: errors %v, want none", tc.value, resp.Diagnostics)
		}
		warnings := resp.Diagnostics.Warnings()
		if tc.detail == "" {
			if len(warnings) != 0 {
				t.Errorf("%s: warnings %v, want none", tc.value, warnings)
			}
			continue
		}
		if len(warnings) != 1 || warnings[0].Detail() != tc.detail || warnings[0].Summary() != "Unknown vertical" {
			t.Errorf("%s: warnings %v, want one with detail\n %q", tc.value, warnings, tc.detail)
		}
	}
}
