package validators

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// validate runs v on value and returns the error summary and detail, or
// empty strings when v accepts the value.
func validate(t *testing.T, v validator.String, value types.String) (summary, detail string) {
	t.Helper()
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("attr"), ConfigValue: value}, resp)
	errs := resp.Diagnostics.Errors()
	switch len(errs) {
	case 0:
		return "", ""
	case 1:
		return errs[0].Summary(), errs[0].Detail()
	}
	t.Fatalf("%d errors for %s, want at most one: %v", len(errs), value, errs)
	return "", ""
}

func TestValidators(t *testing.T) {
	long := "https://hooks.example.com/" + strings.Repeat("a", 200)
	for _, tc := range []struct {
		name     string
		v        validator.String
		value    string
		summary  string // empty: the value is valid
		inDetail string
	}{
		{"numeric ID", NumericID("123"), "102290129340398", "", ""},
		{"numeric ID with a letter", NumericID("123"), "10229O129340398", "Invalid Graph ID", "123"},
		{"numeric ID with a leading zero", NumericID("123"), "0102290129340398", "Invalid Graph ID", ""},
		{"numeric ID negative", NumericID("123"), "-1", "Invalid Graph ID", ""},
		{"numeric ID blank", NumericID("123"), "", "Invalid Graph ID", ""},
		{"numeric ID too long", NumericID("123"), strings.Repeat("9", 26), "Invalid Graph ID", ""},
		{"https URL", HTTPSURL(200), "https://hooks.example.com/whatsapp", "", ""},
		{"http URL", HTTPSURL(200), "http://hooks.example.com/whatsapp", "Invalid callback URL", "https://"},
		{"relative URL", HTTPSURL(200), "/whatsapp", "Invalid callback URL", ""},
		{"URL with credentials", HTTPSURL(200), "https://user:pw@hooks.example.com/", "Invalid callback URL", ""},
		{"URL too long", HTTPSURL(200), long, "URL too long", "200"},
		{"duration", Duration(time.Second, time.Hour), "90s", "", ""},
		{"duration too short", Duration(time.Second, time.Hour), "500ms", "Invalid duration", "1s"},
		{"duration too long", Duration(time.Second, time.Hour), "2h", "Invalid duration", "1h0m0s"},
		{"not a duration", Duration(time.Second, time.Hour), "30", "Invalid duration", ""},
		{"API version", APIVersion(), "v25.0", "", ""},
		{"API version without v", APIVersion(), "25.0", "Invalid Graph API version", ""},
		{"https base URL", BaseURL(), "https://graph.facebook.com", "", ""},
		{"http base URL on loopback", BaseURL(), "http://127.0.0.1:8080", "", ""},
		{"http base URL elsewhere", BaseURL(), "http://graph.example.com", "Invalid base URL", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			summary, detail := validate(t, tc.v, types.StringValue(tc.value))
			if summary != tc.summary {
				t.Fatalf("summary %q, want %q (detail %q)", summary, tc.summary, detail)
			}
			if tc.summary != "" && !strings.Contains(detail, "attr") {
				t.Errorf("detail %q does not name the attribute", detail)
			}
			if !strings.Contains(detail, tc.inDetail) {
				t.Errorf("detail %q lacks %q", detail, tc.inDetail)
			}
		})
	}
}

// TestValidatorsSkipNullAndUnknown: an unset argument, or one known only at
// apply, is not the validator's to judge.
func TestValidatorsSkipNullAndUnknown(t *testing.T) {
	for _, v := range []validator.String{NumericID("1"), HTTPSURL(10), Duration(time.Second, time.Minute), APIVersion(), BaseURL(), OneOfWithSuggestion("task", "MANAGE")} {
		for _, value := range []types.String{types.StringNull(), types.StringUnknown()} {
			if summary, _ := validate(t, v, value); summary != "" {
				t.Errorf("%T rejected %s: %s", v, value, summary)
			}
		}
		if v.Description(context.Background()) == "" || v.MarkdownDescription(context.Background()) == "" {
			t.Errorf("%T has no description", v)
		}
	}
}
