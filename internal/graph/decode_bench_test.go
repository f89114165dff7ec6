package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// cannedTransport answers every request with one fixed response and no
// network, so a benchmark measures the client's own work.
type cannedTransport struct {
	status int
	header http.Header
	body   []byte
}

func (t cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: t.status, Header: t.header.Clone(), Request: r,
		Body: io.NopCloser(bytes.NewReader(t.body)), ContentLength: int64(len(t.body)),
	}, nil
}

// benchClient is a client whose every request gets status and body.
func benchClient(b *testing.B, status int, body []byte) *Client {
	b.Helper()
	c, err := New(Config{
		BaseURL: "http://127.0.0.1:1", AccessToken: "bench-token",
		Transport: cannedTransport{status: status, header: http.Header{"Content-Type": {"application/json"}}, body: body},
	})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// assignedUsersPage is one full page of the assigned_users edge as Graph
// sends it for fields=id,name,tasks: n users and the paging cursors, with no
// next link (the last page).
func assignedUsersPage(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":"%d","name":"bench-user-%03d","tasks":["MANAGE_TEMPLATES","VIEW_COST"]}`, 200000000000001+i, i+1)
	}
	return []byte(`{"data":[` + strings.Join(items, ",") + `],"paging":{"cursors":{"before":"MA","after":"OTk"}}}`)
}

// benchWABANode is the WABA node with every field the data source asks for.
var benchWABANode = []byte(`{"id":"102290129340398","name":"Acme Support","currency":"USD","timezone_id":"1",
"message_template_namespace":"ba30dd89_2ebd_41e4_b805_f2c05ae04cc9","business_verification_status":"verified",
"country":"US","is_enabled_for_insights":true,"ownership_type":"CLIENT_OWNED","primary_funding_id":"2215447698821233",
"purchase_order_number":"PO-4471","account_review_status":"APPROVED","status":"ACTIVE","primary_business_location":"US",
"whatsapp_business_manager_messaging_limit":"TIER_10K","marketing_messages_lite_api_status":"INELIGIBLE",
"marketing_messages_onboarding_status":"NOT_STARTED","is_shared_with_partners":false,"template_auto_archival_enabled":true,
"disable_marketing_messages_on_cloud_api":false,"creation_time":1672531200,
"on_behalf_of_business_info":{"id":"506914307656634","name":"Acme Corp","status":"APPROVED","type":"SELF"},
"owner_business_info":{"id":"506914307656634","name":"Acme Corp"},
"health_status":{"can_send_message":"AVAILABLE","entities":[
{"entity_type":"WABA","id":"102290129340398","can_send_message":"AVAILABLE"},
{"entity_type":"BUSINESS","id":"506914307656634","can_send_message":"AVAILABLE"},
{"entity_type":"APP","id":"670843887433847","can_send_message":"LIMITED","additional_info":["Your app is in development mode."]}]}}`)

// BenchmarkAssignedUsersPage is one uncached read of a 100-user page
// through the client: request, response, page envelope, items and the copy
// handed to the caller.
func BenchmarkAssignedUsersPage(b *testing.B) {
	c := benchClient(b, 200, assignedUsersPage(100))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c.reads.assignedUsers.invalidate("assigned_users|" + ExampleWABAID)
		users, err := c.ListAssignedUsers(ctx, ExampleWABAID, ExampleBusinessID)
		if err != nil || len(users) != 100 {
			b.Fatalf("%d users, %v", len(users), err)
		}
	}
}

// BenchmarkAssignedUsersPageDecode is the JSON part of the above alone: the
// envelope, then each item, as listAll and ListAssignedUsers decode them.
func BenchmarkAssignedUsersPageDecode(b *testing.B) {
	body := assignedUsersPage(100)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var p page
		if err := json.Unmarshal(body, &p); err != nil {
			b.Fatal(err)
		}
		for _, raw := range p.Data {
			var j assignedUserJSON
			if err := json.Unmarshal(raw, &j); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkFindAssignedUserCached is what each whatsapp_assigned_user
// refresh costs once the edge is cached: a lookup among 500 users.
func BenchmarkFindAssignedUserCached(b *testing.B) {
	c := benchClient(b, 200, assignedUsersPage(500))
	ctx := context.Background()
	if _, err := c.ListAssignedUsers(ctx, ExampleWABAID, ExampleBusinessID); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		u, err := c.FindAssignedUser(ctx, ExampleWABAID, ExampleBusinessID, "200000000000250")
		if err != nil || u == nil {
			b.Fatalf("%v, %v", u, err)
		}
	}
}

// BenchmarkBusinessAccountNode is one uncached read of the WABA node
// through the client.
func BenchmarkBusinessAccountNode(b *testing.B) {
	c := benchClient(b, 200, benchWABANode)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c.reads.accounts.invalidate(nodeScope(ExampleWABAID))
		if _, err := c.GetBusinessAccount(ctx, ExampleWABAID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBusinessAccountDecode is the node's decoding alone.
func BenchmarkBusinessAccountDecode(b *testing.B) {
	b.SetBytes(int64(len(benchWABANode)))
	b.ReportAllocs()
	for b.Loop() {
		ba, err := decodeBusinessAccount(benchWABANode)
		if err != nil || ba.HealthStatus == nil {
			b.Fatal(err)
		}
	}
}
