package examples

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// snippetChecker runs terraform fmt, validate and plan on snippets.
type snippetChecker struct {
	binDir  string         // the provider built from this tree
	seed    simulator.Seed // what the simulator serves
	simEnv  []string       // points the provider at the simulator
	tempDir func() string  // a fresh directory per call
}

// whatsappRequired finds a required_providers block that names whatsapp.
var whatsappRequired = regexp.MustCompile(`(?s)required_providers\s*\{.*?\bwhatsapp\s*=`)

// check returns what is wrong with s, one message per problem, each
// starting with the file and line it is about, and the steps it ran.
func (c *snippetChecker) check(ctx context.Context, s *snippet) (problems, ran []string) {
	if s.Skip != "" {
		return nil, nil
	}
	ws, err := c.workspace(s)
	if err != nil {
		return []string{at(s, s.Line, "setting up the workspace: %v", err)}, nil
	}
	problems, ran = checkFormat(ctx, ws, s), []string{"fmt", "validate"}
	if diags := c.run(ctx, ws, nil, s, "validate", "-json", "-no-color"); len(diags) > 0 {
		return append(problems, diags...), ran
	}
	// terraform validate accepts an import block whose resource is missing;
	// only a plan, which not every snippet gets, would refuse it.
	if missing := missingImportTargets(s); len(missing) > 0 {
		return append(problems, missing...), ran
	}
	if why := planSkipReason(s); why != "" {
		return problems, append(ran, "no plan: "+why)
	}
	env, err := c.planVariables(s)
	if err != nil {
		return append(problems, at(s, s.Line, "terraform plan: %v", err)), ran
	}
	ran = append(ran, "plan")
	return append(problems, c.run(ctx, ws, env, s, "plan", "-json", "-input=false", "-lock=false", "-no-color")...), ran
}

// checkFormat is terraform fmt -check on the snippet's own file.
func checkFormat(ctx context.Context, ws *tfcli.Workspace, s *snippet) []string {
	out, err := ws.Command(ctx, "fmt", "-check", "-diff", "-no-color", fileName(s)).CombinedOutput()
	if err == nil {
		return nil
	}
	return []string{at(s, s.Line, "terraform fmt: the snippet is not formatted (%v):\n%s", err, indent(string(out)))}
}

// workspace writes s and the snippets it continues into a fresh workspace,
// one file each, adding a required_providers block when none names the
// whatsapp provider. It adds nothing else.
func (c *snippetChecker) workspace(s *snippet) (*tfcli.Workspace, error) {
	ws, err := tfcli.NewWorkspace(c.tempDir(), c.binDir, c.simEnv...)
	if err != nil {
		return nil, err
	}
	declared := false
	for _, part := range s.chain() {
		if err := ws.WriteFile(fileName(part), part.Body); err != nil {
			return nil, err
		}
		declared = declared || whatsappRequired.MatchString(part.Body)
	}
	if !declared {
		err = ws.WriteFile("zz_required_providers.tf", requiredProviders)
	}
	return ws, err
}

// fileName names a snippet's file in the workspace by its line, so that a
// diagnostic's range leads back to the Markdown file.
func fileName(s *snippet) string { return fmt.Sprintf("snippet_line_%d.tf", s.Line) }

// planSkipReason says why a snippet is validated but not planned, or "".
// whatsapp_app_webhook_subscription needs the app secret, which the
// simulator's environment does not give, and Meta's verification of an https
// callback, which a plan would not reach anyway.
func planSkipReason(s *snippet) string {
	for _, part := range s.chain() {
		if strings.Contains(part.Body, "whatsapp_app_webhook_subscription") {
			return "whatsapp_app_webhook_subscription needs the app secret and a verifiable https callback"
		}
	}
	return ""
}

// planVariables gives every variable without a default a plausible value.
func (c *snippetChecker) planVariables(s *snippet) ([]string, error) {
	var env []string
	for _, part := range s.chain() {
		for _, v := range declaredVariables(part.Body) {
			if v.HasDefault {
				continue
			}
			val, err := planValue(v, c.seed)
			if err != nil {
				return nil, err
			}
			env = append(env, "TF_VAR_"+v.Name+"="+val)
		}
	}
	return env, nil
}

// run runs a terraform command with JSON output and returns its error
// diagnostics as messages; a failure without diagnostics is reported with
// the command's output.
func (c *snippetChecker) run(ctx context.Context, ws *tfcli.Workspace, env []string, s *snippet, args ...string) []string {
	var out bytes.Buffer
	cmd := ws.Command(ctx, args...)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	var problems []string
	for _, d := range errorDiagnostics(out.Bytes()) {
		line := s.Line
		for _, part := range s.chain() {
			if d.Range != nil && d.Range.Filename == fileName(part) {
				line = part.Line + d.Range.Start.Line
			}
		}
		msg := d.Summary
		if detail := strings.Join(strings.Fields(d.Detail), " "); detail != "" {
			msg += ": " + detail
		}
		problems = append(problems, at(s, line, "terraform %s: %s", args[0], msg))
	}
	var exit *exec.ExitError
	if runErr != nil && (len(problems) == 0 || !errors.As(runErr, &exit)) {
		problems = append(problems, at(s, s.Line, "terraform %s: %v\n%s", args[0], runErr, indent(out.String())))
	}
	return problems
}

// diagnostic is the part of Terraform's JSON diagnostics the messages use.
type diagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Range    *struct {
		Filename string `json:"filename"`
		Start    struct {
			Line int `json:"line"`
		} `json:"start"`
	} `json:"range"`
}

// errorDiagnostics reads the error diagnostics of terraform validate -json
// (one document) or terraform plan -json (one message a line).
func errorDiagnostics(out []byte) []diagnostic {
	var diags []diagnostic
	var validate struct {
		Diagnostics []diagnostic `json:"diagnostics"`
	}
	if json.Unmarshal(out, &validate) == nil {
		diags = validate.Diagnostics
	} else {
		for _, line := range bytes.Split(out, []byte("\n")) {
			var msg struct {
				Type       string      `json:"type"`
				Diagnostic *diagnostic `json:"diagnostic"`
			}
			if json.Unmarshal(line, &msg) == nil && msg.Type == "diagnostic" && msg.Diagnostic != nil {
				diags = append(diags, *msg.Diagnostic)
			}
		}
	}
	var errs []diagnostic
	for _, d := range diags {
		if d.Severity == "error" {
			errs = append(errs, d)
		}
	}
	return errs
}

// at formats a message about line of s's file, naming the snippet when the
// line is inside another one (a diagnostic in a continued snippet or deep in
// the code).
func at(s *snippet, line int, format string, args ...any) string {
	msg := fmt.Sprintf("%s:%d: ", s.File, line) + fmt.Sprintf(format, args...)
	if line != s.Line {
		msg += fmt.Sprintf(" (in the snippet at line %d)", s.Line)
	}
	return msg
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
