package graph

import (
	"context"
	"net/http"
	"reflect"
	"sync/atomic"
	"testing"
)

func TestUsageWarningsAreReturnedOnce(t *testing.T) {
	type answer struct{ buc, app string }
	answers := []answer{
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":40,"total_cputime":5,"total_time":10}]}`, app: `{"call_count":10,"total_cputime":1,"total_time":1}`},
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":85,"total_cputime":5,"total_time":10}],"222":[{"type":"whatsapp_business_management","call_count":10,"total_cputime":90,"total_time":10}]}`},
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":50,"total_cputime":5,"total_time":10}]}`, app: `{"call_count":95,"total_cputime":1,"total_time":1}`},
		{buc: `{"111":[{"type":"whatsapp_business_management","call_count":99,"total_cputime":5,"total_time":10}]}`},
	}
	var n atomic.Int64
	f := newFakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		a := answers[min(int(n.Add(1))-1, len(answers)-1)]
		if a.buc != "" {
			w.Header().Set("X-Business-Use-Case-Usage", a.buc)
		}
		if a.app != "" {
			w.Header().Set("X-App-Usage", a.app)
		}
		writeJSON(w, 200, `{"id":"1"}`)
	})
	rec := &recordingLogger{}
	c := newTestClient(t, f.URL(), func(c *Config) { c.Logger = rec })
	call := func() {
		t.Helper()
		var out map[string]any
		if err := c.do(context.Background(), "GET", "/probe", nil, nil, &out); err != nil {
			t.Fatal(err)
		}
	}

	call()
	if got := c.TakeUsageWarnings(80); len(got) != 0 {
		t.Errorf("warnings below the threshold: %+v", got)
	}
	call()
	call()
	want := []Usage{
		{ObjectID: "111", Type: "whatsapp_business_management", CallCount: 85, TotalCPUTime: 5, TotalTime: 10},
		{ObjectID: "222", Type: "whatsapp_business_management", CallCount: 10, TotalCPUTime: 90, TotalTime: 10},
		{ObjectID: "", Type: "app", CallCount: 95, TotalCPUTime: 1, TotalTime: 1},
	}
	if got := c.TakeUsageWarnings(80); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings =\n%+v\nwant (highest usage kept, sorted)\n%+v", got, want)
	}
	if got := c.TakeUsageWarnings(80); len(got) != 0 {
		t.Errorf("warnings repeated: %+v", got)
	}
	call() // 111 rises to 99: already warned
	if got := c.TakeUsageWarnings(80); len(got) != 0 {
		t.Errorf("a budget was warned about twice: %+v", got)
	}

	var logged int
	for _, r := range rec.all() {
		if r.msg == "Graph API rate-limit usage" {
			logged++
			if _, ok := r.fields["call_count_pct"]; !ok {
				t.Errorf("usage log without call_count_pct: %v", r.fields)
			}
		}
	}
	if logged != 7 {
		t.Errorf("%d usage log lines, want 7 (one per budget per response)", logged)
	}
}

func TestUsageIsRecordedFromErrorResponses(t *testing.T) {
	f := newFakeGraph(t, respond(400,
		map[string]string{"X-Business-Use-Case-Usage": bucHeader(testWABA, 45)},
		graphErr(80008, 0, "There have been too many calls to this WhatsApp Business account.", false)))
	c := newTestClient(t, f.URL())
	if _, err := c.GetBusinessAccount(context.Background(), testWABA); err == nil {
		t.Fatal("want the throttle error")
	}
	got := c.TakeUsageWarnings(100)
	if len(got) != 1 || got[0].ObjectID != testWABA || got[0].CallCount != 100 || got[0].RegainAccess.Minutes() != 45 {
		t.Errorf("warnings = %+v", got)
	}
}

func TestNoUsageHeadersNoWarnings(t *testing.T) {
	f := newFakeGraph(t, okGraph)
	c := newTestClient(t, f.URL())
	if _, err := c.TokenApp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := c.TakeUsageWarnings(0); len(got) != 0 {
		t.Errorf("warnings without usage headers: %+v", got)
	}
}
