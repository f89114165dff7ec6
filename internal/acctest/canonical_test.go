package acctest

import (
	"net/url"
	"testing"
)

func TestCanonicalQuery(t *testing.T) {
	a := url.Values{"fields": {"name,id"}, "business": {"506914307656634"}, "tasks": {"MANAGE", "DEVELOP"}}
	b := url.Values{"tasks": {"DEVELOP", "MANAGE"}, "business": {"506914307656634"}, "fields": {"name,id"},
		"access_token": {"x"}, "appsecret_proof": {"y"}, "appsecret_time": {"1"}}
	want := "business=506914307656634&fields=name%2Cid&tasks=DEVELOP&tasks=MANAGE"
	if got := CanonicalQuery(a); got != want {
		t.Errorf("CanonicalQuery(a) = %q, want %q", got, want)
	}
	if got := CanonicalQuery(b); got != want {
		t.Errorf("CanonicalQuery(b) = %q, want %q (secret keys dropped, order ignored)", got, want)
	}
	if got := CanonicalQuery(url.Values{"fields": {"id,name"}}); got == want {
		t.Errorf("different values must not canonicalise alike: %q", got)
	}
	if got := CanonicalQuery(url.Values{"flag": nil}); got != "flag=" {
		t.Errorf("a key without values = %q, want %q", got, "flag=")
	}
}

func TestCanonicalBody(t *testing.T) {
	tests := []struct {
		name, contentType, a, b string
		same                    bool
	}{
		{"json key order", "application/json", `{"b":1,"a":{"y":2,"x":[1,2]}}`, `{ "a": {"x": [1,2], "y": 2}, "b": 1 }`, true},
		{"json charset parameter", "application/json; charset=utf-8", `{"a":1,"b":2}`, `{"b":2,"a":1}`, true},
		{"json array order matters", "application/json", `{"a":[1,2]}`, `{"a":[2,1]}`, false},
		{"json big ids keep every digit", "application/json", `{"id":1972555232742222}`, `{"id":1972555232742223}`, false},
		{"json value change", "application/json", `{"a":"MANAGE"}`, `{"a":"MANAGF"}`, false},
		{"form order", "application/x-www-form-urlencoded", "user=1&tasks=%5B%22MANAGE%22%5D", "tasks=%5B%22MANAGE%22%5D&user=1", true},
		{"form drops secrets", "application/x-www-form-urlencoded", "user=1&access_token=abc&appsecret_proof=def", "user=1", true},
		{"form value change", "application/x-www-form-urlencoded", "user=1", "user=2", false},
		{"raw is exact", "text/plain", "a=1&b=2", "b=2&a=1", false},
		{"no content type is exact", "", `{"a":1,"b":2}`, `{"b":2,"a":1}`, false},
		{"invalid json is exact", "application/json", `{"a":1`, `{"a":1`, true},
		{"trailing data is not one document", "application/json", `{"a":1} {"b":2}`, `{"a":1}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ca, cb := CanonicalBody(tt.contentType, []byte(tt.a)), CanonicalBody(tt.contentType, []byte(tt.b))
			if (ca == cb) != tt.same {
				t.Errorf("CanonicalBody: %q vs %q; want same=%v", ca, cb, tt.same)
			}
		})
	}
	if got := CanonicalBody("application/json", []byte(`{"b":"<x>","a":1}`)); got != `{"a":1,"b":"<x>"}` {
		t.Errorf("JSON canonical form = %q", got)
	}
}
