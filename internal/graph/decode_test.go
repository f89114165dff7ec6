package graph

import (
	"encoding/json"
	"testing"
)

func TestFlexString(t *testing.T) {
	cases := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{in: `"102290129340398"`, want: "102290129340398"},
		{in: `102290129340398`, want: "102290129340398"},
		{in: `12345678901234567890`, want: "12345678901234567890"}, // beyond float64 precision
		{in: `"a\"b"`, want: `a"b`},
		{in: `1.5`, want: "1.5"},
		{in: `null`, want: "unchanged"},
		{in: `true`, wantErr: true},
		{in: `{}`, wantErr: true},
		{in: `[1]`, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			s := flexString("unchanged")
			err := json.Unmarshal([]byte(tc.in), &s)
			if tc.wantErr {
				if err == nil {
					t.Errorf("want an error, got %q", s)
				}
				return
			}
			if err != nil || string(s) != tc.want {
				t.Errorf("got %q, %v; want %q", s, err, tc.want)
			}
		})
	}
}

func TestFlexInt(t *testing.T) {
	cases := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{in: `1700000000`, want: 1700000000},
		{in: `"1700000000"`, want: 1700000000},
		{in: `" 42 "`, want: 0, wantErr: true},
		{in: `1.7e9`, want: 1700000000},
		{in: `"141006"`, want: 141006},
		{in: `null`, want: -1},
		{in: `""`, want: -1},
		{in: `"soon"`, wantErr: true},
		{in: `true`, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			i := flexInt(-1)
			err := json.Unmarshal([]byte(tc.in), &i)
			if tc.wantErr {
				if err == nil {
					t.Errorf("want an error, got %d", i)
				}
				return
			}
			if err != nil || int64(i) != tc.want {
				t.Errorf("got %d, %v; want %d", i, err, tc.want)
			}
		})
	}
}

func TestFlexBool(t *testing.T) {
	cases := []struct {
		in      string
		want    bool
		wantErr bool
	}{
		{in: `true`, want: true},
		{in: `"true"`, want: true},
		{in: `"TRUE"`, want: true},
		{in: `1`, want: true},
		{in: `"1"`, want: true},
		{in: ` true `, want: true},
		{in: `false`},
		{in: `"false"`},
		{in: `0`},
		{in: `""`},
		{in: `null`},
		{in: `"yes"`, wantErr: true},
		{in: `2`, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			b := flexBool(!tc.want) // start from the opposite to see the write
			err := b.UnmarshalJSON([]byte(tc.in))
			if tc.wantErr {
				if err == nil {
					t.Errorf("want an error, got %v", b)
				}
				return
			}
			if err != nil || bool(b) != tc.want {
				t.Errorf("got %v, %v; want %v", b, err, tc.want)
			}
		})
	}
}
