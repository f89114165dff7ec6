package simulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Components of a template as a create or an edit sends them, checked
// against the rules on Meta's template pages and built as reads answer
// them (template_normalise.go). Component types and formats are read in any
// case: Meta's own examples send "body".

// Limits from Meta's template pages.
const (
	maxHeaderText = 60
	maxBodyText   = 1024
	maxFooterText = 60
)

// singleComponents may appear once in a template.
var singleComponents = []string{"HEADER", "BODY", "FOOTER", "BUTTONS"}

var componentTypes = []string{"HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL", "LIMITED_TIME_OFFER"}

var headerFormats = []string{"TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"}

// componentCheck checks one template's components. media answers the CDN
// address a media header's uploaded handle reads back as, or false when
// the handle is not one the upload API gave the app for such a file.
type componentCheck struct {
	category string
	format   string // POSITIONAL or NAMED
	media    func(handle, headerFormat string) (string, bool)
}

func (k componentCheck) auth() bool { return k.category == categoryAuthentication }

// errComponent is a refusal of the components parameter; the message names
// the component and member at fault.
func errComponent(format string, args ...any) *graphError {
	return errParam("Param components: "+format, args...)
}

// check reads the components parameter, a JSON array, and returns the
// components as reads will answer them.
func (k componentCheck) check(raw string) ([]any, *graphError) {
	var list []any
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&list); err != nil || len(list) == 0 {
		return nil, errParam("Param components must be a non-empty JSON array of components")
	}
	seen := map[string]bool{}
	out := make([]any, 0, len(list))
	for i, v := range list {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, errComponent("components[%d] must be an object", i)
		}
		typ, gerr := stringMember(m, "type", fmt.Sprintf("components[%d]", i))
		if gerr != nil {
			return nil, gerr
		}
		typ = strings.ToUpper(typ)
		if !slices.Contains(componentTypes, typ) {
			return nil, errComponent("components[%d].type must be one of {%s}", i, strings.Join(componentTypes, ", "))
		}
		if seen[typ] && slices.Contains(singleComponents, typ) {
			return nil, errComponent("a template has at most one %s component", typ)
		}
		seen[typ] = true
		norm, gerr := k.component(typ, m)
		if gerr != nil {
			return nil, gerr
		}
		out = append(out, norm)
	}
	if !seen["BODY"] {
		return nil, errComponent("a template needs a BODY component")
	}
	if k.auth() && !seen["BUTTONS"] {
		return nil, errComponent("an AUTHENTICATION template needs a BUTTONS component with one OTP button")
	}
	return out, nil
}

func (k componentCheck) component(typ string, m map[string]any) (map[string]any, *graphError) {
	switch typ {
	case "HEADER":
		return k.header(m)
	case "BODY":
		if k.auth() {
			return authBody(m)
		}
		return k.body(m)
	case "FOOTER":
		if k.auth() {
			return authFooter(m)
		}
		return footer(m)
	case "BUTTONS":
		return k.buttons(m)
	}
	// CAROUSEL and LIMITED_TIME_OFFER are kept as they are sent.
	if k.auth() {
		return nil, errComponent("an AUTHENTICATION template takes only BODY, FOOTER and BUTTONS components, not %s", typ)
	}
	out := make(map[string]any, len(m))
	for key, v := range m {
		out[key] = v
	}
	out["type"] = typ
	return out, nil
}

// header checks a HEADER: text of at most 60 characters with at most one
// variable, a media file given as an uploaded handle, or a location.
func (k componentCheck) header(m map[string]any) (map[string]any, *graphError) {
	if k.auth() {
		return nil, errComponent("an AUTHENTICATION template takes no HEADER")
	}
	format, gerr := stringMember(m, "format", "HEADER")
	if gerr != nil {
		return nil, gerr
	}
	format = strings.ToUpper(format)
	if !slices.Contains(headerFormats, format) {
		return nil, errComponent("HEADER format must be one of {%s}", strings.Join(headerFormats, ", "))
	}
	out := keptMembers(m)
	out["format"] = format
	switch format {
	case "TEXT":
		text, gerr := requiredText(m, "HEADER", maxHeaderText)
		if gerr != nil {
			return nil, gerr
		}
		vars, gerr := k.variables("HEADER text", text)
		if gerr != nil {
			return nil, gerr
		}
		if len(vars) > 1 {
			return nil, errComponent("HEADER text may have at most one variable, not %d", len(vars))
		}
		if gerr := k.examples("HEADER", vars, m["example"], "header_text", "header_text_named_params", false); gerr != nil {
			return nil, gerr
		}
	case "IMAGE", "VIDEO", "DOCUMENT":
		example, gerr := k.mediaExample(m["example"], format)
		if gerr != nil {
			return nil, gerr
		}
		out["example"] = example
	}
	return out, nil
}

// mediaExample checks example.header_handle, one uploaded handle, and
// returns the example with the handle's CDN address in its place.
func (k componentCheck) mediaExample(v any, format string) (map[string]any, *graphError) {
	example, _ := v.(map[string]any)
	handles, _ := example["header_handle"].([]any)
	if len(handles) != 1 {
		return nil, errComponent("a %s HEADER needs example.header_handle, a list with one handle from the Resumable Upload API", format)
	}
	handle, _ := handles[0].(string)
	url, ok := k.media(handle, format)
	if !ok {
		return nil, errParam("Invalid header_handle")
	}
	out := make(map[string]any, len(example))
	for key, e := range example {
		out[key] = e
	}
	out["header_handle"] = []any{url}
	return out, nil
}

// body checks a BODY of at most 1024 characters whose variables all have
// examples.
func (k componentCheck) body(m map[string]any) (map[string]any, *graphError) {
	text, gerr := requiredText(m, "BODY", maxBodyText)
	if gerr != nil {
		return nil, gerr
	}
	vars, gerr := k.variables("BODY text", text)
	if gerr != nil {
		return nil, gerr
	}
	if gerr := k.examples("BODY", vars, m["example"], "body_text", "body_text_named_params", true); gerr != nil {
		return nil, gerr
	}
	return keptMembers(m), nil
}

// footer checks a FOOTER: text of at most 60 characters, without
// variables.
func footer(m map[string]any) (map[string]any, *graphError) {
	text, gerr := requiredText(m, "FOOTER", maxFooterText)
	if gerr != nil {
		return nil, gerr
	}
	if variablePattern.MatchString(text) {
		return nil, errComponent("FOOTER text cannot have variables")
	}
	return keptMembers(m), nil
}

// stringMember returns a member that must be text when present; "" when it
// is absent.
func stringMember(m map[string]any, key, where string) (string, *graphError) {
	v, ok := m[key]
	if !ok || v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", errComponent("%s %s must be a string", where, key)
	}
	return s, nil
}

// requiredText returns the text member, which must be there and be at most
// limit characters long.
func requiredText(m map[string]any, where string, limit int) (string, *graphError) {
	text, gerr := stringMember(m, "text", where)
	if gerr != nil {
		return "", gerr
	}
	if text == "" {
		return "", errComponent("%s text is required", where)
	}
	if n := utf8.RuneCountInString(text); n > limit {
		return "", errComponent("%s text must be at most %d characters, not %d", where, limit, n)
	}
	return text, nil
}
