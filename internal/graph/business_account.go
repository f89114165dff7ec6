package graph

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
)

// BusinessAccount is the WhatsApp Business Account node. Pointer fields are
// nil when Graph did not return them: not every account has every field.
// MessagingLimit is whatsapp_business_manager_messaging_limit, and always nil
// before v24.0: the node has no messaging-limit field there.
type BusinessAccount struct {
	ID                                 string
	Name                               *string
	Currency                           *string
	TimezoneID                         *string
	MessageTemplateNamespace           *string
	BusinessVerificationStatus         *string
	Country                            *string
	IsEnabledForInsights               *bool
	OwnershipType                      *string
	PrimaryFundingID                   *string
	PurchaseOrderNumber                *string
	AccountReviewStatus                *string
	Status                             *string
	PrimaryBusinessLocation            *string
	MessagingLimit                     *string
	MarketingMessagesLiteAPIStatus     *string
	MarketingMessagesOnboardingStatus  *string
	IsSharedWithPartners               *bool
	TemplateAutoArchivalEnabled        *bool
	DisableMarketingMessagesOnCloudAPI *bool
	CreationTime                       *int64
	OnBehalfOfBusinessInfo             *BusinessInfo
	OwnerBusinessInfo                  *BusinessInfo
	HealthStatus                       *HealthStatus
}

// BusinessInfo is a business as the WABA node describes it
// (on_behalf_of_business_info, owner_business_info). Only id and name are
// documented; status and type appear in on_behalf_of_business_info in
// practice, and are empty in owner_business_info, which is not asked for them.
type BusinessInfo struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
	Type   string `json:"type"`
}

// HealthStatus is whether the account can send messages, and why not.
type HealthStatus struct {
	CanSendMessage string         `json:"can_send_message"`
	Entities       []HealthEntity `json:"entities"`
}

// HealthEntity is one link in the chain (WABA, business, app, phone number)
// that decides the overall health status.
type HealthEntity struct {
	EntityType        string        `json:"entity_type"`
	ID                string        `json:"id"`
	CanSendMessage    string        `json:"can_send_message"`
	CanReceiveCallSIP string        `json:"can_receive_call_sip"`
	AdditionalInfo    []string      `json:"additional_info"`
	Errors            []HealthError `json:"errors"`
}

// HealthError explains a BLOCKED entity.
type HealthError struct {
	ErrorCode        flexInt `json:"error_code"`
	ErrorDescription string  `json:"error_description"`
	PossibleSolution string  `json:"possible_solution"`
}

// businessAccountFieldsFor is the explicit field list the node is read with at
// apiVersion ("vMAJOR.MINOR"): one request returns everything the data source
// exposes, and no field that version lacks.
func businessAccountFieldsFor(apiVersion string) []string {
	fields := []string{
		"id", "name", "currency", "timezone_id", "message_template_namespace",
		"business_verification_status", "country", "is_enabled_for_insights",
		"ownership_type", "primary_funding_id", "purchase_order_number",
		"account_review_status", "status", "primary_business_location",
	}
	if hasManagerMessagingLimit(apiVersion) {
		fields = append(fields, "whatsapp_business_manager_messaging_limit")
	}
	return append(fields,
		"marketing_messages_lite_api_status", "marketing_messages_onboarding_status",
		"is_shared_with_partners", "template_auto_archival_enabled",
		"disable_marketing_messages_on_cloud_api", "creation_time",
		// Asked bare, these objects come with Graph's default sub-fields
		// only, which leave out the id: every sub-field BusinessInfo holds is
		// named. owner_business_info is only known to have id and name.
		// Seen in real v25.0 responses in public client code: bare on_behalf_of_business_info gave {name, status, type}.
		"on_behalf_of_business_info{id,name,status,type}", "owner_business_info{id,name}",
		"health_status",
	)
}

// BusinessAccountFields is the field list the node is read with at
// DefaultAPIVersion. A Client reads with the list for its own API version.
var BusinessAccountFields = businessAccountFieldsFor(DefaultAPIVersion)

