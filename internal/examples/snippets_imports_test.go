package examples

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	importTo      = regexp.MustCompile(`^\s*to\s*=\s*([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)`)
	resourceBlock = regexp.MustCompile(`(?m)^resource\s+"([^"]+)"\s+"([^"]+)"`)
)

// missingImportTargets reports each import block of s whose target resource
// is declared neither in s nor in the snippets it continues.
func missingImportTargets(s *snippet) []string {
	declared := map[string]bool{}
	for _, part := range s.chain() {
		for _, m := range resourceBlock.FindAllStringSubmatch(part.Body, -1) {
			declared[m[1]+"."+m[2]] = true
		}
	}
	var problems []string
	inImport := false
	for i, line := range strings.Split(s.Body, "\n") {
		switch {
		case strings.HasPrefix(line, "import {"):
			inImport = true
		case strings.HasPrefix(line, "}"):
			inImport = false
		case inImport:
			m := importTo.FindStringSubmatch(line)
			if m == nil || m[1] == "module" || m[1] == "data" {
				continue
			}
			if target := m[1] + "." + m[2]; !declared[target] {
				problems = append(problems, at(s, s.Line+1+i, "%s", fmt.Sprintf(
					"import block: %s is not declared in the snippet: add the resource, or put <!-- snippet: continues --> before the fence to check it with the snippet that declares it", target)))
			}
		}
	}
	return problems
}
