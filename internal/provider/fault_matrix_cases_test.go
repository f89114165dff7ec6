package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// Settings of every matrix run. Transient faults fire matrixTransientTimes
// times, fewer than the provider's max_retries, so a correct client absorbs
// them; permanent ones fire on every attempt.
const (
	matrixMaxRetries     = 4
	matrixTransientTimes = 2
	matrixRequestTimeout = "1s"
	// matrixSlowDelay outlasts request_timeout, so a slow answer is a
	// timed-out attempt.
	matrixSlowDelay = 3 * time.Second
)

// matrixFault is one column of the matrix.
type matrixFault struct {
	label string
	key   string // used in resource names
	fault simulator.Fault
	// retryable is false for a 200 that Graph means as a refusal: it must
	// fail at once, so there is no transient form to absorb.
	retryable bool
	// want is what the permanent diagnostic must say (whitespace collapsed):
	// the Graph code, or the HTTP status when Graph sent no code.
	want string
	// trace is whether a response (and so an fbtrace_id) came back.
	trace bool
	// hitsPerAttempt is how often one client attempt may reach the server;
	// 0 is "any number": when a reused connection is reset, net/http replays
	// an idempotent GET on the next pooled connection, below the retrying
	// client and outside its count.
	hitsPerAttempt int
	// throttle is a rate-limit refusal, proof that Graph applied nothing:
	// retried even for a call applied once (see matrixKind.applyOnce).
	// Every other retryable fault leaves open whether Graph applied the
	// call.
	throttle bool
}

func graphCode(code int) simulator.Fault {
	return simulator.Fault{Kind: simulator.FaultGraphError, Code: code}
}

func httpStatus(status int) simulator.Fault {
	return simulator.Fault{Kind: simulator.FaultHTTPStatus, Status: status}
}

// matrixFaults are the columns: what Meta, or something between Meta and the
// provider, can do to a call.
var matrixFaults = []matrixFault{
	{"HTTP 500", "http500", httpStatus(500), true, `Graph API error 1 .* HTTP: 500 `, true, 1, false},
	{"HTTP 502", "http502", httpStatus(502), true, `Graph API error 1 .* HTTP: 502 `, true, 1, false},
	{"HTTP 503", "http503", httpStatus(503), true, `Graph API error 2 .* HTTP: 503 `, true, 1, false},
	{"HTTP 504", "http504", httpStatus(504), true, `Graph API error 1 .* HTTP: 504 `, true, 1, false},
	{"conn reset", "reset", simulator.Fault{Kind: simulator.FaultReset}, true, `(GET|POST|DELETE) /\d+.* failed .*(reset|EOF)`, false, 0, false},
	{"slow > timeout", "slow", simulator.Fault{Kind: simulator.FaultSlow, Delay: simulator.Duration(matrixSlowDelay)}, true, `(GET|POST|DELETE) /\d+.* failed .*(Timeout|deadline)`, false, 1, false},
	{"code 1", "code1", graphCode(1), true, `Graph API error 1 .* Code: 1 `, true, 1, false},
	{"code 2", "code2", graphCode(2), true, `Graph API error 2 .* Code: 2 `, true, 1, false},
	{"code 4", "code4", graphCode(4), true, `Graph API error 4 .* Code: 4 `, true, 1, true},
	{"code 17", "code17", graphCode(17), true, `Graph API error 17 .* Code: 17 `, true, 1, true},
	{"code 80008", "code80008", graphCode(80008), true, `Graph API error 80008 .* Code: 80008 `, true, 1, true},
	{"code 130429", "code130429", graphCode(130429), true, `Graph API error 130429 .* Code: 130429 `, true, 1, true},
	// 131057 (account in maintenance) is not on the client's list of
	// transient codes: only is_transient makes it retryable.
	{"is_transient", "flagged", simulator.Fault{Kind: simulator.FaultGraphError, Code: 131057, Transient: true}, true, `Graph API error 131057 `, true, 1, false},
	{"HTML page", "html", simulator.Fault{Kind: simulator.FaultHTML}, true, `HTTP 502 .*text/html`, true, 1, false},
	{"truncated JSON", "truncated", simulator.Fault{Kind: simulator.FaultTruncated}, true, `HTTP 200 .*not the JSON Graph sends`, true, 1, false},
	{"empty body", "empty", simulator.Fault{Kind: simulator.FaultEmpty}, true, `HTTP 200 .*not the JSON Graph sends`, true, 1, false},
	{"success:false", "refused", simulator.Fault{Kind: simulator.FaultSuccessFalse}, false, `HTTP 200 `, true, 1, false},
	// Graph's "missing or not visible": never retried, and never read as
	// proof that an object is gone.
	{"code 100/33", "hidden", simulator.Fault{Kind: simulator.FaultGraphError, Code: 100, Subcode: 33}, false, `Graph API error 100 .* Subcode: 33 `, true, 1, false},
}

