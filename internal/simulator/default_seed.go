package simulator

import "fmt"

// Fixture IDs of the default seed. Cassettes, tests, the demo and the
// benchmarks all use these values.
const (
	fixtureToken         = "sim-access-token"
	fixtureExpiredToken  = "sim-expired-token"
	fixtureReadonlyToken = "sim-readonly-token"
	fixtureApp           = "670843887433847"
	fixtureAppSecret     = "sim-app-secret"
	fixtureOtherApp      = "480237915630121"
	fixtureBusiness      = "506914307656634"
	fixtureWABA          = "102290129340398"
	fixtureWABA2         = "102290129340399"
	fixtureSystemUser    = "1972555232742222"
	fixturePhone         = "106540352242922"
	fixturePhone2        = "106540352242923"
	benchUserCount       = 600
	benchUserFirstID     = 200000000000001
)

// DefaultSeed returns the project's fixture data set: one app owning the
// access tokens, a second app already subscribed to the main WABA, one
// business with two WABAs, a handful of named users and 600 generated system
// users for benchmarks.
func DefaultSeed() Seed {
	return Seed{
		Tokens: []Token{
			{Value: fixtureToken, AppID: fixtureApp, Scopes: []string{scopeWABAManagement, "whatsapp_business_messaging", scopeBusinessManagement}},
			{Value: fixtureExpiredToken, AppID: fixtureApp, Scopes: []string{scopeWABAManagement, "whatsapp_business_messaging", scopeBusinessManagement}, Expired: true},
			{Value: fixtureReadonlyToken, AppID: fixtureApp, Scopes: []string{"public_profile"}},
		},
		Apps: []App{
			{ID: fixtureApp, Name: "Acme Platform", Secret: fixtureAppSecret},
			{ID: fixtureOtherApp, Name: "Acme Analytics"},
		},
		Businesses: []Business{{ID: fixtureBusiness, Name: "Acme Corp"}},
		Users:      defaultUsers(),
		WABAs:      []WABA{defaultWABA(), sandboxWABA()},
	}
}

func defaultUsers() []User {
	users := []User{
		{ID: fixtureSystemUser, Name: "ci-deployer", UserType: "SYSTEM_USER", BusinessID: fixtureBusiness},
		{ID: "100000000000101", Name: "Ana Lima", UserType: "BUSINESS_USER", BusinessID: fixtureBusiness},
		{ID: "100000000000102", Name: "Ben Okafor", UserType: "BUSINESS_USER", BusinessID: fixtureBusiness},
		{ID: "100000000000103", Name: "Chen Wei", UserType: "BUSINESS_USER", BusinessID: fixtureBusiness},
		{ID: "100000000000104", Name: "Dara Singh", UserType: "BUSINESS_USER", BusinessID: fixtureBusiness},
		{ID: "100000000000105", Name: "Eli Cohen", UserType: "BUSINESS_USER", BusinessID: fixtureBusiness},
	}
	for i := range benchUserCount {
		users = append(users, User{
			ID:         fmt.Sprint(benchUserFirstID + i),
			Name:       fmt.Sprintf("bench-user-%03d", i+1),
			UserType:   "SYSTEM_USER",
			BusinessID: fixtureBusiness,
		})
	}
	return users
}

