package simulator

import (
	"fmt"
	"slices"
)

// settings are the seed's runtime-changeable options.
func (s Seed) settings() Settings {
	return Settings{SubscribedAppsShape: s.SubscribedAppsShape, HeavyPageSize: s.HeavyPageSize}
}

// Validate reports seed options that would otherwise be ignored without a
// word: an unknown subscribed_apps shape, a negative heavy_page_size, a
// hidden WABA that is not seeded, or an app subscription that the app could
// not have made.
func (s Seed) Validate() error {
	if _, err := s.settings().normalized(); err != nil {
		return err
	}
	wabas := map[string]bool{}
	for _, w := range s.WABAs {
		wabas[w.ID] = true
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
