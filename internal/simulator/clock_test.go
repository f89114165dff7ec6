package simulator

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestAdvanceClock(t *testing.T) {
	s, clock := newClockedServer(t)
	status, body := admin(t, s, http.MethodPost, "/_sim/clock", `{"advance":"25h"}`)
	var answer struct {
		Now time.Time `json:"now"`
	}
	if err := json.Unmarshal([]byte(body), &answer); status != http.StatusOK || err != nil || !answer.Now.Equal(clock.t.Add(25*time.Hour)) {
		t.Fatalf("clock: %d %s, want now %s", status, body, clock.t.Add(25*time.Hour))
	}
	s.AdvanceClock(-time.Hour)
	s.AdvanceClock(time.Hour)
	get(t, s, wabaPath)
	if reqs := s.Requests(); len(reqs) != 1 || !reqs[0].At.Equal(clock.t.Add(26*time.Hour)) {
		t.Errorf("the request log must follow the clock: %+v", reqs)
	}
	for _, bad := range []string{`{}`, `{"advance":"-1h"}`, `{"advance":"soon"}`, `{"by":"1h"}`} {
		if status, _ := admin(t, s, http.MethodPost, "/_sim/clock", bad); status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, status)
		}
	}
	if got := s.clock(); !got.Equal(clock.t.Add(26 * time.Hour)) {
		t.Errorf("refused advances moved the clock to %s", got)
	}
}
