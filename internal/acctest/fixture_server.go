package acctest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// replayAccessToken is the token the provider sends in replay mode. It is
// deliberately not token-shaped so a cassette linter never mistakes it.
const replayAccessToken = "replay-access-token"

// FixtureServer is the Graph API endpoint one test talks to: a cassette
// replayer, a recording proxy, or (live mode) just Meta's address.
type FixtureServer struct {
	t         testing.TB
	path      string // cassette file
	baseURL   string
	token     string
	appSecret string
	secrets   []string // kept out of Requests() and matched as Redacted

	server *httptest.Server
	sim    *simulator.Server // when recording against the simulator

	mu       sync.Mutex // guards requests and the replay cassette
	requests []RecordedRequest
	cassette *cassette.Cassette // replay mode
	recorder *recorder.Recorder // record mode
}

// RecordedRequest is one request the fixture server received, in canonical
// form and without credentials.
type RecordedRequest struct {
	Method string
	Path   string
	Query  string // CanonicalQuery form
	Body   string // CanonicalBody form
}

// NewFixtureServer starts the fixture server for t in the mode WA_VCR_MODE
// selects, and stops it (checking or saving the cassette) at t's cleanup.
func NewFixtureServer(t testing.TB, opts ...Option) *FixtureServer {
	t.Helper()
	o := options{dir: cassetteDir}
	for _, opt := range opts {
		opt(&o)
	}
	mode := CurrentMode()
	if !mode.Valid() {
		t.Fatalf("fixture: %s=%q is not a mode; use replay (the default), record or live", EnvMode, os.Getenv(EnvMode))
	}
	name := o.cassette
	if name == "" {
		name = cassetteName(t)
	}
	f := &FixtureServer{t: t, path: filepath.Join(o.dir, name+".yaml")}
	switch mode {
	case ModeReplay:
		f.startReplay(o)
	case ModeRecord:
		f.startRecord(o)
	case ModeLive:
		f.startLive(o)
	}
	return f
}

// startLive points the provider at Meta. Live runs spend real API quota and
// change real objects, so they need the same opt-in as any acceptance test.
func (f *FixtureServer) startLive(o options) {
	f.t.Helper()
	if os.Getenv(EnvTerraformAcc) == "" {
		f.t.Skipf("%s=live talks to Meta: set %s=1 to run it", EnvMode, EnvTerraformAcc)
	}
	f.token = strings.TrimSpace(os.Getenv(EnvAccessToken))
	if f.token == "" {
		f.t.Skipf("%s=live needs %s", EnvMode, EnvAccessToken)
	}
	f.appSecret = metaAppSecret(f.t, o)
	f.baseURL = metaBaseURL()
}

// metaAppSecret is the real app secret, required only when the test asked
// for appsecret_proof.
func metaAppSecret(t testing.TB, o options) string {
	t.Helper()
	secret := strings.TrimSpace(os.Getenv(EnvAppSecret))
	if o.appSecretSet && secret == "" {
		t.Skipf("this test sends appsecret_proof: against Meta it needs %s", EnvAppSecret)
	}
	return secret
}

// URL is the base URL to give the provider (no API version).
func (f *FixtureServer) URL() string { return f.baseURL }

// Simulator is the simulator a recording is made against, for steps that
// change what Graph would answer (a WABA going out of sight). It is nil when
// replaying, where the cassette already holds those answers, and against
// Meta.
func (f *FixtureServer) Simulator() *simulator.Server { return f.sim }

// AccessToken is the token the provider must send in the current mode.
func (f *FixtureServer) AccessToken() string { return f.token }

// AppSecret is the app secret to configure, or "" for no appsecret_proof.
func (f *FixtureServer) AppSecret() string { return f.appSecret }

// Requests lists the requests the fixture server received, in arrival
// order. It is empty in live mode, where there is no fixture server.
func (f *FixtureServer) Requests() []RecordedRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]RecordedRequest(nil), f.requests...)
}

// Count reports how many received requests had the method and a path
// ending in pathSuffix, e.g. Count("GET", "/assigned_users").
func (f *FixtureServer) Count(method, pathSuffix string) int {
	n := 0
	for _, r := range f.Requests() {
		if strings.EqualFold(r.Method, method) && strings.HasSuffix(r.Path, pathSuffix) {
			n++
		}
	}
	return n
}

// note logs an incoming request and returns its matching shape.
func (f *FixtureServer) note(r *http.Request, body []byte) requestShape {
	shape := shapeOfRequest(r, body, f.secrets)
	rr := RecordedRequest{
		Method: shape.Method,
		Path:   shape.Path,
		Query:  CanonicalQuery(shape.Query),
		Body:   CanonicalBody(shape.ContentType, shape.Body),
	}
	f.mu.Lock()
	f.requests = append(f.requests, rr)
	f.mu.Unlock()
	return shape
}

// nonEmpty drops empty strings, so an unset secret never matches everything.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
