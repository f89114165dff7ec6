package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestDecodePhoneNumber(t *testing.T) {
	full := `{"id":106540352242922,"display_phone_number":"+1 555-010-0001","verified_name":"Acme Support",
		"quality_rating":"GREEN","name_status":"APPROVED","code_verification_status":"VERIFIED","platform_type":"CLOUD_API",
		"throughput":{"level":"STANDARD"},"whatsapp_business_manager_messaging_limit":"TIER_10K","account_mode":"LIVE",
		"is_official_business_account":false,"last_onboarded_time":"2024-03-01T10:00:00+0000"}`
	p, err := decodePhoneNumber([]byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want := PhoneNumber{
		ID: ExamplePhoneNumberID, DisplayPhoneNumber: ptr("+1 555-010-0001"), VerifiedName: ptr("Acme Support"),
		QualityRating: ptr("GREEN"), NameStatus: ptr("APPROVED"), CodeVerificationStatus: ptr("VERIFIED"),
		PlatformType: ptr("CLOUD_API"), ThroughputLevel: ptr("STANDARD"), MessagingLimit: ptr("TIER_10K"),
		AccountMode: ptr("LIVE"), IsOfficialBusinessAccount: ptr(false), LastOnboardedTime: ptr("2024-03-01T10:00:00+0000"),
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("phone = %+v\nwant %+v", p, want)
	}

	// Other shapes: throughput as a string, the limit as an object, a
	// boolean as a string, a numeric time, and absent fields.
	other, err := decodePhoneNumber([]byte(`{"id":"1","throughput":"HIGH","whatsapp_business_manager_messaging_limit":{"current_limit":"TIER_250"},
		"is_official_business_account":"true","last_onboarded_time":1709287200,"quality_rating":null}`))
	if err != nil {
		t.Fatal(err)
	}
	wantOther := PhoneNumber{ID: "1", ThroughputLevel: ptr("HIGH"), MessagingLimit: ptr("TIER_250"), IsOfficialBusinessAccount: ptr(true), LastOnboardedTime: ptr("1709287200")}
	if !reflect.DeepEqual(other, wantOther) {
		t.Errorf("phone = %+v\nwant %+v", other, wantOther)
	}

	odd, err := decodePhoneNumber([]byte(`{"id":"2","throughput":{"tier":"X"},"whatsapp_business_manager_messaging_limit":[1]}`))
	if err != nil || odd.ThroughputLevel != nil || odd.MessagingLimit != nil {
		t.Errorf("unknown shapes = %+v, %v; want nil values and no error", odd, err)
	}
	if _, err := decodePhoneNumber([]byte(`{"id":"3","is_official_business_account":"maybe"}`)); err == nil {
		t.Error("a non-boolean is_official_business_account decoded without error")
	}
}

func TestListPhoneNumbersPagingAndFields(t *testing.T) {
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("after") {
		case "":
			writeJSON(w, 200, `{"data":[{"id":"1","quality_rating":"GREEN"}],"paging":{"cursors":{"after":"C1"},"next":"https://graph.facebook.com/next?access_token=x"}}`)
		case "C1":
			// An empty page with a next link is not the end.
			writeJSON(w, 200, `{"data":[],"paging":{"cursors":{"after":"C2"},"next":"https://graph.facebook.com/next"}}`)
		default:
			writeJSON(w, 200, `{"data":[{"id":"2","quality_rating":"RED"}],"paging":{"cursors":{"before":"C2"}}}`)
		}
	})
	c := newTestClient(t, f.URL())
	phones, err := c.ListPhoneNumbers(context.Background(), testWABA, PhoneNumberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(phones) != 2 || phones[0].ID != "1" || *phones[1].QualityRating != "RED" {
		t.Fatalf("phones = %+v", phones)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3 (one per page)", len(reqs))
	}
	for _, r := range reqs {
		if r.Path != "/"+DefaultAPIVersion+"/"+testWABA+"/phone_numbers" {
			t.Errorf("path = %q", r.Path)
		}
		if got := r.Query.Get("fields"); got != strings.Join(PhoneNumberFields, ",") {
			t.Errorf("fields = %q", got)
		}
		if r.Query.Has("filtering") {
			t.Errorf("filtering sent without a filter: %q", r.Query.Get("filtering"))
		}
	}
	if reqs[2].Query.Get("after") != "C2" {
		t.Errorf("third page after = %q", reqs[2].Query.Get("after"))
	}

	// The cached list cannot be changed through a returned value.
	*phones[0].QualityRating = "changed"
	again, err := c.ListPhoneNumbers(context.Background(), testWABA, PhoneNumberFilter{})
	if err != nil || *again[0].QualityRating != "GREEN" || f.count() != 3 {
		t.Errorf("second read = %+v, %v after %d requests; want the cached, unchanged list", again, err, f.count())
	}
}

func TestListPhoneNumbersAccountModeFilter(t *testing.T) {
	// The fake ignores filtering, as Graph may: the client filters again.
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[{"id":"1","account_mode":"LIVE"},{"id":"2","account_mode":"SANDBOX"},{"id":"3"}]}`)
	})
	c := newTestClient(t, f.URL())
	phones, err := c.ListPhoneNumbers(context.Background(), testWABA, PhoneNumberFilter{AccountMode: "SANDBOX"})
	if err != nil {
		t.Fatal(err)
	}
	if len(phones) != 1 || phones[0].ID != "2" {
		t.Errorf("phones = %+v, want only the SANDBOX one", phones)
	}
	var filtering []map[string]string
	if err := json.Unmarshal([]byte(f.requests()[0].Query.Get("filtering")), &filtering); err != nil {
		t.Fatalf("filtering is not JSON: %v", err)
	}
	want := []map[string]string{{"field": "account_mode", "operator": "EQUAL", "value": "SANDBOX"}}
	if !reflect.DeepEqual(filtering, want) {
		t.Errorf("filtering = %v, want %v", filtering, want)
	}

	// A different filter is a different read.
	all, err := c.ListPhoneNumbers(context.Background(), testWABA, PhoneNumberFilter{})
	if err != nil || len(all) != 3 || f.count() != 2 {
		t.Errorf("unfiltered = %d phones, %v after %d requests; want 3 from a second request", len(all), err, f.count())
	}
}

func TestListPhoneNumbersError(t *testing.T) {
	f := newFakeGraph(t, respond(400, nil, graphErr(100, 33, "Unsupported get request. Object with ID '1' does not exist", false)))
	c := newTestClient(t, f.URL())
	if _, err := c.ListPhoneNumbers(context.Background(), "1", PhoneNumberFilter{}); !IsMissingOrHidden(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestDecodePhoneNumberMessagingLimitOfEitherVersion(t *testing.T) {
	for body, want := range map[string]string{
		`{"id":"1","messaging_limit_tier":"TIER_1K"}`:                                                       "TIER_1K",
		`{"id":"1","whatsapp_business_manager_messaging_limit":"TIER_2K"}`:                                  "TIER_2K",
		`{"id":"1","whatsapp_business_manager_messaging_limit":"TIER_2K","messaging_limit_tier":"TIER_1K"}`: "TIER_2K",
		`{"id":"1","whatsapp_business_manager_messaging_limit":null,"messaging_limit_tier":"TIER_250"}`:     "TIER_250",
		`{"id":"1"}`: "",
	} {
		p, err := decodePhoneNumber([]byte(body))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if got := deref(p.MessagingLimit); got != want {
			t.Errorf("%s: MessagingLimit = %q, want %q", body, got, want)
		}
	}
}
