package acctest

import (
	"os"
	"strings"
)

// Mode selects how a FixtureServer answers requests.
type Mode string

const (
	// ModeReplay serves recorded cassettes and never touches the network.
	ModeReplay Mode = "replay"
	// ModeRecord proxies to an upstream and writes a new cassette.
	ModeRecord Mode = "record"
	// ModeLive points the provider at Meta with no recorder in between.
	ModeLive Mode = "live"
)

// Environment variables read by this package.
const (
	EnvMode            = "WA_VCR_MODE"
	EnvOverwrite       = "WA_VCR_OVERWRITE"
	EnvAccessToken     = "WHATSAPP_ACCESS_TOKEN"
	EnvAppSecret       = "WHATSAPP_APP_SECRET"
	EnvRecordBaseURL   = "WHATSAPP_RECORD_BASE_URL"
	EnvTerraformAcc    = "TF_ACC"
	defaultMetaBaseURL = "https://graph.facebook.com"
)

// CurrentMode reads WA_VCR_MODE; unset or empty means replay. An unknown
// value is returned as is so NewFixtureServer can reject it loudly instead
// of silently replaying.
func CurrentMode() Mode {
	v := strings.ToLower(strings.TrimSpace(os.Getenv(EnvMode)))
	if v == "" {
		return ModeReplay
	}
	return Mode(v)
}

// Valid reports whether m is one of the known modes.
func (m Mode) Valid() bool {
	switch m {
	case ModeReplay, ModeRecord, ModeLive:
		return true
	}
	return false
}

// usesMeta reports whether traffic goes to the real Graph API: live mode,
// or record mode with a real token.
func usesMeta(m Mode) bool {
	switch m {
	case ModeLive:
		return true
	case ModeRecord:
		return os.Getenv(EnvAccessToken) != ""
	}
	return false
}

// metaBaseURL is where record and live modes reach Meta.
func metaBaseURL() string {
	if v := strings.TrimRight(strings.TrimSpace(os.Getenv(EnvRecordBaseURL)), "/"); v != "" {
		return v
	}
	return defaultMetaBaseURL
}
