package pacing

import (
	"reflect"
	"sort"
	"testing"
	"time"
)

func TestParseBusinessUseCaseUsageMetaExample(t *testing.T) {
	header := `{"102290129340398":[
  {"type":"whatsapp_business_management","call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0},
  {"type":"whatsapp","call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}`
	got := ParseBusinessUseCaseUsage(header)
	want := []Usage{
		{ObjectID: "102290129340398", Type: "whatsapp_business_management", CallCount: 1, TotalCPUTime: 1, TotalTime: 1},
		{ObjectID: "102290129340398", Type: "whatsapp", CallCount: 1, TotalCPUTime: 1, TotalTime: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestParseBusinessUseCaseUsage(t *testing.T) {
	cases := []struct {
		name   string
		header string
		want   []Usage
	}{
		{
			name:   "floats and a regain time in minutes",
			header: `{"1":[{"type":"whatsapp_business_management","call_count":95.7,"total_cputime":12.2,"total_time":40.9,"estimated_time_to_regain_access":7}]}`,
			want:   []Usage{{ObjectID: "1", Type: "whatsapp_business_management", CallCount: 95, TotalCPUTime: 12, TotalTime: 40, RegainAccess: 7 * time.Minute}},
		},
		{
			name:   "negative and huge values are clamped",
			header: `{"1":[{"type":"x","call_count":-5,"total_cputime":1e12,"total_time":0,"estimated_time_to_regain_access":1e300}]}`,
			want:   []Usage{{ObjectID: "1", Type: "x", CallCount: 0, TotalCPUTime: 1e6, TotalTime: 0, RegainAccess: 1e6 * time.Minute}},
		},
		{
			name:   "missing counters are zero",
			header: `{"1":[{"type":"ads_management","ads_api_access_tier":"standard_access"}]}`,
			want:   []Usage{{ObjectID: "1", Type: "ads_management"}},
		},
		{name: "empty", header: "", want: nil},
		{name: "blank", header: "   ", want: nil},
		{name: "not JSON", header: "call_count=5", want: nil},
		{name: "cut JSON", header: `{"1":[{"type":"x","call_count":5`, want: nil},
		{name: "array at the top", header: `[{"type":"x"}]`, want: nil},
		{name: "value not an array", header: `{"1":{"type":"x"}}`, want: nil},
		{name: "counter not a number", header: `{"1":[{"type":"x","call_count":"lots"}]}`, want: nil},
		{name: "empty object", header: `{}`, want: nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseBusinessUseCaseUsage(tc.header)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestParseBusinessUseCaseUsageSeveralObjects(t *testing.T) {
	got := ParseBusinessUseCaseUsage(`{"1":[{"type":"a","call_count":10}],"2":[{"type":"b","call_count":20},{"type":"c","total_time":30}]}`)
	sort.Slice(got, func(i, j int) bool { return got[i].Type < got[j].Type })
	want := []Usage{
		{ObjectID: "1", Type: "a", CallCount: 10},
		{ObjectID: "2", Type: "b", CallCount: 20},
		{ObjectID: "2", Type: "c", TotalTime: 30},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
}

func TestParseAppUsage(t *testing.T) {
	cases := []struct {
		name   string
		header string
		want   Usage
		ok     bool
	}{
		{"Meta example", `{"call_count":0,"total_cputime":0,"total_time":0}`, Usage{Type: "app"}, true},
		{"values", `{"call_count":28,"total_cputime":25.5,"total_time":91}`, Usage{Type: "app", CallCount: 28, TotalCPUTime: 25, TotalTime: 91}, true},
		{"empty", "", Usage{}, false},
		{"malformed", `{"call_count":`, Usage{}, false},
		{"wrong shape", `[1,2,3]`, Usage{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseAppUsage(tc.header)
			if ok != tc.ok || got != tc.want {
				t.Errorf("got %+v, %v; want %+v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestUsagePercent(t *testing.T) {
	for _, tc := range []struct {
		u    Usage
		want int
	}{
		{Usage{}, 0},
		{Usage{CallCount: 10, TotalCPUTime: 80, TotalTime: 30}, 80},
		{Usage{CallCount: 100}, 100},
		{Usage{TotalTime: 55}, 55},
	} {
		if got := tc.u.Percent(); got != tc.want {
			t.Errorf("%+v.Percent() = %d, want %d", tc.u, got, tc.want)
		}
	}
}
