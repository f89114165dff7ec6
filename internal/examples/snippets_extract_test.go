package examples

import (
	"fmt"
	"regexp"
	"strings"
)

// snippet is one fenced HCL block of a Markdown file.
type snippet struct {
	// File is the Markdown file, relative to the directory checked, with
	// forward slashes: it starts every message.
	File string
	// Line is the line of the opening fence, counting from 1; the snippet's
	// first line of code is Line+1.
	Line int
	// Body is the code between the fences, ending in a newline.
	Body string
	// Skip is the reason given by <!-- snippet: skip (reason) -->.
	Skip string
	// Prev is the snippet this one continues, when it is marked
	// <!-- snippet: continues -->.
	Prev *snippet
}

// chain returns the snippets checked together with s: those it continues,
// oldest first, then s.
func (s *snippet) chain() []*snippet {
	var out []*snippet
	for c := s; c != nil; c = c.Prev {
		out = append([]*snippet{c}, out...)
	}
	return out
}

// hclLanguages are the info strings of the fences the checker reads.
var hclLanguages = map[string]bool{"terraform": true, "hcl": true, "tf": true}

var (
	fenceOpen      = regexp.MustCompile("^( {0,3})(`{3,}|~{3,})(.*)$")
	directiveStart = regexp.MustCompile(`<!--\s*snippet\b`)
	directiveLine  = regexp.MustCompile(`^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$`)
	skipDirective  = regexp.MustCompile(`^skip\s*\((.*)\)$`)
)

// extractSnippets returns the HCL snippets of a Markdown document, with the
// continues and skip directives applied, and the misuses of those
// directives as messages in the file:line: form.
func extractSnippets(file, markdown string) ([]*snippet, []string) {
	lines := strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n")
	var (
		snippets []*snippet
		problems []string
		pending  string // the directive waiting for its fence
		pendLine int
	)
	problem := func(line int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: ", file, line)+fmt.Sprintf(format, args...))
	}
	orphan := func() {
		if pendLine != 0 {
			problem(pendLine, "a <!-- snippet: ... --> directive must come right before a ```terraform, ```hcl or ```tf block")
			pendLine = 0
		}
	}
	for i := 0; i < len(lines); i++ {
		m := fenceOpen.FindStringSubmatch(lines[i])
		if m == nil || (m[2][0] == '`' && strings.Contains(m[3], "`")) {
			switch {
			case strings.TrimSpace(lines[i]) == "":
			case directiveStart.MatchString(lines[i]):
				orphan()
				d := directiveLine.FindStringSubmatch(lines[i])
				if d == nil {
					problem(i+1, "malformed directive %q: write <!-- snippet: continues --> or <!-- snippet: skip (reason) --> alone on its line", strings.TrimSpace(lines[i]))
					continue
				}
				pending, pendLine = d[1], i+1
			default:
				orphan()
			}
			continue
		}
		start, indent, fence, info := i+1, len(m[1]), m[2], strings.Fields(m[3])
		var body []string
		for i++; i < len(lines) && !closesFence(lines[i], fence); i++ {
			body = append(body, dedent(lines[i], indent))
		}
		lang := ""
		if len(info) > 0 {
			lang = strings.ToLower(info[0])
		}
		if !hclLanguages[lang] {
			orphan()
			continue
		}
		s := &snippet{File: file, Line: start, Body: strings.Join(body, "\n") + "\n"}
		for _, word := range info[1:] {
			if word == "continues" || word == "skip" || word == "no-check" {
				problem(start, "%q after the language is not read: put <!-- snippet: continues --> or <!-- snippet: skip (reason) --> on the line before the fence", word)
			}
		}
		if pendLine != 0 {
			if err := applyDirective(s, pending, snippets); err != "" {
				problem(pendLine, "%s", err)
			}
			pendLine = 0
		}
		snippets = append(snippets, s)
	}
	orphan()
	return snippets, problems
}

// applyDirective sets s up as directive d asks; it returns what is wrong
// with d, or "".
func applyDirective(s *snippet, d string, before []*snippet) string {
	if d == "continues" {
		if len(before) == 0 {
			return "<!-- snippet: continues --> on the first snippet of the file: there is nothing to continue"
		}
		s.Prev = before[len(before)-1]
		for _, c := range s.Prev.chain() {
			if c.Skip != "" {
				return fmt.Sprintf("<!-- snippet: continues --> continues the snippet at line %d, which is skipped: skip this one too, with its own reason", c.Line)
			}
		}
		return ""
	}
	if m := skipDirective.FindStringSubmatch(d); m != nil {
		if s.Skip = strings.TrimSpace(m[1]); s.Skip == "" {
			return "<!-- snippet: skip () --> needs a reason between the parentheses"
		}
		return ""
	}
	if d == "skip" {
		return "<!-- snippet: skip --> needs a reason: <!-- snippet: skip (why it cannot be checked) -->"
	}
	return fmt.Sprintf("unknown directive %q: the directives are <!-- snippet: continues --> and <!-- snippet: skip (reason) -->", d)
}

// closesFence reports whether line closes a block opened by fence:
// the same character, at least as many times, up to three spaces of indent
// and nothing else.
func closesFence(line, fence string) bool {
	t := strings.TrimRight(line, " \t")
	trimmed := strings.TrimLeft(t, " ")
	if len(t)-len(trimmed) > 3 || len(trimmed) < len(fence) {
		return false
	}
	return strings.Trim(trimmed, fence[:1]) == ""
}

// dedent removes up to n leading spaces, as CommonMark does for the code of
// an indented fence.
func dedent(line string, n int) string {
	for i := 0; i < n && strings.HasPrefix(line, " "); i++ {
		line = line[1:]
	}
	return line
}
