package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"slices"
)

// BusinessProfile is a phone number's public business profile. Every number
// has one; an empty string or list is a field with no value.
type BusinessProfile struct {
	About             string
	Address           string
	Description       string
	Email             string
	Websites          []string
	Vertical          string
	ProfilePictureURL string
}

// IsEmpty reports whether the profile holds nothing anyone set: no text, no
// website, no picture, and no vertical but UNDEFINED, which a number has
// before anyone picks one. Only a non-empty profile counts as existing
// before a create.
func (p BusinessProfile) IsEmpty() bool {
	return p.About == "" && p.Address == "" && p.Description == "" && p.Email == "" && len(p.Websites) == 0 &&
		p.ProfilePictureURL == "" && (p.Vertical == "" || p.Vertical == "UNDEFINED")
}

func (p BusinessProfile) clone() BusinessProfile {
	p.Websites = slices.Clone(p.Websites)
	return p
}

// businessProfileFields are the fields every read asks for.
var businessProfileFields = "about,address,description,email,profile_picture_url,websites,vertical"

// profileJSON is one profile as Graph answers it.
type profileJSON struct {
	About             string          `json:"about"`
	Address           string          `json:"address"`
	Description       string          `json:"description"`
	Email             string          `json:"email"`
	Websites          json.RawMessage `json:"websites"`
	Vertical          string          `json:"vertical"`
	ProfilePictureURL string          `json:"profile_picture_url"`
}

func (j profileJSON) value() BusinessProfile {
	return BusinessProfile{About: j.About, Address: j.Address, Description: j.Description, Email: j.Email,
		Websites: stringList(j.Websites), Vertical: j.Vertical, ProfilePictureURL: j.ProfilePictureURL}
}

// stringList reads a list of strings, or one string as a list of one;
// anything else is no list.
func stringList(raw json.RawMessage) []string {
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one string
	if json.Unmarshal(raw, &one) == nil && one != "" {
		return []string{one}
	}
	return nil
}

// profileItem is one item of a profile answer's data. The reference pages
// show the fields in the item; Meta's OpenAPI description
// (WhatsAppBusinessProfileResponse) wraps them in business_profile. Both are
// read.
type profileItem struct {
	profileJSON
	Nested *profileJSON `json:"business_profile"`
}

func (i profileItem) value() BusinessProfile {
	if i.Nested != nil {
		return i.Nested.value()
	}
	return i.profileJSON.value()
}

// profileAnswer is GET /{phone-number-id}/whatsapp_business_profile:
// {"data":[{...}]}.
type profileAnswer struct {
	Data *[]profileItem `json:"data"`
}

func (a profileAnswer) checkResponse() error {
	if a.Data == nil {
		return errors.New(`the response has no "data", so it is not a business profile`)
	}
	return nil
}

func (a profileAnswer) value() BusinessProfile {
	if a.Data == nil || len(*a.Data) == 0 {
		return BusinessProfile{}
	}
	return (*a.Data)[0].value()
}

// decodeProfileField reads whatsapp_business_profile as a field of a
// number: an edge answer ({"data":[{...}]}, as public C# client code reads
// it) or the profile itself (as public TypeScript client code reads it). nil
// when the field is absent.
func decodeProfileField(raw json.RawMessage) (*BusinessProfile, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	var answer profileAnswer
	if err := json.Unmarshal(raw, &answer); err != nil {
		return nil, err
	}
	if answer.Data != nil {
		p := answer.value()
		return &p, nil
	}
	var item profileItem
	if err := json.Unmarshal(raw, &item); err != nil {
		return nil, err
	}
	p := item.value()
	return &p, nil
}

// profileNumber is one number of the WABA's phone_numbers edge read with its
// profile only. Profile is nil when the answer lacked the field.
type profileNumber struct {
	ID      string
	Profile *BusinessProfile
}

func (n profileNumber) clone() profileNumber {
	if n.Profile != nil {
		p := n.Profile.clone()
		n.Profile = &p
	}
	return n
}

func decodeProfileNumber(raw []byte) (profileNumber, error) {
	var n struct {
		ID      flexString      `json:"id"`
		Profile json.RawMessage `json:"whatsapp_business_profile"`
	}
	if err := json.Unmarshal(raw, &n); err != nil {
		return profileNumber{}, err
	}
	p, err := decodeProfileField(n.Profile)
	return profileNumber{ID: string(n.ID), Profile: p}, err
}

// phoneNumberProfiles is the WABA's phone_numbers edge as the profile
// resource reads it, with a cache of its own: a profile write changes no
// other field of the number.
func (c *Client) phoneNumberProfiles(wabaID string) edge[profileNumber] {
	return edge[profileNumber]{via: c, cache: &c.reads.profiles, name: "phone_numbers", object: wabaID,
		path: edgePath(wabaID, "phone_numbers"), decode: decodeProfileNumber}
}

