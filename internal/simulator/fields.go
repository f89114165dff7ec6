package simulator

import "strings"

// fieldSpec is one entry of a fields= list: "phone_numbers{id,quality_rating}"
// becomes name "phone_numbers" with sub "id,quality_rating". Modifiers such
// as ".limit(3)" are ignored.
type fieldSpec struct {
	name string
	sub  string
}

// parseFields splits a fields parameter at top-level commas, keeping commas
// inside braces and parentheses with their field.
func parseFields(raw string) []fieldSpec {
	var out []fieldSpec
	depth, start := 0, 0
	flush := func(end int) {
		if f, ok := parseFieldSpec(raw[start:end]); ok {
			out = append(out, f)
		}
	}
	for i, r := range raw {
		switch r {
		case '{', '(':
			depth++
		case '}', ')':
			depth = max(0, depth-1)
		case ',':
			if depth == 0 {
				flush(i)
				start = i + 1
			}
		}
	}
	flush(len(raw))
	return out
}

func parseFieldSpec(s string) (fieldSpec, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return fieldSpec{}, false
	}
	f := fieldSpec{name: s}
	if i := strings.IndexAny(s, "{.("); i >= 0 {
		f.name = strings.TrimSpace(s[:i])
	}
	if i := strings.IndexByte(s, '{'); i >= 0 {
		if j := strings.LastIndexByte(s, '}'); j > i {
			f.sub = s[i+1 : j]
		}
	}
	return f, f.name != ""
}

// project returns id plus each requested field the item has; with no request
// it returns the default fields.
func project(item map[string]any, fields []fieldSpec, defaults []string) map[string]any {
	out := map[string]any{"id": item["id"]}
	if len(fields) == 0 {
		for _, name := range defaults {
			if v, ok := item[name]; ok {
				out[name] = v
			}
		}
		return out
	}
	for _, f := range fields {
		if v, ok := item[f.name]; ok {
			out[f.name] = v
		}
	}
	return out
}
