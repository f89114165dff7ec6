package simulator

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// subscriptionObjects are the object types an app may subscribe to.
var subscriptionObjects = []string{
	"application", "instagram", "page", "payments", "permissions", "user", "whatsapp_business_account",
}

// serveAppSubscriptions handles /{app-id}/subscriptions, which needs the
// app's own access token ("<app-id>|<app-secret>").
func (s *Server) serveAppSubscriptions(c *call) response {
	appID := c.segs[0]
	s.mu.Lock()
	_, known := s.st.apps[appID]
	s.mu.Unlock()
	if !known {
		return errorResponse(errUnknownObject(c.method, appID))
	}
	if !c.appToken || c.appID != appID {
		return errorResponse(errParam("Requires app access token"))
	}
	switch c.method {
	case http.MethodGet:
		s.mu.Lock()
		defer s.mu.Unlock()
		data := make([]any, 0, len(s.st.appSubs[appID]))
		for _, sub := range s.st.appSubs[appID] {
			data = append(data, map[string]any{
				"object": sub.Object, "callback_url": sub.CallbackURL,
				"active": sub.Active, "fields": slices.Clone(sub.Fields),
			})
		}
		return jsonResponse(map[string]any{"data": data})
	case http.MethodPost:
		return s.upsertAppSubscription(c, appID)
	case http.MethodDelete:
		s.deleteAppSubscription(appID, c.params.Get("object"), parseList(c.params["fields"]))
		return jsonResponse(s.successBody())
	}
	return errorResponse(errUnknownObject(c.method, appID))
}

// upsertAppSubscription replaces the object's subscription. When a callback
// URL is given it first runs the verification handshake, outside the state
// lock since it waits on the network.
func (s *Server) upsertAppSubscription(c *call, appID string) response {
	object := c.params.Get("object")
	if object == "" {
		return errorResponse(errParam("The parameter object is required"))
	}
	if !slices.Contains(subscriptionObjects, object) {
		return errorResponse(errParam("Param object must be one of {%s}", strings.Join(subscriptionObjects, ", ")))
	}
	fields := parseList(c.params["fields"])
	if len(fields) == 0 {
		return errorResponse(errParam("The parameter fields is required"))
	}
	callback, verifyToken := c.params.Get("callback_url"), c.params.Get("verify_token")

	s.mu.Lock()
	existing := findAppSubscription(s.st.appSubs[appID], object)
	if callback == "" && existing != nil {
		callback = existing.CallbackURL
		verifyToken = ""
	}
	s.mu.Unlock()

	switch {
	case callback == "":
		return errorResponse(errParam("The parameter callback_url is required"))
	case c.params.Get("callback_url") != "":
		if verifyToken == "" {
			return errorResponse(errParam("The parameter verify_token is required"))
		}
		if err := verifyCallback(c.r.Context(), callback, verifyToken, s.challenge()); err != nil {
			return errorResponse(newError(2200, "(#2200) callback verification failed: "+err.Error()))
		}
	}

	sub := &appSubscription{
		Object:        object,
		CallbackURL:   callback,
		Active:        true,
		IncludeValues: parseBool(c.params.Get("include_values")),
	}
	for _, f := range dedupe(fields) {
		sub.Fields = append(sub.Fields, SubscribedField{Name: f, Version: c.version})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	subs := s.st.appSubs[appID]
	if i := slices.IndexFunc(subs, func(x *appSubscription) bool { return x.Object == object }); i >= 0 {
		subs[i] = sub
	} else {
		s.st.appSubs[appID] = append(subs, sub)
	}
	return jsonResponse(s.successBody())
}

// deleteAppSubscription removes the given fields of an object, the whole
// object when no fields are given, or everything when no object is given.
func (s *Server) deleteAppSubscription(appID, object string, fields []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	subs := s.st.appSubs[appID]
	if object == "" {
		delete(s.st.appSubs, appID)
		return
	}
	sub := findAppSubscription(subs, object)
	if sub == nil {
		return
	}
	if len(fields) > 0 {
		sub.Fields = slices.DeleteFunc(sub.Fields, func(f SubscribedField) bool { return slices.Contains(fields, f.Name) })
		if len(sub.Fields) > 0 {
			return
		}
	}
	s.st.appSubs[appID] = slices.DeleteFunc(subs, func(x *appSubscription) bool { return x.Object == object })
}

func findAppSubscription(subs []*appSubscription, object string) *appSubscription {
	for _, sub := range subs {
		if sub.Object == object {
			return sub
		}
	}
	return nil
}

// challenge draws the hub.challenge integer from the seeded generator.
func (s *Server) challenge() string {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	return strconv.Itoa(1_000_000_000 + s.rng.IntN(1_000_000_000))
}

func parseBool(v string) bool {
	b, err := strconv.ParseBool(v)
	return err == nil && b
}

func dedupe(in []string) []string {
	var out []string
	for _, v := range in {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
