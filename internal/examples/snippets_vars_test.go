package examples

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// variable is a variable block of a snippet, as far as the plan needs it.
type variable struct {
	Name       string
	Type       string // the type expression, "" when not given
	HasDefault bool
}

var (
	variableBlock = regexp.MustCompile(`^variable\s+"([^"]+)"\s*\{\s*(\}?)\s*$`)
	typeArg       = regexp.MustCompile(`^\s*type\s*=\s*(.+?)\s*$`)
	defaultArg    = regexp.MustCompile(`^\s*default\s*=`)
)

// declaredVariables reads the top-level variable blocks of formatted HCL:
// terraform fmt has put each block's closing brace alone at the start of a
// line, which is all this reader relies on.
func declaredVariables(hcl string) []variable {
	var vars []variable
	lines := strings.Split(hcl, "\n")
	for i := 0; i < len(lines); i++ {
		m := variableBlock.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		v := variable{Name: m[1]}
		if m[2] == "" {
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "}"); i++ {
				if t := typeArg.FindStringSubmatch(lines[i]); t != nil {
					v.Type = t[1]
				}
				if defaultArg.MatchString(lines[i]) {
					v.HasDefault = true
				}
			}
		}
		vars = append(vars, v)
	}
	return vars
}

// planValue is the TF_VAR_ value the plan gives a variable without a
// default: an ID of the simulator's seed when the name says which one, else
// a plain value of the type. It fails for types it cannot fill honestly.
func planValue(v variable, seed simulator.Seed) (string, error) {
	switch t := strings.ReplaceAll(v.Type, " ", ""); {
	case t == "number":
		return "1", nil
	case t == "bool":
		return "true", nil
	case strings.HasPrefix(t, "list(") || strings.HasPrefix(t, "set("):
		return "[]", nil
	case strings.HasPrefix(t, "map("):
		return "{}", nil
	case t != "" && t != "string" && t != "any":
		return "", fmt.Errorf("variable %q has no default, and the checker cannot make up a value of type %s: give it a default", v.Name, v.Type)
	}
	name := strings.ToLower(v.Name)
	switch {
	case strings.Contains(name, "waba"):
		return seed.WABAs[0].ID, nil
	case strings.Contains(name, "business_id"):
		return seed.Businesses[0].ID, nil
	case strings.Contains(name, "user_id"):
		return seed.Users[0].ID, nil
	case strings.Contains(name, "app_id"):
		return seed.Apps[0].ID, nil
	}
	return "example-" + strings.ReplaceAll(name, "_", "-"), nil
}
