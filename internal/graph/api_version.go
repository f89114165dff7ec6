package graph

import "fmt"

// apiVersionAtLeast reports whether version ("vMAJOR.MINOR") is major.minor
// or later. New accepts no other form; should one reach here anyway it counts
// as the newest, whose field lists are the ones kept up to date.
func apiVersionAtLeast(version string, major, minor int) bool {
	var gotMajor, gotMinor int
	if _, err := fmt.Sscanf(version, "v%d.%d", &gotMajor, &gotMinor); err != nil {
		return true
	}
	return gotMajor > major || gotMajor == major && gotMinor >= minor
}

// hasManagerMessagingLimit reports whether apiVersion knows the
// whatsapp_business_manager_messaging_limit field. Graph fails a whole read
// that names a field its version lacks ("(#100) Tried accessing nonexisting
// field"), so the field lists depend on it.
// Meta's messaging-limits page: the field exists from v24.0; messaging_limit_tier before.
func hasManagerMessagingLimit(apiVersion string) bool { return apiVersionAtLeast(apiVersion, 24, 0) }
