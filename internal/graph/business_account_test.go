package graph

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// businessAccountQuirks is a WABA node as Graph has been seen to return it:
// the id and several numeric strings as bare numbers, creation_time as a
// string.
const businessAccountQuirks = `{
  "id": 102290129340398,
  "name": "Test WhatsApp Business Account",
  "currency": "USD",
  "timezone_id": 1,
  "message_template_namespace": "ba30dd89_2ebd_41e4_b805_f2c05ae04cc9",
  "business_verification_status": "verified",
  "country": "US",
  "is_enabled_for_insights": true,
  "ownership_type": "CLIENT_OWNED",
  "primary_funding_id": 987654321012345,
  "purchase_order_number": "PO-77",
  "account_review_status": "APPROVED",
  "status": "ACTIVE",
  "primary_business_location": "US",
  "whatsapp_business_manager_messaging_limit": "TIER_2K",
  "marketing_messages_lite_api_status": "ONBOARDED",
  "marketing_messages_onboarding_status": "ELIGIBLE",
  "is_shared_with_partners": false,
  "template_auto_archival_enabled": true,
  "disable_marketing_messages_on_cloud_api": false,
  "creation_time": "1700000000",
  "on_behalf_of_business_info": {"id": 500600700800900, "name": "Partner Co", "status": "APPROVED", "type": "SELF"},
  "owner_business_info": {"id": "111222333", "name": "Owner Inc"},
  "health_status": {
    "can_send_message": "BLOCKED",
    "entities": [
      {"entity_type": "WABA", "id": "102290129340398", "can_send_message": "LIMITED", "additional_info": ["Your account is limited."]},
      {"entity_type": "BUSINESS", "id": "111222333", "can_send_message": "BLOCKED",
       "errors": [{"error_code": 141006, "error_description": "Payment method issue", "possible_solution": "Add a payment method"}]},
      {"entity_type": "APP", "id": "670843887433847", "can_send_message": "AVAILABLE", "can_receive_call_sip": "AVAILABLE"}
    ]
  }
}`

func ptr[T any](v T) *T { return &v }

func TestDecodeBusinessAccountQuirks(t *testing.T) {
	got, err := decodeBusinessAccount([]byte(businessAccountQuirks))
	if err != nil {
		t.Fatal(err)
	}
	want := BusinessAccount{
		ID:                                 ExampleWABAID,
		Name:                               ptr("Test WhatsApp Business Account"),
		Currency:                           ptr("USD"),
		TimezoneID:                         ptr("1"),
		MessageTemplateNamespace:           ptr("ba30dd89_2ebd_41e4_b805_f2c05ae04cc9"),
		BusinessVerificationStatus:         ptr("verified"),
		Country:                            ptr("US"),
		IsEnabledForInsights:               ptr(true),
		OwnershipType:                      ptr("CLIENT_OWNED"),
		PrimaryFundingID:                   ptr("987654321012345"),
		PurchaseOrderNumber:                ptr("PO-77"),
		AccountReviewStatus:                ptr("APPROVED"),
		Status:                             ptr("ACTIVE"),
		PrimaryBusinessLocation:            ptr("US"),
		MessagingLimit:                     ptr("TIER_2K"),
		MarketingMessagesLiteAPIStatus:     ptr("ONBOARDED"),
		MarketingMessagesOnboardingStatus:  ptr("ELIGIBLE"),
		IsSharedWithPartners:               ptr(false),
		TemplateAutoArchivalEnabled:        ptr(true),
		DisableMarketingMessagesOnCloudAPI: ptr(false),
		CreationTime:                       ptr(int64(1700000000)),
		OnBehalfOfBusinessInfo:             &BusinessInfo{ID: "500600700800900", Name: "Partner Co", Status: "APPROVED", Type: "SELF"},
		OwnerBusinessInfo:                  &BusinessInfo{ID: "111222333", Name: "Owner Inc"},
		HealthStatus: &HealthStatus{
			CanSendMessage: "BLOCKED",
			Entities: []HealthEntity{
				{EntityType: "WABA", ID: ExampleWABAID, CanSendMessage: "LIMITED", AdditionalInfo: []string{"Your account is limited."}},
				{EntityType: "BUSINESS", ID: "111222333", CanSendMessage: "BLOCKED", Errors: []HealthError{{ErrorCode: 141006, ErrorDescription: "Payment method issue", PossibleSolution: "Add a payment method"}}},
				{EntityType: "APP", ID: ExampleAppID, CanSendMessage: "AVAILABLE", CanReceiveCallSIP: "AVAILABLE"},
			},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got, want)
	}
}

