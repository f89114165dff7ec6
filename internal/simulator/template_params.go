package simulator

import (
	"encoding/json"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Top-level parameters of template writes. Enumerations are read without
// regard to case, as Meta's own examples send "authentication" and
// "copy_code", and stored in capitals, as reads answer them.

var (
	templateNamePattern = regexp.MustCompile(`^[a-z0-9_]{1,512}$`)
	// Meta's language codes: a language, optionally with a region.
	languagePattern = regexp.MustCompile(`^[a-z]{2,3}(_[A-Z]{2})?$`)
)

// ttlRanges bound message_send_ttl_seconds per category, from Meta's
// time-to-live page: 30 s to 15 min, 30 s to 12 h, 12 h to 30 days.
var ttlRanges = map[string][2]int64{
	"AUTHENTICATION": {30, 900},
	"UTILITY":        {30, 43200},
	"MARKETING":      {43200, 2592000},
}

// checkParamNames refuses a parameter the write does not take. Meta
// documents the parameters, not the answer to others: the wording is the
// simulator's own.
func checkParamNames(params url.Values, allowed map[string]bool, what string) *graphError {
	for _, k := range slices.Sorted(maps.Keys(params)) {
		if !allowed[k] && !credentialParams[k] {
			return errParam("Param %s is not a valid parameter of %s", k, what)
		}
	}
	return nil
}

// requiredParam returns a parameter that must be given and not be empty.
func requiredParam(params url.Values, key string) (string, *graphError) {
	v := strings.TrimSpace(params.Get(key))
	if v == "" {
		return "", errParam("The parameter %s is required", key)
	}
	return v, nil
}

// parseCategory reads a category in any case.
func parseCategory(raw string) (string, *graphError) {
	c := strings.ToUpper(strings.TrimSpace(raw))
	if !slices.Contains(templateCategories, c) {
		return "", errParam("Param category must be one of {%s}", strings.Join(templateCategories, ", "))
	}
	return c, nil
}

// parseParameterFormat reads parameter_format; absent, it is POSITIONAL.
func parseParameterFormat(params url.Values) (string, *graphError) {
	raw, given := params["parameter_format"]
	if !given || strings.TrimSpace(raw[0]) == "" {
		return formatPositional, nil
	}
	f := strings.ToUpper(strings.TrimSpace(raw[0]))
	if !slices.Contains(parameterFormats, f) {
		return "", errParam("Param parameter_format must be one of {%s}", strings.Join(parameterFormats, ", "))
	}
	return f, nil
}

// parseTTL reads message_send_ttl_seconds, checked against the range of
// the template's category; nil when it is not given.
func parseTTL(params url.Values, category string) (*int64, *graphError) {
	raw, given := params["message_send_ttl_seconds"]
	if !given {
		return nil, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(raw[0]), 10, 64)
	if err != nil {
		return nil, errParam("Param message_send_ttl_seconds must be an integer number of seconds")
	}
	r := ttlRanges[category]
	if n < r[0] || n > r[1] {
		return nil, errParam("Param message_send_ttl_seconds must be between %d and %d for %s templates", r[0], r[1], category)
	}
	return &n, nil
}

// asInt64 reads a stored whole number: set by the API (int64) or by a seed
// (json.Number, or float64 from a Go literal's JSON round trip).
func asInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		return int64(n), n == float64(int64(n))
	}
	return 0, false
}
