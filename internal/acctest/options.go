package acctest

import (
	"net/http"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// Option configures a FixtureServer.
type Option func(*options)

type options struct {
	seed         *simulator.Seed
	cassette     string
	appSecret    string
	appSecretSet bool
	dir          string
	upstream     http.Handler
}

// WithSeed sets the simulator state used when recording without real
// credentials; it has no effect in replay and live modes.
func WithSeed(seed simulator.Seed) Option {
	return func(o *options) { o.seed = &seed }
}

// WithCassette overrides the cassette name (default: the test name with
// "/" replaced by "__"), for tests that share or rename a recording.
func WithCassette(name string) Option {
	return func(o *options) { o.cassette = name }
}

// WithAppSecret makes the provider send appsecret_proof. In replay mode
// AppSecret returns secret; when recording against the simulator the seed
// is made to require it. Against Meta the secret comes from
// WHATSAPP_APP_SECRET instead, and the test is skipped without it.
func WithAppSecret(secret string) Option {
	return func(o *options) { o.appSecret, o.appSecretSet = secret, true }
}

// withCassetteDir stores cassettes somewhere other than testdata/cassettes,
// so this package's own tests never write into the source tree.
func withCassetteDir(dir string) Option {
	return func(o *options) { o.dir = dir }
}

// withUpstream records against h instead of the simulator, for tests that
// need responses the simulator would never produce.
func withUpstream(h http.Handler) Option {
	return func(o *options) { o.upstream = h }
}