// Phases of a resource's life the matrix breaks.
const (
	phaseCreate = "create"
	// phaseCheck breaks the read a create makes first, to refuse an object
	// that already exists.
	phaseCheck  = "check"
	phaseRead   = "read"
	phaseUpdate = "update"
	phaseDelete = "delete"
)

// matrixKind is a resource or data source type the matrix covers.
type matrixKind struct {
	typeName string // "whatsapp_subscribed_app", or the data source type
	data     bool
	// applyOnce is the phase whose write the client makes at most once (a
	// create that makes a new object on every call): only a throttle is
	// retried, and any other retryable fault ends the write at its first
	// attempt with an error saying the outcome is unknown.
	applyOnce string
	edge      string // path after the WABA ID; "" for the node itself
	// numberWrites: the writes go to the case's phone number
	// (/{phone-number-id}, see matrixPhone) followed by numberEdge, the
	// reads to the edge; a delete is a write that clears, a POST.
	numberWrites bool
	// numberItems: every call goes to numberEdge of the case's phone
	// number, reads and writes alike (edge is unused), and a delete is a
	// DELETE of the one item the resource made there.
	numberItems bool
	numberEdge  string // path after /{phone-number-id}
	// nodeUpdates: an update is a write to the object's own node, /{id},
	// with the ID Graph gave it, which the harness learns from the
	// simulator once the clean step made the object (matrixCase.id).
	nodeUpdates bool
	// reviewed: Meta reviews every new or edited object, and an edit needs
	// the review ended: before an update the harness ends it, approving
	// the object, as Meta would.
	reviewed bool
	// keptOnDestroy: a destroy sends nothing (Graph has no call that
	// deletes the object; the resource only leaves state, with a
	// warning), so there is no call for the delete phase to break.
	keptOnDestroy bool
}

var (
	kindSubscribedApp      = matrixKind{typeName: "whatsapp_subscribed_app", edge: "/subscribed_apps"}
	kindAssignedUser       = matrixKind{typeName: "whatsapp_assigned_user", edge: "/assigned_users"}
	kindBusinessAccount    = matrixKind{typeName: "whatsapp_business_account", data: true}
	kindPhoneNumberWebhook = matrixKind{typeName: "whatsapp_phone_number_webhook", edge: "/phone_numbers", numberWrites: true}
	// The automation is read with the WABA's numbers and written, and
	// cleared on destroy, with a POST to the number's edge.
	kindConversationalAutomation = matrixKind{typeName: "whatsapp_conversational_automation", edge: "/phone_numbers",
		numberWrites: true, numberEdge: "/conversational_automation"}
	// A QR code is made, changed, read and deleted on the number alone.
	// Every create makes a new code, so it is applied once.
	kindQRCode = matrixKind{typeName: "whatsapp_qr_code", numberItems: true, numberEdge: "/message_qrdls", applyOnce: phaseCreate}
	// A profile is read with the WABA's numbers and written with a POST to
	// the number's edge; every number has one, which nothing deletes.
	kindBusinessProfile = matrixKind{typeName: "whatsapp_business_profile", edge: "/phone_numbers",
		numberWrites: true, numberEdge: "/whatsapp_business_profile", keptOnDestroy: true}
	// A template is read, made and deleted on the WABA's edge and edited
	// on its own node. A second create of its name fails as existing, so
	// the create is applied once.
	kindMessageTemplate = matrixKind{typeName: "whatsapp_message_template", edge: "/message_templates",
		applyOnce: phaseCreate, nodeUpdates: true, reviewed: true}
)

// matrixCase is one cell: a fault, transient or permanent, on one kind in
// one phase, each on its own WABA so that faults and results never mix.
type matrixCase struct {
	kind      matrixKind
	fault     matrixFault
	permanent bool
	waba      string
	// id is the ID Graph gave the case's object, for a kind with
	// nodeUpdates; the harness sets it once the object exists.
	id string
}

func (c matrixCase) name() string {
	mode := "t_"
	if c.permanent {
		mode = "p_"
	}
	return mode + c.fault.key
}

func (c matrixCase) addr() string {
	if c.kind.data {
		return "data." + c.kind.typeName + "." + c.name()
	}
	return c.kind.typeName + "." + c.name()
}

