package provider

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// TestReportGraphCall pins the text of a failed call's diagnostic: Graph's
// message, one line per field Graph sent, then the advice.
func TestReportGraphCall(t *testing.T) {
	client, err := graph.New(graph.Config{AccessToken: "t", BaseURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	verificationFailed := &graph.Error{HTTPStatus: 400, Method: "POST", Path: "/v26.0/670843887433847/subscriptions", Message: "Callback verification failed", Code: 2200, FBTraceID: "X"}
	cases := []struct {
		name            string
		err             error
		advice          []string
		summary, detail string
	}{
		{
			name: "every field",
			err: &graph.Error{HTTPStatus: 400, Method: "POST", Path: "/v26.0/1/subscribed_apps", Message: "Invalid parameter", Type: "OAuthException", Code: 100, Subcode: 33,
				UserMessage: "The user message", FBTraceID: "AbC123", Details: "waba_id is wrong"},
			advice:  []string{"Do this."},
			summary: "Failed to do X: Graph API error 100",
			detail: "Invalid parameter\n\nThe user message\n\n" +
				"Request:    POST /v26.0/1/subscribed_apps\nHTTP:       400\nCode:       100\nSubcode:    33\nType:       OAuthException\nDetails:    waba_id is wrong\nfbtrace_id: AbC123\n\n" +
				"Do this.",
		},
		{
			name:    "no Graph error object",
			err:     &graph.Error{HTTPStatus: 502, Message: "unexpected HTTP 502 response with an empty body"},
			advice:  []string{"", "Do this."},
			summary: "Failed to do X: HTTP 502",
			detail:  "unexpected HTTP 502 response with an empty body\n\nRequest:     \nHTTP:       502\n\nDo this.",
		},
		{
			name:    "no advice and no hint",
			err:     verificationFailed,
			summary: "Failed to do X: Graph API error 2200",
			detail:  "Callback verification failed\n\nRequest:    POST /v26.0/670843887433847/subscriptions\nHTTP:       400\nCode:       2200\nfbtrace_id: X",
		},
		{
			name:    "advice in pieces",
			err:     verificationFailed,
			advice:  []string{graph.Hint(verificationFailed), callbackVerificationAdvice(verificationFailed)},
			summary: "Failed to do X: Graph API error 2200",
			detail: "Callback verification failed\n\nRequest:    POST /v26.0/670843887433847/subscriptions\nHTTP:       400\nCode:       2200\nfbtrace_id: X\n\n" +
				"Meta could not verify callback_url. It sends GET <callback_url>?hub.mode=subscribe&hub.challenge=<number>&hub.verify_token=<token> " +
				"and expects HTTP 200 with the challenge as the whole body. Check that the endpoint is reachable over https with a valid certificate, " +
				"and that it compares hub.verify_token with verify_token_wo.",
		},
		{
			name:    "not from Graph",
			err:     errors.New("dial tcp: connection refused"),
			summary: "Failed to do X",
			detail:  "The provider could not do X: dial tcp: connection refused",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			if !reportGraphCall(&diags, client, "do X", tc.err, tc.advice...) {
				t.Fatal("reportGraphCall returned false for a failed call")
			}
			if len(diags) != 1 || diags[0].Summary() != tc.summary || diags[0].Detail() != tc.detail {
				t.Errorf("diagnostics = %v\nwant one error %q:\n%s", diags, tc.summary, tc.detail)
			}
		})
	}
	t.Run("success", func(t *testing.T) {
		var diags diag.Diagnostics
		if reportGraphCall(&diags, client, "do X", nil, "Do this.") || len(diags) != 0 {
			t.Errorf("a call without error gave %v", diags)
		}
	})
}

// TestReportGraphCall_usageWarningsFirst: budgets Meta reports nearly spent
// are warned about before the call's error.
func TestReportGraphCall_usageWarningsFirst(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-App-Usage", `{"call_count":91,"total_time":10,"total_cputime":5}`)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"T1"}}`))
	}))
	defer srv.Close()
	client, err := graph.New(graph.Config{AccessToken: "t", BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, callErr := client.GetBusinessAccount(context.Background(), "102290129340398")
	var diags diag.Diagnostics
	reportGraphCall(&diags, client, "read Z", callErr, "Do this.")
	const warning = "Meta reports 91% of the hourly app budget used for the app. Further runs this hour may be throttled (error 80008); " +
		"reduce how often plans refresh these resources, or wait for the budget to recover."
	if len(diags) != 2 || diags[0].Severity() != diag.SeverityWarning || diags[0].Detail() != warning ||
		diags[1].Severity() != diag.SeverityError || diags[1].Summary() != "Failed to read Z: Graph API error 100" {
		t.Errorf("diagnostics = %v, want the usage warning, then the error", diags)
	}
}

// TestReportGraphCall_outcomeUnknown: when a create's answer was lost, the
// diagnostic says the outcome is unknown and what to check before the
// resource's own advice, and never the hint to run again.
func TestReportGraphCall_outcomeUnknown(t *testing.T) {
	const phone = "106540352242922"
	explanation := "The outcome is unknown: Graph may have created the QR code before the answer was lost. " +
		"The request was not repeated, since every create makes a new code. " +
		"List the codes of phone number " + phone + " (GET /" + phone + "/message_qrdls, as the whatsapp_qr_code resource's documentation describes) " +
		"and import the one created, by its ID <phone_number_id>/<code>, or delete it; applying again without doing so may leave a second code."
	cases := []struct {
		name            string
		serve           http.HandlerFunc
		summary, detail string
	}{
		{
			name: "HTTP 503 without a Graph error",
			serve: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("X-Fb-Trace-Id", "AbCdEfGh123")
				w.WriteHeader(http.StatusServiceUnavailable)
			},
			summary: "Failed to create a QR code: HTTP 503 (outcome unknown)",
			detail: "unexpected HTTP 503 response with an empty body\n\n" +
				"Request:    POST /" + phone + "/message_qrdls\nHTTP:       503\nfbtrace_id: AbCdEfGh123\n\n" + explanation + "\n\nDo this.",
		},
		{
			name: "empty 200",
			serve: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("X-Fb-Trace-Id", "AbCdEfGh123")
			},
			summary: "Failed to create a QR code: HTTP 200 (outcome unknown)",
			detail: "the response is not the JSON Graph sends (0 bytes): unexpected end of JSON input\n\n" +
				"Request:    POST /" + phone + "/message_qrdls\nHTTP:       200\nfbtrace_id: AbCdEfGh123\n\n" + explanation + "\n\nDo this.",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.serve)
			defer srv.Close()
			client, err := graph.New(graph.Config{AccessToken: "t", BaseURL: srv.URL, MaxRetries: 3})
			if err != nil {
				t.Fatal(err)
			}
			_, callErr := client.CreateQRCode(context.Background(), phone, "Hi", "PNG")
			if !graph.IsOutcomeUnknown(callErr) {
				t.Fatalf("err = %v, want an unknown outcome", callErr)
			}
			var diags diag.Diagnostics
			reportGraphCall(&diags, client, "create a QR code", callErr, "", "Do this.")
			if len(diags) != 1 || diags[0].Summary() != tc.summary || diags[0].Detail() != tc.detail {
				t.Errorf("diagnostics = %v\nwant one error %q:\n%s", diags, tc.summary, tc.detail)
			}
		})
	}
}
