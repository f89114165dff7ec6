package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// phoneNumberFieldsFor is the explicit field list phone numbers are read
// with at apiVersion ("vMAJOR.MINOR"). Graph's default fields are not
// documented, so every field the data source exposes is asked for, and no
// field that version lacks: before v24.0 the messaging limit is
// messaging_limit_tier. webhook_configuration is not known to depend on the
// version.
func phoneNumberFieldsFor(apiVersion string) []string {
	limit := "whatsapp_business_manager_messaging_limit"
	if !hasManagerMessagingLimit(apiVersion) {
		limit = "messaging_limit_tier"
	}
	return []string{
		"id", "display_phone_number", "verified_name", "quality_rating", "name_status",
		"code_verification_status", "platform_type", "throughput",
		limit, "account_mode",
		"is_official_business_account", "last_onboarded_time",
		"webhook_configuration",
	}
}

// PhoneNumberFields is the field list phone numbers are read with at
// DefaultAPIVersion. A Client reads with the list for its own API version.
var PhoneNumberFields = phoneNumberFieldsFor(DefaultAPIVersion)

// PhoneNumber is a phone number of a WABA. Pointer fields are nil when Graph
// did not return them.
//
// MessagingLimit is whatsapp_business_manager_messaging_limit from v24.0
// (TIER_50, TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED,
// UNTIERED) and messaging_limit_tier before it, whose values differ: TIER_1K
// where the newer field has TIER_2K, and no UNTIERED.
// Meta's messaging-limits page (messaging_limit_tier) and Meta's Python business SDK (the newer enum).
type PhoneNumber struct {
	ID                        string
	DisplayPhoneNumber        *string
	VerifiedName              *string
	QualityRating             *string
	NameStatus                *string
	CodeVerificationStatus    *string
	PlatformType              *string
	ThroughputLevel           *string
	MessagingLimit            *string
	AccountMode               *string
	IsOfficialBusinessAccount *bool
	LastOnboardedTime         *string
	// WebhookConfiguration is nil when the answer lacked the field.
	WebhookConfiguration *WebhookConfiguration
}

// PhoneNumberFilter narrows a phone number list. The zero value lists all.
type PhoneNumberFilter struct {
	// AccountMode is LIVE or SANDBOX.
	AccountMode string
}

type phoneNumberJSON struct {
	ID                        flexString            `json:"id"`
	DisplayPhoneNumber        *string               `json:"display_phone_number"`
	VerifiedName              *string               `json:"verified_name"`
	QualityRating             *string               `json:"quality_rating"`
	NameStatus                *string               `json:"name_status"`
	CodeVerificationStatus    *string               `json:"code_verification_status"`
	PlatformType              *string               `json:"platform_type"`
	Throughput                json.RawMessage       `json:"throughput"`
	MessagingLimit            json.RawMessage       `json:"whatsapp_business_manager_messaging_limit"`
	MessagingLimitTier        json.RawMessage       `json:"messaging_limit_tier"`
	AccountMode               *string               `json:"account_mode"`
	IsOfficialBusinessAccount *flexBool             `json:"is_official_business_account"`
	LastOnboardedTime         *flexString           `json:"last_onboarded_time"`
	WebhookConfiguration      *WebhookConfiguration `json:"webhook_configuration"`
}

// decodePhoneNumber reads one item of the phone_numbers edge.
func decodePhoneNumber(raw []byte) (PhoneNumber, error) {
	var j phoneNumberJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return PhoneNumber{}, err
	}
	return PhoneNumber{
		ID: string(j.ID), DisplayPhoneNumber: j.DisplayPhoneNumber, VerifiedName: j.VerifiedName,
		QualityRating: j.QualityRating, NameStatus: j.NameStatus, CodeVerificationStatus: j.CodeVerificationStatus,
		PlatformType: j.PlatformType, AccountMode: j.AccountMode, LastOnboardedTime: flexPtr(j.LastOnboardedTime),
		IsOfficialBusinessAccount: boolPtr(j.IsOfficialBusinessAccount), WebhookConfiguration: j.WebhookConfiguration,
		// Only third-party SDKs show throughput, as {"level": ...}; a plain
		// string is accepted too.
		ThroughputLevel: stringOrMember(j.Throughput, "level"),
		// Documented as an enum string; an object with current_limit is
		// accepted too, the shape Meta uses for limits elsewhere. Before
		// v24.0 the limit is read from messaging_limit_tier instead.
		MessagingLimit: cmp.Or(stringOrMember(j.MessagingLimit, "current_limit"), stringOrMember(j.MessagingLimitTier, "current_limit")),
	}, nil
}

// clone copies the pointed-to values, so that a caller changing a returned
// number cannot change the cached list.
func (p PhoneNumber) clone() PhoneNumber {
	for _, f := range []**string{&p.DisplayPhoneNumber, &p.VerifiedName, &p.QualityRating, &p.NameStatus,
		&p.CodeVerificationStatus, &p.PlatformType, &p.ThroughputLevel, &p.MessagingLimit, &p.AccountMode, &p.LastOnboardedTime} {
		*f = clonePtr(*f)
	}
	p.IsOfficialBusinessAccount = clonePtr(p.IsOfficialBusinessAccount)
	p.WebhookConfiguration = clonePtr(p.WebhookConfiguration)
	return p
}

// matches applies the filter to a decoded number, whether or not Graph
// honoured it.
func (f PhoneNumberFilter) matches(p PhoneNumber) bool {
	return f.AccountMode == "" || (p.AccountMode != nil && strings.EqualFold(*p.AccountMode, f.AccountMode))
}

// query is the read's parameters: the field list for apiVersion and, for an
// account_mode filter, Graph's filtering parameter.
func (f PhoneNumberFilter) query(apiVersion string) (url.Values, error) {
	q := url.Values{"fields": {strings.Join(phoneNumberFieldsFor(apiVersion), ",")}}
	if f.AccountMode != "" {
		filtering, err := json.Marshal([]map[string]string{{"field": "account_mode", "operator": "EQUAL", "value": f.AccountMode}})
		if err != nil {
			return nil, err
		}
		q.Set("filtering", string(filtering))
	}
	return q, nil
}

// ListPhoneNumbers lists the WABA's phone numbers with the fields
// phoneNumberFieldsFor gives for the client's API version, following every
// page. The account_mode filter is sent as Graph's filtering parameter, which
// only Meta's OpenAPI description documents, and applied again to the result
// so that it holds whether or not Graph honours it. Reads with the same
// filter in one run share one fetch.
func (c *Client) ListPhoneNumbers(ctx context.Context, wabaID string, filter PhoneNumberFilter) ([]PhoneNumber, error) {
	q, err := filter.query(c.APIVersion())
	if err != nil {
		return nil, err
	}
	phones := c.phoneNumbers(wabaID)
	phones.keep = filter.matches
	return phones.list(ctx, edgeQuery{params: q, id: q.Encode()})
}

// phoneNumbers is the WABA's phone_numbers edge.
func (c *Client) phoneNumbers(wabaID string) edge[PhoneNumber] {
	return edge[PhoneNumber]{via: c, cache: &c.reads.phoneNumbers, name: "phone_numbers", object: wabaID,
		path: edgePath(wabaID, "phone_numbers"), decode: decodePhoneNumber}
}
