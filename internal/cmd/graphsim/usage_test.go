package main

import (
	"context"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// seedKeys returns every JSON key a seed may use, nested ones included.
func seedKeys(t reflect.Type, seen map[string]bool) {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		seedKeys(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" && !seen[name] {
				seen[name] = true
				seedKeys(t.Field(i).Type, seen)
			}
		}
	}
}

func TestHelpDescribesEverything(t *testing.T) {
	var stdout, stderr syncBuffer
	if code := run(context.Background(), []string{"-h"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	help := stderr.String()
	keys := map[string]bool{}
	seedKeys(reflect.TypeOf(simulator.Seed{}), keys)
	for key := range keys {
		if !regexp.MustCompile(`\b` + key + `\b`).MatchString(help) {
			t.Errorf("help does not mention the seed key %s", key)
		}
	}
	for _, route := range simulator.AdminRoutes() {
		method, path, _ := strings.Cut(route, " ")
		if !regexp.MustCompile(method + `\s+` + regexp.QuoteMeta(path) + `\s`).MatchString(help) {
			t.Errorf("help does not describe %s", route)
		}
	}
	seed := simulator.DefaultSeed()
	for _, want := range []string{seed.Tokens[0].Value, seed.Tokens[1].Value, seed.Tokens[2].Value,
		seed.Apps[0].ID + "|" + seed.Apps[0].Secret, seed.Businesses[0].ID, seed.WABAs[0].ID, seed.WABAs[1].ID,
		"in memory", "-url-file", simulator.FaultSuccessFalse} {
		if !strings.Contains(help, want) {
			t.Errorf("help does not mention %q", want)
		}
	}
}
