package pacing

import (
	"reflect"
	"testing"
)

func TestUsageTrackerKeepsTheHighestAndWarnsOnce(t *testing.T) {
	var tr UsageTracker
	if got := tr.TakeWarnings(0); got != nil {
		t.Errorf("an empty tracker warned: %+v", got)
	}
	tr.Record(Usage{ObjectID: "1", Type: "whatsapp_business_management", CallCount: 85})
	tr.Record(Usage{ObjectID: "1", Type: "whatsapp_business_management", CallCount: 50})
	tr.Record(Usage{ObjectID: "2", Type: "whatsapp_business_management", TotalCPUTime: 10})
	tr.Record(Usage{Type: "app", TotalTime: 90})
	want := []Usage{
		{ObjectID: "1", Type: "whatsapp_business_management", CallCount: 85},
		{Type: "app", TotalTime: 90},
	}
	if got := tr.TakeWarnings(80); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings = %+v, want %+v", got, want)
	}
	tr.Record(Usage{ObjectID: "1", Type: "whatsapp_business_management", CallCount: 99})
	if got := tr.TakeWarnings(80); len(got) != 0 {
		t.Errorf("a budget was warned about twice: %+v", got)
	}
	want = []Usage{{ObjectID: "2", Type: "whatsapp_business_management", TotalCPUTime: 10}}
	if got := tr.TakeWarnings(10); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings at a lower threshold = %+v, want %+v", got, want)
	}
}