// phoneNumberProfileQuery reads every number of a WABA with its profile, as
// public client code does
// (fields=whatsapp_business_profile{about,address,...}). When an answer
// lacks the field, the number's profile is read on its own (see profileOf).
func phoneNumberProfileQuery() edgeQuery {
	q := url.Values{"fields": {"id,whatsapp_business_profile{" + businessProfileFields + "}"}}
	return edgeQuery{params: q, id: q.Encode()}
}

// FindBusinessProfile returns the profile of a phone number of the WABA, or
// nil when the WABA does not list the number. All reads of the WABA's
// numbers in a run share one paged request until this client writes to one
// of their profiles.
func (c *Client) FindBusinessProfile(ctx context.Context, wabaID, phoneID string) (*BusinessProfile, error) {
	n, err := c.phoneNumberProfiles(wabaID).find(ctx, phoneNumberProfileQuery(), func(n profileNumber) bool { return n.ID == phoneID })
	return c.profileOf(ctx, n, err)
}

// ExistingBusinessProfile is the check before a create: the number's
// profile as the latest read of the WABA's numbers in this run saw it, or
// nil when the WABA does not list the number.
func (c *Client) ExistingBusinessProfile(ctx context.Context, wabaID, phoneID string) (*BusinessProfile, error) {
	n, err := c.phoneNumberProfiles(wabaID).findLastKnown(ctx, phoneNumberProfileQuery(), func(n profileNumber) bool { return n.ID == phoneID })
	return c.profileOf(ctx, n, err)
}

func (c *Client) profileOf(ctx context.Context, n *profileNumber, err error) (*BusinessProfile, error) {
	if err != nil || n == nil {
		return nil, err
	}
	if n.Profile != nil {
		return n.Profile, nil
	}
	return c.GetBusinessProfile(ctx, n.ID)
}

// GetBusinessProfile reads one number's profile from its own edge (GET
// /{phone-number-id}/whatsapp_business_profile).
func (c *Client) GetBusinessProfile(ctx context.Context, phoneID string) (*BusinessProfile, error) {
	var answer profileAnswer
	if err := c.do(ctx, "GET", "/"+pathSegment(phoneID)+"/whatsapp_business_profile", url.Values{"fields": {businessProfileFields}}, nil, &answer); err != nil {
		return nil, err
	}
	p := answer.value()
	return &p, nil
}

// BusinessProfileChange is what a write changes; a nil field is left as it
// is. An empty string clears address, description and email, and an empty
// list clears the websites (Graph refuses an empty about or vertical).
type BusinessProfileChange struct {
	About                *string   `json:"about,omitempty"`
	Address              *string   `json:"address,omitempty"`
	Description          *string   `json:"description,omitempty"`
	Email                *string   `json:"email,omitempty"`
	Websites             *[]string `json:"websites,omitempty"`
	Vertical             *string   `json:"vertical,omitempty"`
	ProfilePictureHandle *string   `json:"profile_picture_handle,omitempty"`
}

// IsEmpty reports whether the change changes nothing.
func (c BusinessProfileChange) IsEmpty() bool { return c == BusinessProfileChange{} }

// Fields names what the change sets, for messages and logs.
func (c BusinessProfileChange) Fields() []string {
	var names []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"about", c.About != nil}, {"address", c.Address != nil}, {"description", c.Description != nil}, {"email", c.Email != nil},
		{"websites", c.Websites != nil}, {"vertical", c.Vertical != nil}, {"profile_picture_handle", c.ProfilePictureHandle != nil}} {
		if f.set {
			names = append(names, f.name)
		}
	}
	return names
}

// profileBody is the POST's body: Graph requires messaging_product.
type profileBody struct {
	MessagingProduct string `json:"messaging_product"`
	BusinessProfileChange
}

// UpdateBusinessProfile changes the fields of the number's profile that
// change sets (POST /{phone-number-id}/whatsapp_business_profile). The
// WABA's reads of its numbers' profiles see the write.
func (c *Client) UpdateBusinessProfile(ctx context.Context, wabaID, phoneID string, change BusinessProfileChange) error {
	if change.Websites != nil && *change.Websites == nil {
		empty := []string{}
		change.Websites = &empty
	}
	return c.phoneNumberProfiles(wabaID).write(ctx, edgeWrite{method: "POST",
		path: "/" + pathSegment(phoneID) + "/whatsapp_business_profile",
		body: jsonBody{profileBody{MessagingProduct: "whatsapp", BusinessProfileChange: change}}})
}
