package acctest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// startRecord proxies the provider's requests to the upstream (Meta when
// WHATSAPP_ACCESS_TOKEN is set, the simulator otherwise) through a go-vcr
// recorder, and saves the scrubbed cassette at cleanup.
func (f *FixtureServer) startRecord(o options) {
	f.t.Helper()
	meta := usesMeta(ModeRecord)
	if meta && os.Getenv(EnvTerraformAcc) == "" {
		f.t.Skipf("recording against Meta (%s is set) needs %s=1; unset %s to record against the simulator",
			EnvAccessToken, EnvTerraformAcc, EnvAccessToken)
	}
	if fileExists(f.path) && os.Getenv(EnvOverwrite) != "1" {
		f.t.Fatalf("fixture: cassette %s already exists; delete it or set %s=1 to record over it", f.path, EnvOverwrite)
	}

	scrub := &scrubber{}
	var upstreamURL string
	var transport http.RoundTripper
	if meta {
		ids, err := realToFixture()
		if err != nil {
			f.t.Fatalf("fixture: %v", err)
		}
		scrub.ids = ids
		f.token = strings.TrimSpace(os.Getenv(EnvAccessToken))
		f.appSecret = metaAppSecret(f.t, o)
		f.secrets = nonEmpty(f.token, f.appSecret)
		upstreamURL, transport = metaBaseURL(), http.DefaultTransport
	} else {
		upstreamURL, transport = f.startSimulator(o)
	}
	scrub.secrets = f.secrets

	target, err := url.Parse(upstreamURL)
	if err != nil {
		f.t.Fatalf("fixture: upstream URL %q: %v", upstreamURL, err)
	}
	rec, err := recorder.New(strings.TrimSuffix(f.path, ".yaml"),
		recorder.WithMode(recorder.ModeRecordOnly),
		recorder.WithRealTransport(transport),
		recorder.WithSkipRequestLatency(true),
		recorder.WithMatcher(matcher{secrets: f.secrets}.match),
		recorder.WithHook(scrub.hook, recorder.BeforeSaveHook),
	)
	if err != nil {
		f.t.Fatalf("fixture: starting the recorder: %v", err)
	}
	f.recorder = rec

	proxy := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			if !meta {
				// The simulator builds paging links from Host: keep them
				// pointing at the fixture server, as Meta's point at Meta.
				pr.Out.Host = pr.In.Host
			}
			// Let the transport negotiate and undo compression, so the
			// cassette holds plain bodies.
			pr.Out.Header.Del("Accept-Encoding")
		},
		Transport: rec,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			f.t.Errorf("fixture: forwarding %s %s upstream: %s", r.Method, r.URL.Path, scrub.text(err.Error()))
			w.WriteHeader(http.StatusBadGateway)
		},
	}
	f.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "fixture: reading request body: "+err.Error(), http.StatusBadRequest)
			return
		}
		f.note(r, body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, r)
	}))
	f.baseURL = f.server.URL
	scrub.bases = []string{upstreamURL, f.server.URL}
	f.t.Cleanup(f.finishRecord)
}

// startSimulator serves the seeded simulator (or a test's stand-in) on
// loopback and takes the credentials from the seed.
func (f *FixtureServer) startSimulator(o options) (string, http.RoundTripper) {
	f.t.Helper()
	seed := simulator.DefaultSeed()
	if o.seed != nil {
		seed = *o.seed
	}
	if o.appSecretSet {
		seed.AppSecret = o.appSecret
	}
	if len(seed.Tokens) == 0 {
		f.t.Fatalf("fixture: the simulator seed has no access tokens")
	}
	handler := o.upstream
	if handler == nil {
		f.sim = simulator.New(seed)
		handler = f.sim
	}
	f.token = seed.Tokens[0].Value
	f.appSecret = seed.AppSecret
	for _, tok := range seed.Tokens {
		f.secrets = append(f.secrets, nonEmpty(tok.Value)...)
	}
	for _, app := range seed.Apps {
		f.secrets = append(f.secrets, nonEmpty(app.Secret)...)
	}
	f.secrets = append(f.secrets, nonEmpty(seed.AppSecret)...)
	upstream := httptest.NewServer(handler)
	// Registered before finishRecord, so it runs after it: the fixture
	// server drains first.
	f.t.Cleanup(upstream.Close)
	return upstream.URL, upstream.Client().Transport
}

// finishRecord saves the cassette, but only for a passing test: a failed or
// skipped run's traffic is not a recording anyone should replay.
func (f *FixtureServer) finishRecord() {
	f.server.Close()
	if f.t.Failed() || f.t.Skipped() {
		f.t.Logf("fixture: the test did not pass; cassette %s was not saved", f.path)
		return
	}
	if fileExists(f.path) && os.Getenv(EnvOverwrite) != "1" {
		f.t.Errorf("fixture: cassette %s appeared while recording; not overwriting it without %s=1", f.path, EnvOverwrite)
		return
	}
	if err := f.recorder.Stop(); err != nil {
		f.t.Errorf("fixture: saving cassette %s: %v", f.path, err)
		return
	}
	if problems := LintCassette(f.path); len(problems) > 0 {
		f.t.Errorf("fixture: the cassette just recorded fails the lint:\n  %s", strings.Join(problems, "\n  "))
		return
	}
	f.t.Logf("fixture: recorded %d request(s) to %s", len(f.Requests()), f.path)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
