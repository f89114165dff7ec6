package simulator

import "slices"

// state is the mutable world of a simulator, indexed for lookups. It is
// guarded by Server.mu.
type state struct {
	tokens     map[string]Token
	apps       map[string]App
	appOrder   []string
	businesses []Business
	users      map[string]User
	userOrder  []string
	wabas      map[string]*WABA
	wabaOrder  []string
	appSubs    map[string][]*appSubscription // by app ID, in creation order
	templates  *templateBook

	hiddenWABAs map[string]map[string]bool // token -> WABA IDs it cannot see
}

// appSubscription is one object's webhook configuration of an app.
type appSubscription struct {
	Object        string            `json:"object"`
	CallbackURL   string            `json:"callback_url"`
	Active        bool              `json:"active"`
	Fields        []SubscribedField `json:"fields"`
	IncludeValues bool              `json:"include_values"`
}

func newState(seed Seed) *state {
	st := &state{
		tokens:      map[string]Token{},
		apps:        map[string]App{},
		businesses:  seed.Businesses,
		users:       map[string]User{},
		wabas:       map[string]*WABA{},
		appSubs:     map[string][]*appSubscription{},
		hiddenWABAs: map[string]map[string]bool{},
	}
	for _, t := range seed.Tokens {
		st.tokens[t.Value] = t
		for _, id := range t.HiddenWABAs {
			if st.hiddenWABAs[t.Value] == nil {
				st.hiddenWABAs[t.Value] = map[string]bool{}
			}
			st.hiddenWABAs[t.Value][id] = true
		}
	}
	for appID, subs := range seed.AppSubscriptions {
		for _, sub := range subs {
			st.appSubs[appID] = append(st.appSubs[appID], seededAppSubscription(sub))
		}
	}
	for _, a := range seed.Apps {
		if _, dup := st.apps[a.ID]; !dup {
			st.appOrder = append(st.appOrder, a.ID)
		}
		st.apps[a.ID] = a
	}
	for _, u := range seed.Users {
		if _, dup := st.users[u.ID]; !dup {
			st.userOrder = append(st.userOrder, u.ID)
		}
		st.users[u.ID] = u
	}
	for i := range seed.WABAs {
		w := seed.WABAs[i]
		if w.Fields == nil {
			w.Fields = map[string]any{}
		}
		if _, dup := st.wabas[w.ID]; !dup {
			st.wabaOrder = append(st.wabaOrder, w.ID)
		}
		st.wabas[w.ID] = &w
	}
	st.templates = newTemplateBook(st)
	return st
}

// seededAppSubscription is a seed subscription as the API would have stored
// it: active, each field stamped with a version.
func seededAppSubscription(sub AppSubscription) *appSubscription {
	out := &appSubscription{
		Object:        sub.Object,
		CallbackURL:   sub.CallbackURL,
		Active:        true,
		IncludeValues: sub.IncludeValues,
	}
	for _, f := range sub.Fields {
		if f.Version == "" {
			f.Version = latestVersion
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}

// appLink is the link Graph derives for an app.
func appLink(id string) string {
	return "https://www.facebook.com/games/?app_id=" + id
}

// Unsubscribe removes app's webhook subscription from a WABA behind the
// API's back, to simulate drift. It reports whether there was one.
func (s *Server) Unsubscribe(wabaID, appID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.st.wabas[wabaID]
	if w == nil {
		return false
	}
	i := slices.IndexFunc(w.Subscriptions, func(sub Subscription) bool { return sub.AppID == appID })
	if i < 0 {
		return false
	}
	w.Subscriptions = slices.Delete(w.Subscriptions, i, i+1)
	return true
}

// Unassign removes a user from a WABA behind the API's back, to simulate
// drift. It reports whether the user was assigned.
func (s *Server) Unassign(wabaID, userID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.st.wabas[wabaID]
	if w == nil {
		return false
	}
	i := slices.IndexFunc(w.Assignments, func(a Assignment) bool { return a.UserID == userID })
	if i < 0 {
		return false
	}
	w.Assignments = slices.Delete(w.Assignments, i, i+1)
	return true
}

// stateView is the JSON served by GET /_sim/state. Credentials (tokens, app
// secrets) are left out.
type stateView struct {
	Apps             []appView                     `json:"apps"`
	Businesses       []Business                    `json:"businesses"`
	Users            []User                        `json:"users"`
	WABAs            []*WABA                       `json:"wabas"`
	AppSubscriptions map[string][]*appSubscription `json:"app_subscriptions"`
}

type appView struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Link string `json:"link"`
}

// view builds the admin view; the caller holds s.mu and must encode it before
// releasing the lock, since it shares the live data.
func (st *state) view() stateView {
	v := stateView{
		Businesses:       st.businesses,
		AppSubscriptions: st.appSubs,
		Apps:             []appView{},
		Users:            []User{},
		WABAs:            []*WABA{},
	}
	for _, id := range st.appOrder {
		a := st.apps[id]
		v.Apps = append(v.Apps, appView{ID: a.ID, Name: a.Name, Link: appLink(a.ID)})
	}
	for _, id := range st.userOrder {
		v.Users = append(v.Users, st.users[id])
	}
	for _, id := range st.wabaOrder {
		v.WABAs = append(v.WABAs, st.wabas[id])
	}
	if v.Businesses == nil {
		v.Businesses = []Business{}
	}
	return v
}
