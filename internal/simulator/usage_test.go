package simulator

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

type bucEntry struct {
	Type          string `json:"type"`
	CallCount     int    `json:"call_count"`
	TotalCPUTime  int    `json:"total_cputime"`
	TotalTime     int    `json:"total_time"`
	RegainMinutes int    `json:"estimated_time_to_regain_access"`
}

func bucOf(t *testing.T, res result, waba string) bucEntry {
	t.Helper()
	var m map[string][]bucEntry
	if err := json.Unmarshal([]byte(res.header.Get("X-Business-Use-Case-Usage")), &m); err != nil {
		t.Fatalf("X-Business-Use-Case-Usage %q: %v", res.header.Get("X-Business-Use-Case-Usage"), err)
	}
	if len(m[waba]) != 1 || m[waba][0].Type != "whatsapp_business_management" {
		t.Fatalf("BUC header %v has no whatsapp_business_management entry for %s", m, waba)
	}
	return m[waba][0]
}

// fakeClock lets a test move the simulator's time.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestUsageHeaders(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.HourlyBudget = 10 })
	var last result
	for range 3 {
		last = get(t, s, wabaPath)
	}
	if got := bucOf(t, last, fixtureWABA); got.CallCount != 30 || got.RegainMinutes != 0 {
		t.Errorf("after 3 of 10 calls: %+v, want call_count 30", got)
	}
	// Edges count against the same WABA budget, errors included.
	last = get(t, s, usersPath)
	if got := bucOf(t, last, fixtureWABA); got.CallCount != 40 {
		t.Errorf("after 4 calls: %+v, want call_count 40", got)
	}
	other := get(t, s, "/v25.0/"+fixtureWABA2)
	if got := bucOf(t, other, fixtureWABA2); got.CallCount != 10 {
		t.Errorf("second WABA has its own budget: %+v", got)
	}
	var app struct {
		CallCount int `json:"call_count"`
	}
	if err := json.Unmarshal([]byte(other.header.Get("X-App-Usage")), &app); err != nil {
		t.Fatalf("X-App-Usage %q: %v", other.header.Get("X-App-Usage"), err)
	}
	if app.CallCount != 25 { // 5 calls of an app budget of 10 per WABA × 2 WABAs
		t.Errorf("X-App-Usage call_count = %d, want 25", app.CallCount)
	}
	if res := get(t, s, "/v25.0/app"); res.header.Get("X-Business-Use-Case-Usage") != "" {
		t.Error("GET /app is not WABA-scoped and must not carry a BUC header")
	}
	for range 20 {
		last = get(t, s, wabaPath)
	}
	if got := bucOf(t, last, fixtureWABA); got.CallCount != 100 {
		t.Errorf("call_count must cap at 100, got %d", got.CallCount)
	}
	wantStatus(t, last, http.StatusOK)
}

func TestBudgetEnforcement(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	s := newTestServer(t, func(seed *Seed) { seed.HourlyBudget = 3; seed.EnforceBudget = true })
	s.now = clock.now

	for range 3 {
		wantStatus(t, get(t, s, wabaPath), http.StatusOK)
		clock.t = clock.t.Add(10 * time.Minute)
	}
	// Calls at :00, :10 and :20; at :30 the oldest leaves the window in 30 minutes.
	res := get(t, s, wabaPath)
	wantError(t, res, 400, 80008, 0, throttleMessage)
	if errorOf(t, res)["is_transient"] != true {
		t.Error("80008 must be transient")
	}
	if got := bucOf(t, res, fixtureWABA); got.CallCount != 100 || got.RegainMinutes != 30 {
		t.Errorf("throttled BUC = %+v, want call_count 100 and 30 minutes", got)
	}
	wantStatus(t, get(t, s, "/v25.0/"+fixtureWABA2), http.StatusOK)

	clock.t = clock.t.Add(31 * time.Minute)
	res = get(t, s, wabaPath)
	wantStatus(t, res, http.StatusOK)
	if got := bucOf(t, res, fixtureWABA); got.CallCount != 100 {
		t.Errorf("after the oldest call aged out: %+v, want 3 of 3 used", got)
	}
}

func TestBudgetNotEnforcedByDefault(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.HourlyBudget = 1 })
	for range 3 {
		wantStatus(t, get(t, s, wabaPath), http.StatusOK)
	}
}

func TestUsageRoundsUp(t *testing.T) {
	s := newTestServer(t) // default budget of 200 calls per hour
	if got := bucOf(t, get(t, s, wabaPath), fixtureWABA); got.CallCount != 1 {
		t.Errorf("one call of 200 shows call_count %d, want 1", got.CallCount)
	}
}
