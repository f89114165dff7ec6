package simulator

import (
	"net/url"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 599, 123456} {
		got, ok := decodeCursor(encodeCursor(n))
		if !ok || got != n {
			t.Fatalf("cursor for %d decodes to %d, %v", n, got, ok)
		}
	}
	// Padded standard base64 from other clients is accepted too.
	if got, ok := decodeCursor("MTA="); !ok || got != 10 {
		t.Fatalf("padded cursor decodes to %d, %v", got, ok)
	}
	for _, bad := range []string{"***", "LTE", "YWJj"} {
		if _, ok := decodeCursor(bad); ok {
			t.Errorf("cursor %q must be rejected", bad)
		}
	}
}

func TestPageWindow(t *testing.T) {
	tests := []struct {
		name       string
		params     url.Values
		total      int
		start, end int
	}{
		{name: "first page", total: 10, start: 0, end: 3},
		{name: "short list", total: 2, start: 0, end: 2},
		{name: "after", params: url.Values{"after": {encodeCursor(2)}}, total: 10, start: 3, end: 6},
		{name: "after the last item", params: url.Values{"after": {encodeCursor(9)}}, total: 10, start: 10, end: 10},
		{name: "after beyond the end", params: url.Values{"after": {encodeCursor(50)}}, total: 10, start: 10, end: 10},
		{name: "before", params: url.Values{"before": {encodeCursor(5)}}, total: 10, start: 2, end: 5},
		{name: "before near start", params: url.Values{"before": {encodeCursor(1)}}, total: 10, start: 0, end: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, gerr := pageWindow(tt.params, tt.total, 3)
			if gerr != nil || start != tt.start || end != tt.end {
				t.Fatalf("window = [%d,%d) %v, want [%d,%d)", start, end, gerr, tt.start, tt.end)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	got := parseFields(" name , health_status{can_send_message,entities{id}},feed.limit(3){a,b},,id")
	want := []fieldSpec{{name: "name"}, {name: "health_status", sub: "can_send_message,entities{id}"}, {name: "feed", sub: "a,b"}, {name: "id"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
