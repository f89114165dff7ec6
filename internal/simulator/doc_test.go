package simulator

import (
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// seedKeys returns every JSON key a seed may use, nested ones included.
func seedKeys() []string {
	seen := map[string]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
				if name == "" || name == "-" || seen[name] {
					continue
				}
				seen[name] = true
				walk(t.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeOf(Seed{}))
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	return out
}

func TestDocDescribesSeedAndAdmin(t *testing.T) {
	data, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, key := range seedKeys() {
		if !regexp.MustCompile(`\b` + key + `\b`).MatchString(doc) {
			t.Errorf("doc.go does not mention the seed key %s", key)
		}
	}
	for _, route := range AdminRoutes() {
		method, path, _ := strings.Cut(route, " ")
		if !regexp.MustCompile(method + `\s+` + regexp.QuoteMeta(path) + `\s`).MatchString(doc) {
			t.Errorf("doc.go does not describe %s", route)
		}
	}
	for _, fixture := range []string{fixtureToken, fixtureExpiredToken, fixtureReadonlyToken, fixtureApp + "|" + fixtureAppSecret,
		fixtureOtherApp, fixtureBusiness, fixtureWABA, fixtureWABA2, fixtureSystemUser, fixturePhone, fixturePhone2} {
		if !strings.Contains(doc, fixture) {
			t.Errorf("doc.go does not mention the fixture %s", fixture)
		}
	}
}

func TestAdminRoutesAreServed(t *testing.T) {
	s := newTestServer(t)
	for _, route := range AdminRoutes() {
		method, path, _ := strings.Cut(route, " ")
		if status, body := admin(t, s, method, path, "{}"); status == http.StatusNotFound && strings.Contains(body, "unknown admin endpoint") {
			t.Errorf("%s is listed but not served", route)
		}
	}
}
