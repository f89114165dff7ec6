package graph

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"
)

// retryCase is a response the retry policy classifies, and what it should
// decide, so that a benchmark measuring the wrong branch fails.
type retryCase struct {
	name   string
	status int
	header http.Header
	body   string
	retry  bool
}

var retryCases = []retryCase{
	{"200 page", 200, nil, `{"data":[{"id":"1972555232742222","name":"ci-deployer","tasks":["MANAGE"]}]}`, false},
	{"200 empty body", 200, nil, ``, true},
	{"400 throttled 80008 short wait", 400, http.Header{"X-Business-Use-Case-Usage": {
		`{"102290129340398":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":1}]}`}},
		`{"error":{"message":"(#80008) There have been too many calls to this WhatsApp Business account.","type":"OAuthException","code":80008,"is_transient":true,"fbtrace_id":"AbCdEf"}}`, true},
	{"400 throttled 80008 long wait", 400, http.Header{"X-Business-Use-Case-Usage": {
		`{"102290129340398":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":45}]}`}},
		`{"error":{"message":"(#80008) There have been too many calls to this WhatsApp Business account.","type":"OAuthException","code":80008,"is_transient":true,"fbtrace_id":"AbCdEf"}}`, false},
	{"400 permission", 400, nil, `{"error":{"message":"(#200) Permissions error","type":"OAuthException","code":200,"fbtrace_id":"AbCdEf"}}`, false},
	{"429 Retry-After", 429, http.Header{"Retry-After": {"3"}}, `{"error":{"message":"Too many requests","code":4,"is_transient":true}}`, true},
	{"500 transient", 500, nil, `{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"is_transient":true}}`, true},
	{"502 proxy HTML", 502, http.Header{"Content-Type": {"text/html"}}, `<html><body><h1>502 Bad Gateway</h1></body></html>`, true},
}

func (rc retryCase) response() *http.Response {
	req, _ := http.NewRequest("GET", "http://127.0.0.1:1/v26.0/"+ExampleWABAID+"/assigned_users", nil)
	h := rc.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: rc.status, Header: h, Request: req, Body: io.NopCloser(bytes.NewReader([]byte(rc.body)))}
}

// BenchmarkCheckRetry classifies typical Graph answers: a success, the
// throttles on both sides of the wait ceiling, a permanent error, and the
// transient failures.
func BenchmarkCheckRetry(b *testing.B) {
	c, err := New(Config{BaseURL: "http://127.0.0.1:1", AccessToken: "bench-token"})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, rc := range retryCases {
		b.Run(rc.name, func(b *testing.B) {
			resp := rc.response()
			body := []byte(rc.body)
			b.ReportAllocs()
			for b.Loop() {
				resp.Body = io.NopCloser(bytes.NewReader(body))
				retry, err := c.checkRetry(ctx, resp, nil)
				if err != nil || retry != rc.retry {
					b.Fatalf("retry = %v, %v; want %v", retry, err, rc.retry)
				}
			}
		})
	}
}

// BenchmarkBackoff computes the wait before a retry: exponential with
// jitter when Graph said nothing, and Graph's own figure when it did.
func BenchmarkBackoff(b *testing.B) {
	c, err := New(Config{BaseURL: "http://127.0.0.1:1", AccessToken: "bench-token"})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		resp *http.Response
		want func(time.Duration) bool
	}{
		{"exponential", nil, func(d time.Duration) bool { return d > 0 && d <= 30*time.Second }},
		{"Retry-After", retryCases[5].response(), func(d time.Duration) bool { return d == 3*time.Second }},
		// One minute to regain access, clamped to the 30s ceiling.
		{"usage header", retryCases[2].response(), func(d time.Duration) bool { return d == 30*time.Second }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if d := c.backoff(time.Second, 30*time.Second, 2, tc.resp); !tc.want(d) {
					b.Fatalf("backoff = %s", d)
				}
			}
		})
	}
}