// path is a regular expression for the path of the case's requests with
// method in phase, without the API version, as faults match it.
func (c matrixCase) path(phase, method string) string {
	number := "/" + matrixPhone(c.waba) + c.kind.numberEdge
	switch {
	case c.kind.nodeUpdates && phase == phaseUpdate:
		return "/" + regexp.QuoteMeta(c.id)
	case c.kind.numberItems && method == http.MethodDelete:
		// The item's ID is Graph's to choose: a QR code is 14 of A-Z, 2-7.
		return number + "/[A-Z2-7]+"
	case c.kind.numberItems, c.kind.numberWrites && method != http.MethodGet:
		return number
	}
	return "/" + c.waba + c.kind.edge
}

// outcomeUnknown reports whether the case's fault, in phase, leaves the
// client unable to tell whether Graph applied a write it must apply once:
// the write fails at its first attempt, with nothing retried.
func (c matrixCase) outcomeUnknown(phase string) bool {
	return c.kind.applyOnce == phase && c.fault.retryable && !c.fault.throttle
}

// method is the method of the case's call that a phase breaking method
// calls breaks: a number's override is removed with a POST, not a DELETE.
func (c matrixCase) method(method string) string {
	if c.kind.numberWrites && method == http.MethodDelete {
		return http.MethodPost
	}
	return method
}

// matrixPhone is the phone number of a case's WABA: the WABA's ID with its
// leading 3 made a 4, so that no two cases share a number.
func matrixPhone(waba string) string { return "4" + waba[1:] }

// matrixPhoneWABA is the WABA of a case's phone number, matrixPhone undone.
func matrixPhoneWABA(phone string) string { return "3" + phone[1:] }

// matrixCases lists every case of a phase: each fault once transient (when
// it can be) and once permanent, for each kind.
func matrixCases(kinds []matrixKind, firstWABA int) []matrixCase {
	var out []matrixCase
	n := firstWABA
	for _, k := range kinds {
		for _, f := range matrixFaults {
			for _, permanent := range []bool{false, true} {
				if !permanent && !f.retryable {
					continue
				}
				out = append(out, matrixCase{kind: k, fault: f, permanent: permanent, waba: fmt.Sprint(n)})
				n++
			}
		}
	}
	return out
}

// matrixSeed is the default fixture data plus one WABA per case.
func matrixSeed(cases []matrixCase) simulator.Seed {
	seed := simulator.DefaultSeed()
	business := seed.Businesses[0].ID
	for _, c := range cases {
		w := simulator.WABA{ID: c.waba, BusinessID: business, Fields: map[string]any{"name": "WABA " + c.waba}}
		if c.kind.numberWrites || c.kind.numberItems {
			// A number, with no automation set, no QR code yet and a
			// profile nobody filled in.
			w.PhoneNumbers = []map[string]any{{"id": matrixPhone(c.waba)}}
		}
		if c.kind == kindPhoneNumberWebhook {
			// The subscription Meta requires before a number's override.
			w.Subscriptions = []simulator.Subscription{{AppID: seed.Tokens[0].AppID}}
		}
		seed.WABAs = append(seed.WABAs, w)
	}
	return seed
}

