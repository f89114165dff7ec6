package examples

import (
	"reflect"
	"strings"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// md turns a Markdown document written with three single quotes for fences
// into the real thing, so that the cases can be raw strings.
func md(s string) string { return strings.ReplaceAll(s, "'''", "```") }

// got is what a test compares of a snippet.
type got struct {
	Line int
	Body string
	Skip string
	Prev int // line of the continued snippet, 0 if none
}

func summarize(snippets []*snippet) []got {
	var out []got
	for _, s := range snippets {
		g := got{Line: s.Line, Body: s.Body, Skip: s.Skip}
		if s.Prev != nil {
			g.Prev = s.Prev.Line
		}
		out = append(out, g)
	}
	return out
}

func TestExtractSnippets(t *testing.T) {
	for _, tc := range []struct {
		name     string
		markdown string
		want     []got
		problems []string
	}{{
		name: "languages",
		markdown: md(`# Title

'''terraform
a = 1
'''

'''sh
terraform init
'''

'''hcl
b = 2
'''
~~~tf
c = 3
~~~
'''
no language
'''
`),
		want: []got{{Line: 3, Body: "a = 1\n"}, {Line: 11, Body: "b = 2\n"}, {Line: 14, Body: "c = 3\n"}},
	}, {
		name: "a fence inside a longer fence is text",
		markdown: md(`''''markdown
'''terraform
a = 1
'''
''''
`),
	}, {
		name:     "indented fence in a list item",
		markdown: md("- item\n\n  '''terraform\n  a = {\n    b = 1\n  }\n  '''\n"),
		want:     []got{{Line: 3, Body: "a = {\n  b = 1\n}\n"}},
	}, {
		name:     "unclosed fence runs to the end",
		markdown: md("'''hcl\na = 1\n"),
		want:     []got{{Line: 1, Body: "a = 1\n\n"}},
	}, {
		name: "continues chains to the previous snippet",
		markdown: md(`'''terraform
resource "x" "y" {}
'''
<!-- snippet: continues -->
'''terraform
import {}
'''

<!--snippet:continues-->

'''tf
moved {}
'''
`),
		want: []got{
			{Line: 1, Body: "resource \"x\" \"y\" {}\n"},
			{Line: 5, Body: "import {}\n", Prev: 1},
			{Line: 11, Body: "moved {}\n", Prev: 5},
		},
	}, {
		name:     "skip with a reason",
		markdown: md("<!-- snippet: skip (needs a module source) -->\n'''terraform\nmodule \"m\" {}\n'''\n"),
		want:     []got{{Line: 2, Body: "module \"m\" {}\n", Skip: "needs a module source"}},
	}, {
		name:     "skip without a reason",
		markdown: md("<!-- snippet: skip -->\n'''terraform\na = 1\n'''\n<!-- snippet: skip ( ) -->\n'''terraform\nb = 1\n'''\n"),
		want:     []got{{Line: 2, Body: "a = 1\n"}, {Line: 6, Body: "b = 1\n"}},
		problems: []string{
			"doc.md:1: <!-- snippet: skip --> needs a reason: <!-- snippet: skip (why it cannot be checked) -->",
			"doc.md:5: <!-- snippet: skip () --> needs a reason between the parentheses",
		},
	}, {
		name:     "continues on the first snippet",
		markdown: md("<!-- snippet: continues -->\n'''terraform\na = 1\n'''\n"),
		want:     []got{{Line: 2, Body: "a = 1\n"}},
		problems: []string{"doc.md:1: <!-- snippet: continues --> on the first snippet of the file: there is nothing to continue"},
	}, {
		name:     "continues a skipped snippet",
		markdown: md("<!-- snippet: skip (why) -->\n'''terraform\na = 1\n'''\n<!-- snippet: continues -->\n'''terraform\nb = 1\n'''\n"),
		want:     []got{{Line: 2, Body: "a = 1\n", Skip: "why"}, {Line: 6, Body: "b = 1\n", Prev: 2}},
		problems: []string{"doc.md:5: <!-- snippet: continues --> continues the snippet at line 2, which is skipped: skip this one too, with its own reason"},
	}, {
		name:     "unknown and malformed directives",
		markdown: md("<!-- snippet: contineus -->\n'''terraform\na = 1\n'''\n<!-- snippet: skip (x) --> text\n'''terraform\nb = 1\n'''\n"),
		want:     []got{{Line: 2, Body: "a = 1\n"}, {Line: 6, Body: "b = 1\n"}},
		problems: []string{
			`doc.md:1: unknown directive "contineus": the directives are <!-- snippet: continues --> and <!-- snippet: skip (reason) -->`,
			`doc.md:5: malformed directive "<!-- snippet: skip (x) --> text": write <!-- snippet: continues --> or <!-- snippet: skip (reason) --> alone on its line`,
		},
	}, {
		name:     "directive before text or another language",
		markdown: md("<!-- snippet: continues -->\nSome text.\n\n<!-- snippet: skip (x) -->\n'''sh\nls\n'''\n<!-- snippet: continues -->\n"),
		problems: []string{
			"doc.md:1: a <!-- snippet: ... --> directive must come right before a ```terraform, ```hcl or ```tf block",
			"doc.md:4: a <!-- snippet: ... --> directive must come right before a ```terraform, ```hcl or ```tf block",
			"doc.md:8: a <!-- snippet: ... --> directive must come right before a ```terraform, ```hcl or ```tf block",
		},
	}, {
		name:     "directive words in the info string",
		markdown: md("'''terraform\na = 1\n'''\n'''terraform continues\nb = 1\n'''\n"),
		want:     []got{{Line: 1, Body: "a = 1\n"}, {Line: 4, Body: "b = 1\n"}},
		problems: []string{`doc.md:4: "continues" after the language is not read: put <!-- snippet: continues --> or <!-- snippet: skip (reason) --> on the line before the fence`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			snippets, problems := extractSnippets("doc.md", tc.markdown)
			if g := summarize(snippets); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("snippets:\n got %+v\nwant %+v", g, tc.want)
			}
			if !reflect.DeepEqual(problems, tc.problems) {
				t.Errorf("problems:\n got %q\nwant %q", problems, tc.problems)
			}
		})
	}
}

