package simulator

import "fmt"

// Shapes of the items of GET /{waba-id}/subscribed_apps.
const (
	// SubscribedAppsNested is the shape of Meta's reference:
	// {"whatsapp_business_api_data":{"id","name","link"},"override_callback_uri"}.
	SubscribedAppsNested = "nested"
	// SubscribedAppsFlat is the shape real v25.0 answered:
	// {"id","name","override_callback_uri"}.
	SubscribedAppsFlat = "flat"
)

// Settings are the seed options a test may change while the simulator runs,
// with SetSettings or POST /_sim/settings. They use the seed's JSON keys.
type Settings struct {
	SubscribedAppsShape string `json:"subscribed_apps_shape"` // nested (default) or flat
	HeavyPageSize       int    `json:"heavy_page_size"`       // list pages larger than this fail with "reduce the amount of data"; 0 is off
}

// normalized fills in defaults and reports invalid values.
func (st Settings) normalized() (Settings, error) {
	switch st.SubscribedAppsShape {
	case "":
		st.SubscribedAppsShape = SubscribedAppsNested
	case SubscribedAppsNested, SubscribedAppsFlat:
	default:
		return st, fmt.Errorf("subscribed_apps_shape %q is not %q or %q", st.SubscribedAppsShape, SubscribedAppsNested, SubscribedAppsFlat)
	}
	if st.HeavyPageSize < 0 {
		return st, fmt.Errorf("heavy_page_size %d is negative (0 turns it off)", st.HeavyPageSize)
	}
	return st, nil
}

// Settings returns the runtime settings in force.
func (s *Server) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}

// SetSettings replaces the runtime settings; an empty shape means nested.
func (s *Server) SetSettings(st Settings) error {
	st, err := st.normalized()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings = st
	return nil
}

// tooHeavy reports whether a list page of this size is more than the
// simulator lets through. The caller holds s.mu.
func (s *Server) tooHeavy(pageSize int) bool {
	return s.settings.HeavyPageSize > 0 && pageSize > s.settings.HeavyPageSize
}