// matrixConfig renders the provider and every case's resource; version picks
// the first (1) or second (2) set of values, so that 1 -> 2 is an update.
func matrixConfig(seed simulator.Seed, cases []matrixCase, version int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "provider \"whatsapp\" {\n  business_id     = %q\n  max_retries     = %d\n  request_timeout = %q\n}\n",
		seed.Businesses[0].ID, matrixMaxRetries, matrixRequestTimeout)
	tasks := map[int]string{1: `["MANAGE"]`, 2: `["DEVELOP"]`}
	for _, c := range cases {
		switch c.kind {
		case kindSubscribedApp:
			fmt.Fprintf(&b, "resource %q %q {\n  waba_id                 = %q\n  override_callback_uri   = %q\n  verify_token_wo         = \"matrix-verify-%d\"\n  verify_token_wo_version = %d\n}\n",
				c.kind.typeName, c.name(), c.waba, matrixCallback(version), version, version)
		case kindAssignedUser:
			fmt.Fprintf(&b, "resource %q %q {\n  waba_id = %q\n  user_id = %q\n  tasks   = %s\n}\n",
				c.kind.typeName, c.name(), c.waba, matrixUser(seed), tasks[version])
		case kindBusinessAccount:
			fmt.Fprintf(&b, "data %q %q {\n  id = %q\n}\n", c.kind.typeName, c.name(), c.waba)
		case kindPhoneNumberWebhook:
			b.WriteString(phoneWebhookBlock(c.name(), c.waba, matrixPhone(c.waba), matrixCallback(version), fmt.Sprintf("matrix-verify-%d", version), version))
		case kindConversationalAutomation:
			// Every field changes from 1 to 2, so that a write applied in
			// part would show.
			welcome, prompt, command := matrixAutomation(version)
			b.WriteString(automationBlock(c.name(), c.waba, matrixPhone(c.waba), fmt.Sprintf(
				"  enable_welcome_message = %t\n  prompts = [%q]\n  commands = [{ command_name = %q, command_description = \"Matrix command\" }]",
				welcome, prompt, command)))
		case kindQRCode:
			// Only prefilled_message changes: it is what an update writes
			// (a new image_format is only a read of the same code).
			b.WriteString(qrCodeBlock(c.name(), matrixPhone(c.waba), matrixQRMessage(version), "PNG"))
		case kindBusinessProfile:
			// No picture, so that every write is the one POST; both fields
			// change from 1 to 2, so that a write applied in part would
			// show.
			about, description := matrixProfile(version)
			b.WriteString(profileBlock(c.name(), c.waba, matrixPhone(c.waba), fmt.Sprintf("  about       = %q\n  description = %q", about, description)))
		case kindMessageTemplate:
			// Only the body changes: an edit of the components, which
			// Meta allows on an APPROVED template (not of its category).
			fmt.Fprintf(&b, "resource %q %q {\n  waba_id  = %q\n  name     = %q\n  language = \"en_US\"\n  category = \"UTILITY\"\n  body     = { text = %q }\n}\n",
				c.kind.typeName, c.name(), c.waba, matrixTemplateName(c.waba), matrixTemplateBody(version))
		}
	}
	return b.String()
}

// matrixEmptyConfig is the provider alone: applying it destroys everything.
func matrixEmptyConfig(seed simulator.Seed) string {
	return matrixConfig(seed, nil, 1)
}

func matrixCallback(version int) string {
	return fmt.Sprintf("https://hooks.example.com/fault-matrix/v%d", version)
}

// matrixAutomation is the conversational automation of version: the
// welcome message, the one ice breaker and the one command's name.
func matrixAutomation(version int) (welcome bool, prompt, command string) {
	return version == 2, fmt.Sprintf("Matrix prompt v%d", version), fmt.Sprintf("matrix_v%d", version)
}

// matrixAutomationValue is an automation as exists reports it.
func matrixAutomationValue(welcome bool, prompts, commands []string) string {
	return fmt.Sprintf("welcome %t, prompts [%s], commands [%s]", welcome, strings.Join(prompts, ","), strings.Join(commands, ","))
}

func matrixQRMessage(version int) string { return fmt.Sprintf("Matrix QR code v%d", version) }

// matrixProfile is the business profile of version: its about text and
// description.
func matrixProfile(version int) (about, description string) {
	return fmt.Sprintf("Matrix about v%d", version), fmt.Sprintf("Matrix description v%d", version)
}

// matrixProfileValue is a profile as exists reports it.
func matrixProfileValue(about, description string) string {
	return fmt.Sprintf("about %q, description %q", about, description)
}

// matrixTemplateName is the name of a case's template: unique per WABA is
// enough for Graph, but a name that carries the WABA lets a diagnostic
// naming only the template be told apart (see errorBlocks).
func matrixTemplateName(waba string) string { return "matrix_" + waba }

func matrixTemplateBody(version int) string { return fmt.Sprintf("Matrix template body v%d", version) }

// matrixValue is the value exists reports for the kind's object as version
// of the configuration sets it.
func matrixValue(k matrixKind, version int) string {
	switch k {
	case kindAssignedUser:
		return map[int]string{1: "MANAGE", 2: "DEVELOP"}[version]
	case kindConversationalAutomation:
		welcome, prompt, command := matrixAutomation(version)
		return matrixAutomationValue(welcome, []string{prompt}, []string{command})
	case kindQRCode:
		return matrixQRMessage(version)
	case kindBusinessProfile:
		return matrixProfileValue(matrixProfile(version))
	case kindMessageTemplate:
		return matrixTemplateBody(version)
	}
	return matrixCallback(version)
}

// matrixUser is a business user of the seed's business (not the system user
// some WABAs already have assigned).
func matrixUser(seed simulator.Seed) string { return seed.Users[1].ID }