type businessAccountJSON struct {
	ID                                 flexString    `json:"id"`
	Name                               *string       `json:"name"`
	Currency                           *string       `json:"currency"`
	TimezoneID                         *flexString   `json:"timezone_id"`
	MessageTemplateNamespace           *string       `json:"message_template_namespace"`
	BusinessVerificationStatus         *string       `json:"business_verification_status"`
	Country                            *string       `json:"country"`
	IsEnabledForInsights               *bool         `json:"is_enabled_for_insights"`
	OwnershipType                      *string       `json:"ownership_type"`
	PrimaryFundingID                   *flexString   `json:"primary_funding_id"`
	PurchaseOrderNumber                *string       `json:"purchase_order_number"`
	AccountReviewStatus                *string       `json:"account_review_status"`
	Status                             *string       `json:"status"`
	PrimaryBusinessLocation            *string       `json:"primary_business_location"`
	MessagingLimit                     *string       `json:"whatsapp_business_manager_messaging_limit"`
	MarketingMessagesLiteAPIStatus     *string       `json:"marketing_messages_lite_api_status"`
	MarketingMessagesOnboardingStatus  *string       `json:"marketing_messages_onboarding_status"`
	IsSharedWithPartners               *bool         `json:"is_shared_with_partners"`
	TemplateAutoArchivalEnabled        *bool         `json:"template_auto_archival_enabled"`
	DisableMarketingMessagesOnCloudAPI *bool         `json:"disable_marketing_messages_on_cloud_api"`
	CreationTime                       optionalInt   `json:"creation_time"`
	OnBehalfOfBusinessInfo             *businessInfo `json:"on_behalf_of_business_info"`
	OwnerBusinessInfo                  *businessInfo `json:"owner_business_info"`
	HealthStatus                       *HealthStatus `json:"health_status"`
}

type businessInfo struct {
	ID     flexString `json:"id"`
	Name   string     `json:"name"`
	Status string     `json:"status"`
	Type   string     `json:"type"`
}

func (b *businessInfo) export() *BusinessInfo {
	if b == nil {
		return nil
	}
	return &BusinessInfo{ID: string(b.ID), Name: b.Name, Status: b.Status, Type: b.Type}
}

// decodeBusinessAccount decodes the WABA node as GET /{waba-id} returns it.
func decodeBusinessAccount(data []byte) (BusinessAccount, error) {
	var j businessAccountJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return BusinessAccount{}, err
	}
	return BusinessAccount{
		ID: string(j.ID), Name: j.Name, Currency: j.Currency, TimezoneID: flexPtr(j.TimezoneID),
		MessageTemplateNamespace: j.MessageTemplateNamespace, BusinessVerificationStatus: j.BusinessVerificationStatus,
		Country: j.Country, IsEnabledForInsights: j.IsEnabledForInsights, OwnershipType: j.OwnershipType,
		PrimaryFundingID: flexPtr(j.PrimaryFundingID), PurchaseOrderNumber: j.PurchaseOrderNumber,
		AccountReviewStatus: j.AccountReviewStatus, Status: j.Status, PrimaryBusinessLocation: j.PrimaryBusinessLocation,
		MessagingLimit: j.MessagingLimit, MarketingMessagesLiteAPIStatus: j.MarketingMessagesLiteAPIStatus,
		MarketingMessagesOnboardingStatus: j.MarketingMessagesOnboardingStatus, IsSharedWithPartners: j.IsSharedWithPartners,
		TemplateAutoArchivalEnabled: j.TemplateAutoArchivalEnabled, DisableMarketingMessagesOnCloudAPI: j.DisableMarketingMessagesOnCloudAPI,
		OnBehalfOfBusinessInfo: j.OnBehalfOfBusinessInfo.export(), OwnerBusinessInfo: j.OwnerBusinessInfo.export(),
		HealthStatus: j.HealthStatus, CreationTime: j.CreationTime.ptr(),
	}, nil
}

// wabaNode is the raw body of GET /{waba-id}. Every node Graph returns has
// an id; checking for it keeps a 200 such as {"success":false} from reading
// as an account whose fields are all empty.
type wabaNode []byte

func (n *wabaNode) UnmarshalJSON(b []byte) error {
	*n = append((*n)[:0], b...)
	return nil
}

func (n wabaNode) checkResponse() error {
	var head struct {
		ID flexString `json:"id"`
	}
	if json.Unmarshal(n, &head) != nil || head.ID == "" {
		return errors.New(`the response has no "id", so it is not a WhatsApp Business Account`)
	}
	return nil
}

// GetBusinessAccount reads the WABA node with an explicit field list, in one
// request; repeated reads of the same node in one run share it.
func (c *Client) GetBusinessAccount(ctx context.Context, wabaID string) (BusinessAccount, error) {
	fields := strings.Join(businessAccountFieldsFor(c.APIVersion()), ",")
	scope := nodeScope(wabaID)
	return c.reads.accounts.get(ctx, scope, scope+"|"+fields, func(ctx context.Context) (BusinessAccount, error) {
		var raw wabaNode
		if err := c.do(ctx, "GET", "/"+pathSegment(wabaID), url.Values{"fields": {fields}}, nil, &raw); err != nil {
			return BusinessAccount{}, err
		}
		ba, err := decodeBusinessAccount(raw)
		if err != nil {
			return BusinessAccount{}, &Error{HTTPStatus: 200, Method: "GET", Path: "/" + wabaID, Message: "decoding the WhatsApp Business Account: " + err.Error()}
		}
		return ba, nil
	})
}
