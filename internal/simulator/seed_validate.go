package simulator

import (
	"fmt"
	"slices"
)

// settings are the seed's runtime-changeable options.
func (s Seed) settings() Settings {
	return Settings{
		SubscribedAppsShape: s.SubscribedAppsShape, HeavyPageSize: s.HeavyPageSize,
		TemplateReviewDelay: s.TemplateReviewDelay, TemplateReviewOutcome: s.TemplateReviewOutcome,
		TemplateCategoryOverride: s.TemplateCategoryOverride,
	}
}

// Validate reports seed options that would otherwise be ignored without a
// word: an unknown subscribed_apps shape, a negative heavy_page_size, a
// hidden WABA that is not seeded, a WABA shared with a business that could
// not be its client, a business profile the API would refuse, a template
// ID given twice, or an app subscription that the app could not have made.
func (s Seed) Validate() error {
	if _, err := s.settings().normalized(); err != nil {
		return err
	}
	wabas := map[string]bool{}
	templateIDs := map[string]bool{}
	for _, w := range s.WABAs {
		if err := w.validateTemplates(templateIDs); err != nil {
			return fmt.Errorf("wabas[%s].message_templates: %w", w.ID, err)
		}
		wabas[w.ID] = true
		if err := w.validateClients(s.Businesses); err != nil {
			return fmt.Errorf("wabas[%s].client_of: %w", w.ID, err)
		}
		if err := w.validateProfiles(); err != nil {
			return fmt.Errorf("wabas[%s].phone_numbers: %w", w.ID, err)
		}
	}
	for i, t := range s.Tokens {
		for _, id := range t.HiddenWABAs {
			if !wabas[id] {
				return fmt.Errorf("tokens[%d].hidden_wabas: WABA %q is not in the seed", i, id)
			}
		}
	}
	apps := map[string]bool{}
	for _, a := range s.Apps {
		apps[a.ID] = true
	}
	for appID, subs := range s.AppSubscriptions {
		if !apps[appID] {
			return fmt.Errorf("app_subscriptions: app %q is not in the seed", appID)
		}
		var objects []string
		for _, sub := range subs {
			if err := sub.validate(); err != nil {
				return fmt.Errorf("app_subscriptions of app %s: %w", appID, err)
			}
			if slices.Contains(objects, sub.Object) {
				return fmt.Errorf("app_subscriptions of app %s: object %q appears twice", appID, sub.Object)
			}
			objects = append(objects, sub.Object)
		}
	}
	return nil
}

// validateClients checks that each partner business is seeded, is not the
// WABA's owner (an owner lists the WABA as owned, not as a client's), is
// named once, and was permitted tasks Graph knows.
func (w WABA) validateClients(businesses []Business) error {
	var seen []string
	for _, c := range w.ClientOf {
		if !slices.ContainsFunc(businesses, func(b Business) bool { return b.ID == c.BusinessID }) {
			return fmt.Errorf("business %q is not in the seed", c.BusinessID)
		}
		if c.BusinessID == w.BusinessID {
			return fmt.Errorf("business %s owns the WABA and cannot also be its client", c.BusinessID)
		}
		if slices.Contains(seen, c.BusinessID) {
			return fmt.Errorf("business %s appears twice", c.BusinessID)
		}
		seen = append(seen, c.BusinessID)
		for _, task := range c.PermittedTasks {
			if !slices.Contains(validTasks, task) {
				return fmt.Errorf("business %s: permitted task %q is not one of %v", c.BusinessID, task, validTasks)
			}
		}
	}
	return nil
}

func (sub AppSubscription) validate() error {
	if !slices.Contains(subscriptionObjects, sub.Object) {
		return fmt.Errorf("object %q is not one of %v", sub.Object, subscriptionObjects)
	}
	if sub.CallbackURL == "" {
		return fmt.Errorf("object %s has no callback_url", sub.Object)
	}
	if len(sub.Fields) == 0 {
		return fmt.Errorf("object %s has no fields", sub.Object)
	}
	for _, f := range sub.Fields {
		if f.Name == "" {
			return fmt.Errorf("object %s has a field without a name", sub.Object)
		}
		if f.Version != "" && !versionPattern.MatchString(f.Version) {
			return fmt.Errorf("field %s: version %q is not of the form v26.0", f.Name, f.Version)
		}
	}
	return nil
}