func defaultWABA() WABA {
	return WABA{
		ID:         fixtureWABA,
		BusinessID: fixtureBusiness,
		Fields: map[string]any{
			"name":                         "Acme Support",
			"currency":                     "USD",
			"timezone_id":                  "1",
			"message_template_namespace":   "ba30dd89_2ebd_41e4_b805_f2c05ae04cc9",
			"business_verification_status": "verified",
			"country":                      "US",
			"is_enabled_for_insights":      true,
			"ownership_type":               "CLIENT_OWNED",
			"primary_funding_id":           "2215447698821233",
			"purchase_order_number":        "PO-4471",
			"account_review_status":        "APPROVED",
			"on_behalf_of_business_info": map[string]any{
				"id": fixtureBusiness, "name": "Acme Corp", "status": "APPROVED", "type": "SELF",
			},
			"owner_business_info": map[string]any{"id": fixtureBusiness, "name": "Acme Corp"},
			"health_status": map[string]any{
				"can_send_message": "AVAILABLE",
				"entities": []any{
					map[string]any{"entity_type": "WABA", "id": fixtureWABA, "can_send_message": "AVAILABLE"},
					map[string]any{"entity_type": "BUSINESS", "id": fixtureBusiness, "can_send_message": "AVAILABLE"},
					map[string]any{
						"entity_type": "APP", "id": fixtureApp, "can_send_message": "LIMITED",
						"additional_info": []any{"Your app is in development mode."},
					},
				},
			},
			"whatsapp_business_manager_messaging_limit": "TIER_10K",
			"creation_time":                           1672531200,
			"is_shared_with_partners":                 false,
			"status":                                  "ACTIVE",
			"primary_business_location":               "US",
			"template_auto_archival_enabled":          true,
			"disable_marketing_messages_on_cloud_api": false,
			"marketing_messages_lite_api_status":      "INELIGIBLE",
			"marketing_messages_onboarding_status":    "NOT_STARTED",
		},
		Subscriptions: []Subscription{{AppID: fixtureOtherApp}},
		Assignments:   []Assignment{{UserID: fixtureSystemUser, Tasks: []string{"MANAGE"}}},
		PhoneNumbers: []map[string]any{
			defaultPhone(fixturePhone, "+1 555-010-0001", "Acme Support", "GREEN", "VERIFIED"),
			defaultPhone(fixturePhone2, "+1 555-010-0002", "Acme Sales", "YELLOW", "NOT_VERIFIED"),
		},
		MessageTemplates: []map[string]any{
			{
				"id": "1192339204654487", "name": "hello_world", "language": "en_US",
				"category": "UTILITY", "status": "APPROVED",
				"components": []any{map[string]any{"type": "BODY", "text": "Hello World"}},
			},
			{
				"id": "1192339204654488", "name": "order_update", "language": "en_US",
				"category": "UTILITY", "status": "APPROVED",
				"components": []any{map[string]any{"type": "BODY", "text": "Your order {{1}} has shipped.",
					"example": map[string]any{"body_text": []any{[]any{"#1234"}}}}},
				"quality_score": map[string]any{"score": "GREEN"},
			},
			{
				"id": "1192339204654489", "name": "spring_sale", "language": "es",
				"category": "MARKETING", "status": "REJECTED",
				"components":      []any{map[string]any{"type": "BODY", "text": "¡Rebajas de primavera!"}},
				"rejected_reason": "PROMOTIONAL",
			},
		},
	}
}

func defaultPhone(id, display, verifiedName, quality, codeStatus string) map[string]any {
	return map[string]any{
		"id":                           id,
		"display_phone_number":         display,
		"verified_name":                verifiedName,
		"quality_rating":               quality,
		"name_status":                  "APPROVED",
		"code_verification_status":     codeStatus,
		"platform_type":                "CLOUD_API",
		"throughput":                   map[string]any{"level": "STANDARD"},
		"account_mode":                 "LIVE",
		"is_official_business_account": false,
		"whatsapp_business_manager_messaging_limit": "TIER_10K",
		"last_onboarded_time":                       "2024-03-01T10:00:00+0000",
	}
}

func sandboxWABA() WABA {
	return WABA{
		ID:         fixtureWABA2,
		BusinessID: fixtureBusiness,
		Fields: map[string]any{
			"name":                       "Acme Sandbox",
			"currency":                   "USD",
			"timezone_id":                "1",
			"message_template_namespace": "5f1c7e2a_9d4b_4c3e_8a61_0b7d2e9f4c10",
			"account_review_status":      "PENDING",
			"ownership_type":             "CLIENT_OWNED",
			"owner_business_info":        map[string]any{"id": fixtureBusiness, "name": "Acme Corp"},
			"status":                     "ACTIVE",
		},
	}
}