func TestDeclaredVariables(t *testing.T) {
	hcl := `variable "token" {
  type      = string
  sensitive = true
}

variable "n" {
  type    = number
  default = 3
}

variable "empty" {}

locals {
  variable = "not a block"
}
`
	want := []variable{{Name: "token", Type: "string"}, {Name: "n", Type: "number", HasDefault: true}, {Name: "empty"}}
	if got := declaredVariables(hcl); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestPlanValue(t *testing.T) {
	seed := simulator.DefaultSeed()
	for _, tc := range []struct {
		v    variable
		want string
	}{
		{variable{Name: "verify_token", Type: "string"}, "example-verify-token"},
		{variable{Name: "webhook_verify_token"}, "example-webhook-verify-token"},
		{variable{Name: "waba_id"}, seed.WABAs[0].ID},
		{variable{Name: "business_id", Type: "string"}, seed.Businesses[0].ID},
		{variable{Name: "token_version", Type: "number"}, "1"},
		{variable{Name: "enabled", Type: "bool"}, "true"},
		{variable{Name: "fields", Type: "list(string)"}, "[]"},
		{variable{Name: "team", Type: "map(list(string))"}, "{}"},
	} {
		got, err := planValue(tc.v, seed)
		if err != nil || got != tc.want {
			t.Errorf("planValue(%+v) = %q, %v; want %q", tc.v, got, err, tc.want)
		}
	}
	if _, err := planValue(variable{Name: "o", Type: "object({ a = string })"}, seed); err == nil {
		t.Error("an object variable without a default got a made-up value")
	}
}

func TestMissingImportTargets(t *testing.T) {
	resource := &snippet{File: "doc.md", Line: 10, Body: "resource \"whatsapp_subscribed_app\" \"example\" {\n  waba_id = \"1\"\n}\n"}
	imp := "import {\n  to = whatsapp_subscribed_app.example\n  id = \"1\"\n}\n"
	alone := &snippet{File: "doc.md", Line: 20, Body: imp}
	want := []string{"doc.md:22: import block: whatsapp_subscribed_app.example is not declared in the snippet: add the resource, or put <!-- snippet: continues --> before the fence to check it with the snippet that declares it (in the snippet at line 20)"}
	if got := missingImportTargets(alone); !reflect.DeepEqual(got, want) {
		t.Errorf("alone:\n got %q\nwant %q", got, want)
	}
	continued := &snippet{File: "doc.md", Line: 20, Body: imp, Prev: resource}
	if got := missingImportTargets(continued); got != nil {
		t.Errorf("continued: %q", got)
	}
	together := &snippet{File: "doc.md", Line: 20, Body: resource.Body + "\n" + imp}
	if got := missingImportTargets(together); got != nil {
		t.Errorf("together: %q", got)
	}
}
