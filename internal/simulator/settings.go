package simulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"
)

// Shapes of the items of GET /{waba-id}/subscribed_apps.
const (
	// SubscribedAppsNested is the shape of Meta's reference:
	// {"whatsapp_business_api_data":{"id","name","link"},"override_callback_uri"}.
	SubscribedAppsNested = "nested"
	// SubscribedAppsFlat is the shape real v25.0 answered:
	// {"id","name","override_callback_uri"}.
	SubscribedAppsFlat = "flat"
)

// Shapes of a business profile in reads: GET
// /{phone-number-id}/whatsapp_business_profile and the field of that name.
const (
	// BusinessProfileFlat is the shape of Meta's reference page and public
	// client code: {"data":[{"messaging_product":"whatsapp","about":...}]}.
	BusinessProfileFlat = "flat"
	// BusinessProfileNested is the shape of Meta's OpenAPI description:
	// {"data":[{"business_profile":{"messaging_product":"whatsapp",...}}]}.
	BusinessProfileNested = "nested"
)

// Outcomes of a template review that template_review_delay lets happen by
// itself.
const (
	ReviewApproved = "APPROVED"
	ReviewRejected = "REJECTED"
)

// Settings are the seed options a test may change while the simulator runs,
// with SetSettings or POST /_sim/settings. They use the seed's JSON keys;
// business_profile_shape is a setting only, which a seed does not set.
type Settings struct {
	SubscribedAppsShape  string `json:"subscribed_apps_shape"`  // nested (default) or flat
	HeavyPageSize        int    `json:"heavy_page_size"`        // list pages larger than this fail with "reduce the amount of data"; 0 is off
	BusinessProfileShape string `json:"business_profile_shape"` // flat (default) or nested

	// TemplateReviewDelay is how long a created or edited template stays
	// PENDING before Meta's review ends by itself. 0, the default, never
	// ends it: the template waits for POST /_sim/templates/review, so that
	// tests decide when a review ends.
	TemplateReviewDelay Duration `json:"template_review_delay"`
	// TemplateReviewOutcome is how such a review ends: APPROVED (default)
	// or REJECTED, with rejected_reason INVALID_FORMAT.
	TemplateReviewOutcome string `json:"template_review_outcome"`
	// TemplateCategoryOverride maps a requested category to the one Meta
	// assigns at creation, e.g. {"UTILITY":"MARKETING"}.
	TemplateCategoryOverride CategoryOverride `json:"template_category_override"`
}

// CategoryOverride maps a template category asked for to the one Meta
// assigns instead. A JSON value replaces the whole map, so that a settings
// change can also remove entries.
type CategoryOverride map[string]string

// UnmarshalJSON replaces the map rather than adding to it.
func (o *CategoryOverride) UnmarshalJSON(data []byte) error {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*o = m
	return nil
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
	switch st.BusinessProfileShape {
	case "":
		st.BusinessProfileShape = BusinessProfileFlat
	case BusinessProfileFlat, BusinessProfileNested:
	default:
		return st, fmt.Errorf("business_profile_shape %q is not %q or %q", st.BusinessProfileShape, BusinessProfileFlat, BusinessProfileNested)
	}
	if st.HeavyPageSize < 0 {
		return st, fmt.Errorf("heavy_page_size %d is negative (0 turns it off)", st.HeavyPageSize)
	}
	if st.TemplateReviewDelay < 0 {
		return st, fmt.Errorf("template_review_delay %s is negative (0 leaves reviews to POST /_sim/templates/review)", time.Duration(st.TemplateReviewDelay))
	}
	switch st.TemplateReviewOutcome {
	case "":
		st.TemplateReviewOutcome = ReviewApproved
	case ReviewApproved, ReviewRejected:
	default:
		return st, fmt.Errorf("template_review_outcome %q is not %q or %q", st.TemplateReviewOutcome, ReviewApproved, ReviewRejected)
	}
	override := CategoryOverride{}
	for from, to := range st.TemplateCategoryOverride {
		if !slices.Contains(templateCategories, from) || !slices.Contains(templateCategories, to) {
			return st, fmt.Errorf("template_category_override %s: %s: both must be one of %v", from, to, templateCategories)
		}
		override[from] = to
	}
	st.TemplateCategoryOverride = override
	return st, nil
}

// clone copies the settings, so that a caller never shares the override map
// with the server.
func (st Settings) clone() Settings {
	st.TemplateCategoryOverride = maps.Clone(st.TemplateCategoryOverride)
	return st
}

// Settings returns the runtime settings in force.
func (s *Server) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings.clone()
}

// SetSettings replaces the runtime settings; an empty shape means the
// default one.
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
