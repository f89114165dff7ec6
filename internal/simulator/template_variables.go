package simulator

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Variables of HEADER and BODY texts and their examples. With
// parameter_format POSITIONAL (the default) variables are {{1}} to {{n}},
// numbered from 1 without gaps, and their examples are a list in that
// order; with NAMED they are {{snake_case}} names, each with one
// {param_name, example}. Meta reviews a template by its examples, so a
// variable without one is refused.

var (
	variablePattern   = regexp.MustCompile(`\{\{([^{}]*)\}\}`)
	positionalPattern = regexp.MustCompile(`^[1-9][0-9]*$`)
	namedPattern      = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
)

// variables returns the distinct variables of a text: numbers in order for
// POSITIONAL, names in order of appearance for NAMED.
func (k componentCheck) variables(where, text string) ([]string, *graphError) {
	var names []string
	for _, m := range variablePattern.FindAllStringSubmatch(text, -1) {
		name := m[1]
		switch {
		case k.format == formatNamed && !namedPattern.MatchString(name):
			return nil, errComponent("%s has the variable {{%s}}: with parameter_format NAMED, variables are lowercase names such as {{first_name}}", where, name)
		case k.format != formatNamed && !positionalPattern.MatchString(name):
			return nil, errComponent("%s has the variable {{%s}}: with parameter_format POSITIONAL, variables are numbers such as {{1}}", where, name)
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if k.format == formatNamed {
		return names, nil
	}
	for i := 1; i <= len(names); i++ {
		if !slices.Contains(names, strconv.Itoa(i)) {
			return nil, errComponent("%s variables must be numbered from {{1}} to {{%d}} without gaps; {{%d}} is missing", where, len(names), i)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return x - y
	})
	return names, nil
}

// examples checks that every variable has an example: POSITIONAL ones
// under example.<posKey>, a list in order (for a BODY, rows: a list holding
// that list), NAMED ones under example.<namedKey>.
func (k componentCheck) examples(where string, vars []string, example any, posKey, namedKey string, rows bool) *graphError {
	if len(vars) == 0 {
		return nil
	}
	ex, _ := example.(map[string]any)
	if k.format == formatNamed {
		return namedExamples(where, vars, ex[namedKey], namedKey)
	}
	values := ex[posKey]
	shape := "[...]"
	if rows {
		shape = "[[...]]"
		outer, _ := values.([]any)
		values = nil
		if len(outer) == 1 {
			values = outer[0]
		}
	}
	list, _ := values.([]any)
	ok := len(list) == len(vars)
	for _, v := range list {
		if s, isText := v.(string); !isText || s == "" {
			ok = false
		}
	}
	if !ok {
		return errComponent("%s text has %d variable(s), so example.%s must be %s with %d example text(s), one for each in order",
			where, len(vars), posKey, shape, len(vars))
	}
	return nil
}

// namedExamples checks [{param_name, example}]: one for each variable and
// no other.
func namedExamples(where string, vars []string, v any, key string) *graphError {
	list, _ := v.([]any)
	var got []string
	ok := true
	for _, e := range list {
		m, _ := e.(map[string]any)
		name, _ := m["param_name"].(string)
		example, _ := m["example"].(string)
		if name == "" || example == "" || slices.Contains(got, name) {
			ok = false
		}
		got = append(got, name)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(vars))
	if !ok || !slices.Equal(got, want) {
		braced := make([]string, len(vars))
		for i, name := range vars {
			braced[i] = fmt.Sprintf("{{%s}}", name)
		}
		return errComponent("%s text has the variables %s, so example.%s must give one {param_name, example} for each of them and no other",
			where, strings.Join(braced, ", "), key)
	}
	return nil
}
