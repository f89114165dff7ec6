package simulator

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

const templatesPath = wabaPath + "/message_templates"

// Seeded template IDs of the default seed.
const (
	helloWorldID = "1192339204654487"
	orderID      = "1192339204654488"
	springSaleID = "1192339204654489"
)

var (
	templateIDPattern = regexp.MustCompile(`^[1-9][0-9]{15}$`)
	cdnPattern        = regexp.MustCompile(`^https://scontent\.whatsapp\.net/v/t61\.29466-34/\d+_\d+_\d+_n\.(jpg|png|mp4|pdf)\?ccb=1-7&.*&oh=01_[A-Za-z0-9_-]+&oe=[0-9A-F]+$`)
)

// simpleBody is the components of a valid UTILITY or MARKETING template.
const simpleBody = `[{"type":"BODY","text":"Your order has shipped."}]`

// newClockedServer is a test server whose clock the test sets.
func newClockedServer(t *testing.T, mutate ...func(*Seed)) (*Server, *fakeClock) {
	t.Helper()
	s := newTestServer(t, mutate...)
	clock := &fakeClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	s.now = clock.now
	return s, clock
}

// postTemplate creates a template with a JSON body.
func postTemplate(t *testing.T, s *Server, body string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: templatesPath, token: tokenOK, json: body})
}

// templateJSON is a create body with the given parts.
func templateJSON(name, language, category, components string) string {
	return `{"name":"` + name + `","language":"` + language + `","category":"` + category + `","components":` + components + `}`
}

// createTemplate creates a template and returns its ID, failing unless
// Graph accepted it as PENDING.
func createTemplate(t *testing.T, s *Server, body string) string {
	t.Helper()
	res := postTemplate(t, s, body)
	wantStatus(t, res, http.StatusOK)
	id, _ := res.body["id"].(string)
	if !templateIDPattern.MatchString(id) || res.body["status"] != statusPending {
		t.Fatalf("create answered %s", res.raw)
	}
	return id
}

// readTemplate reads a template's node with the fields given.
func readTemplate(t *testing.T, s *Server, id, fields string) map[string]any {
	t.Helper()
	res := get(t, s, "/v25.0/"+id+"?fields="+fields)
	wantStatus(t, res, http.StatusOK)
	return res.body
}

// componentsJSON reads a template's components as compact JSON.
func componentsJSON(t *testing.T, s *Server, id string) string {
	t.Helper()
	return string(encodeJSON(readTemplate(t, s, id, "components")["components"]))
}

// statusOf reads a template's status.
func statusOf(t *testing.T, s *Server, id string) any {
	t.Helper()
	return readTemplate(t, s, id, "status")["status"]
}

// editTemplate posts an edit to a template's node.
func editTemplate(t *testing.T, s *Server, id, body string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodPost, target: "/v25.0/" + id, token: tokenOK, json: body})
}

// deleteTemplates sends DELETE /{waba-id}/message_templates with a query.
func deleteTemplates(t *testing.T, s *Server, query string) result {
	t.Helper()
	return send(t, s, apiReq{method: http.MethodDelete, target: templatesPath + "?" + query, token: tokenOK})
}

// storedTemplates is the WABA's templates as the simulator holds them.
func storedTemplates(s *Server, wabaID string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.st.wabas[wabaID].MessageTemplates...)
}

// wantRefused checks a code 100 refusal whose message has part, and that
// the WABA kept the number of templates it had.
func wantRefused(t *testing.T, s *Server, res result, part string, templates int) {
	t.Helper()
	wantError(t, res, http.StatusBadRequest, 100, 0, "")
	if msg, _ := errorOf(t, res)["message"].(string); !strings.Contains(msg, part) {
		t.Errorf("message %q does not say %q", msg, part)
	}
	if n := len(storedTemplates(s, fixtureWABA)); n != templates {
		t.Errorf("a refusal stored something: %d templates, want %d", n, templates)
	}
}

// mustReview ends a template's review, failing the test on error.
func mustReview(t *testing.T, s *Server, id, status string) {
	t.Helper()
	if err := s.ReviewTemplate(id, status, ""); err != nil {
		t.Fatal(err)
	}
}