func TestDecodeBusinessAccountDocumentedForms(t *testing.T) {
	got, err := decodeBusinessAccount([]byte(`{"id":"102290129340398","name":"WABA","timezone_id":"1","creation_time":1700000000,
		"health_status":{"can_send_message":"AVAILABLE","entities":[{"entity_type":"WABA","id":"1","can_send_message":"AVAILABLE","errors":[{"error_code":"141006"}]}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != ExampleWABAID || *got.TimezoneID != "1" || *got.CreationTime != 1700000000 {
		t.Errorf("got %+v", got)
	}
	if got.HealthStatus.Entities[0].Errors[0].ErrorCode != 141006 {
		t.Errorf("error_code as a string = %v", got.HealthStatus.Entities[0].Errors[0].ErrorCode)
	}
	// Fields Graph did not return stay nil.
	if got.Currency != nil || got.IsEnabledForInsights != nil || got.OnBehalfOfBusinessInfo != nil || got.OwnerBusinessInfo != nil || got.PrimaryFundingID != nil {
		t.Errorf("missing fields are not nil: %+v", got)
	}
	null, err := decodeBusinessAccount([]byte(`{"id":"1","timezone_id":null,"creation_time":null,"on_behalf_of_business_info":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if null.TimezoneID != nil || null.CreationTime != nil || null.OnBehalfOfBusinessInfo != nil {
		t.Errorf("null fields decoded to values: %+v", null)
	}
}

func TestDecodeBusinessAccountErrors(t *testing.T) {
	for _, body := range []string{
		`not json`,
		`{"id":{"nested":true}}`,
		`{"id":"1","creation_time":"yesterday"}`,
		`{"id":"1","is_enabled_for_insights":"perhaps"}`,
	} {
		if _, err := decodeBusinessAccount([]byte(body)); err == nil {
			t.Errorf("decodeBusinessAccount(%s) succeeded", body)
		}
	}
}

func TestGetBusinessAccount(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, businessAccountQuirks)
	})
	c := newTestClient(t, f.URL(), withSecret)
	ba, err := c.GetBusinessAccount(context.Background(), testWABA)
	if err != nil {
		t.Fatal(err)
	}
	if ba.ID != testWABA || *ba.TimezoneID != "1" || *ba.CreationTime != 1700000000 {
		t.Errorf("decoded %+v", ba)
	}
	if ba.OnBehalfOfBusinessInfo == nil || ba.OnBehalfOfBusinessInfo.ID != "500600700800900" {
		t.Errorf("on_behalf_of_business_info = %+v", ba.OnBehalfOfBusinessInfo)
	}
	if ba.HealthStatus == nil || ba.HealthStatus.CanSendMessage != "BLOCKED" || len(ba.HealthStatus.Entities) != 3 {
		t.Errorf("health_status = %+v", ba.HealthStatus)
	}

	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != "GET" || r.Path != "/"+DefaultAPIVersion+"/"+testWABA {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	fields := topLevelFields(r.Query.Get("fields"))
	gotFields := append([]string(nil), fields...)
	wantFields := append([]string(nil), BusinessAccountFields...)
	sort.Strings(gotFields)
	sort.Strings(wantFields)
	if !reflect.DeepEqual(gotFields, wantFields) {
		t.Errorf("fields = %v\nwant %v", fields, BusinessAccountFields)
	}
	for _, name := range []string{"id", "name", "timezone_id", "creation_time", "on_behalf_of_business_info{id,name,status,type}", "health_status", "owner_business_info{id,name}"} {
		if !slices.Contains(fields, name) {
			t.Errorf("fields= lacks %s", name)
		}
	}

	// A second read of the same node shares the first.
	if _, err := c.GetBusinessAccount(context.Background(), testWABA); err != nil {
		t.Fatal(err)
	}
	if f.count() != 1 {
		t.Errorf("a second read made a request: %d in all", f.count())
	}
	if _, err := c.GetBusinessAccount(context.Background(), "999"); err != nil {
		t.Fatal(err)
	}
	if f.count() != 2 {
		t.Errorf("another node shared the cache: %d requests", f.count())
	}
}

func TestGetBusinessAccountErrors(t *testing.T) {
	t.Run("not found", func(t *testing.T) {
		f := newFakeGraph(t, respond(400, nil, graphErr(100, 33, "Unsupported get request. Object with ID '1' does not exist", false)))
		c := newTestClient(t, f.URL())
		_, err := c.GetBusinessAccount(context.Background(), testWABA)
		if !IsMissingOrHidden(err) {
			t.Errorf("err = %v, want IsMissingOrHidden", err)
		}
		if f.count() != 1 {
			t.Errorf("%d requests, want 1", f.count())
		}
		// Errors are not cached.
		_, _ = c.GetBusinessAccount(context.Background(), testWABA)
		if f.count() != 2 {
			t.Errorf("an error was cached: %d requests", f.count())
		}
	})
	t.Run("undecodable node", func(t *testing.T) {
		f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, `{"id":"1","creation_time":"yesterday"}`)
		})
		c := newTestClient(t, f.URL())
		_, err := c.GetBusinessAccount(context.Background(), testWABA)
		ge, ok := AsError(err)
		if !ok || !strings.Contains(ge.Message, "decoding the WhatsApp Business Account") || ge.Path != "/"+testWABA {
			t.Errorf("err = %v", err)
		}
	})
}
