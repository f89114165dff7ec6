package graph

import (
	"strings"
	"testing"
	"time"
)

func TestValidateAPIVersion(t *testing.T) {
	for _, v := range []string{"v26.0", "v25.0", "v2.12", "v100.0"} {
		if err := ValidateAPIVersion(v); err != nil {
			t.Errorf("ValidateAPIVersion(%q) = %v", v, err)
		}
	}
	for _, v := range []string{"", "25", "25.0", "v25", "V25.0", "v25.0.1", "v25.x", " v25.0", "v25.0/"} {
		if err := ValidateAPIVersion(v); err == nil {
			t.Errorf("ValidateAPIVersion(%q) accepted it", v)
		}
	}
}

func TestValidateBaseURL(t *testing.T) {
	ok := []string{
		"https://graph.facebook.com",
		"https://graph.facebook.com/",
		"https://proxy.internal:8443/graph",
		"http://127.0.0.1:4010",
		"http://127.255.0.1",
		"http://localhost",
		"http://localhost:8080/",
		"http://[::1]:9000",
	}
	for _, u := range ok {
		if err := ValidateBaseURL(u); err != nil {
			t.Errorf("ValidateBaseURL(%q) = %v", u, err)
		}
	}
	bad := map[string]string{
		"http://graph.facebook.com":    "plain http",
		"http://192.168.1.10:8080":     "plain http",
		"http://[::2]:80":              "plain http",
		"http://127.0.0.1.nip.io":      "plain http",
		"graph.facebook.com":           "absolute",
		"/v26.0":                       "absolute",
		"ws://localhost":               "absolute",
		"https://":                     "absolute",
		"https://graph.facebook.com#x": "must not carry",
		"%zz":                          "absolute",
	}
	for u, want := range bad {
		err := ValidateBaseURL(u)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ValidateBaseURL(%q) = %v, want an error containing %q", u, err, want)
		}
	}
}

func TestIsLoopbackHost(t *testing.T) {
	cases := map[string]bool{
		"localhost": true, "LocalHost": true, "127.0.0.1": true, "127.1.2.3": true, "::1": true,
		"": false, "example.com": false, "10.0.0.1": false, "localhost.example.com": false, "0.0.0.0": false,
	}
	for host, want := range cases {
		if got := isLoopbackHost(host); got != want {
			t.Errorf("isLoopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestConfigDefaults(t *testing.T) {
	c := Config{AccessToken: " tok "}.withDefaults()
	if c.BaseURL != DefaultBaseURL || c.APIVersion != DefaultAPIVersion || c.PageLimit != DefaultPageLimit {
		t.Errorf("defaults = %+v", c)
	}
	if c.RetryWaitMin != DefaultRetryWaitMin || c.RetryWaitMax != DefaultRetryWaitMax || c.MaxThrottleWait != DefaultMaxThrottleWait || c.RequestTimeout != DefaultRequestTimeout {
		t.Errorf("durations = %+v", c)
	}
	if c.MaxRetries != 0 {
		t.Errorf("MaxRetries = %d: zero must stay zero (retries off)", c.MaxRetries)
	}
	if c.AccessToken != "tok" || c.UserAgent == "" || c.Logger == nil {
		t.Errorf("token/user agent/logger = %q %q %v", c.AccessToken, c.UserAgent, c.Logger)
	}

	c = Config{MaxRetries: -3, RetryWaitMin: time.Second, RetryWaitMax: time.Millisecond, BaseURL: "https://x.example.com///"}.withDefaults()
	if c.MaxRetries != 0 {
		t.Errorf("negative MaxRetries became %d", c.MaxRetries)
	}
	if c.RetryWaitMax != time.Second {
		t.Errorf("RetryWaitMax below RetryWaitMin became %v, want %v", c.RetryWaitMax, time.Second)
	}
	if c.BaseURL != "https://x.example.com" {
		t.Errorf("BaseURL = %q", c.BaseURL)
	}
}

func TestNewAppliesRetrySettings(t *testing.T) {
	c, err := New(Config{AccessToken: testToken, MaxRetries: 7, RetryWaitMin: 2 * time.Millisecond, RetryWaitMax: 3 * time.Millisecond, RequestTimeout: 9 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if c.wire.http.RetryMax != 7 || c.wire.http.RetryWaitMin != 2*time.Millisecond || c.wire.http.RetryWaitMax != 3*time.Millisecond {
		t.Errorf("retryablehttp settings = %d %v %v", c.wire.http.RetryMax, c.wire.http.RetryWaitMin, c.wire.http.RetryWaitMax)
	}
	if c.wire.http.HTTPClient.Timeout != 9*time.Second {
		t.Errorf("timeout = %v", c.wire.http.HTTPClient.Timeout)
	}
}
