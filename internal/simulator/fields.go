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

// subFields parses the braces of a field: "a{b,c}" gives b and c.
func (f fieldSpec) subFields() []fieldSpec {
	return parseFields(f.sub)
}

// fieldSpecs turns plain names into specs.
func fieldSpecs(names []string) []fieldSpec {
	out := make([]fieldSpec, len(names))
	for i, n := range names {
		out[i] = fieldSpec{name: n}
	}
	return out
}

// nodeRules say which fields= entries a node type accepts.
type nodeRules struct {
	nodeType string
	known    map[string]bool // nil: unknown fields are left out rather than refused
	objects  map[string]*objectType
}

// check fails the whole request, as Graph does, on a field the node type
// does not have, does not have in this version, or a sub-field an object
// field does not have.
func (n nodeRules) check(specs []fieldSpec, version string) *graphError {
	for _, f := range specs {
		if (n.known != nil && !n.known[f.name]) || !fieldInVersion(n.nodeType, f.name, version) {
			return errNonexistingField(f.name, n.nodeType)
		}
		if obj := n.objects[f.name]; obj != nil {
			if gerr := obj.check(f.subFields()); gerr != nil {
				return gerr
			}
		}
	}
	return nil
}

// project returns id plus each requested field the item has, object fields
// cut down to their requested or default sub-fields; with no request it
// returns the default fields.
func project(item map[string]any, fields []fieldSpec, defaults []string, objects map[string]*objectType) map[string]any {
	if len(fields) == 0 {
		fields = fieldSpecs(defaults)
	}
	out := map[string]any{"id": item["id"]}
	for _, f := range fields {
		v, ok := item[f.name]
		if !ok {
			continue
		}
		if obj := objects[f.name]; obj != nil {
			v = obj.project(v, f.subFields())
		}
		out[f.name] = v
	}
	return out
}
