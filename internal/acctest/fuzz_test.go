package acctest

import (
	"encoding/json"
	"net/url"
	"slices"
	"testing"
)

// The cassette matcher compares requests in canonical form. A canonical form
// must be stable (canonicalising it again changes nothing, or two runs of the
// same request could match differently), must keep every non-secret value
// and drop the secret ones, and must treat as JSON only what is JSON.

func FuzzCanonicalQuery(f *testing.F) {
	f.Add("fields=id,name&business=506914307656634&limit=100")
	f.Add("appsecret_proof=abc&access_token=t&after=QVFI%3D&after=A")
	f.Add("verify_token=x&hub.verify_token=y&=empty&k")
	f.Add("a=%zz&b=1")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		c := CanonicalQuery(q)
		back, err := url.ParseQuery(c)
		if err != nil {
			t.Fatalf("canonical form %q does not parse: %v", c, err)
		}
		if again := CanonicalQuery(back); again != c {
			t.Errorf("not stable: %q then %q", c, again)
		}
		for k, vs := range q {
			if secretParams[k] {
				if back.Has(k) {
					t.Errorf("secret %q kept in %q", k, c)
				}
				continue
			}
			want := slices.Clone(vs)
			slices.Sort(want)
			if !slices.Equal(back[k], want) {
				t.Errorf("%q: values %q, want %q", k, back[k], want)
			}
		}
	})
}

func FuzzCanonicalBody(f *testing.F) {
	f.Add("application/json", []byte(`{"b":1,"a":[true,null,"x"],"n":12345678901234567890}`))
	f.Add("application/json; charset=utf-8", []byte(`{"verify_token":"v"} {"second":1}`))
	f.Add("application/json", []byte(`{"a":1} trailing`))
	f.Add("application/x-www-form-urlencoded", []byte("user=1&tasks=%5B%22MANAGE%22%5D&appsecret_proof=p"))
	f.Add("text/plain", []byte("raw \xff bytes"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		c := CanonicalBody(contentType, body)
		if again := CanonicalBody(contentType, []byte(c)); again != c {
			t.Errorf("not stable: %q then %q", c, again)
		}
		if kindOf(contentType) == bodyJSON {
			if _, ok := parseJSON(body); ok && !json.Valid(body) {
				t.Errorf("%q is not one JSON document but was matched as JSON", body)
			}
		}
	})
}
