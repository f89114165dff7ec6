package simulator

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

func TestConcurrentRequests(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Kind: FaultGraphError, Code: 2, Transient: true, Path: "/phone_numbers$", Probability: 0.3})
	srv := httptest.NewServer(s)
	defer srv.Close()

	const workers = 24
	const perWorker = 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := fmt.Sprint(benchUserFirstID + w)
			for i := range perWorker {
				var req *http.Request
				switch i % 5 {
				case 0:
					form := url.Values{"user": {user}, "tasks": {`["DEVELOP"]`}}
					req, _ = http.NewRequest(http.MethodPost, srv.URL+usersPath, strings.NewReader(form.Encode()))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				case 1:
					req, _ = http.NewRequest(http.MethodGet, srv.URL+usersListPath+"&limit=7", nil)
				case 2:
					req, _ = http.NewRequest(http.MethodPost, srv.URL+subsPath, nil)
				case 3:
					req, _ = http.NewRequest(http.MethodGet, srv.URL+wabaPath+"/phone_numbers", nil)
				default:
					req, _ = http.NewRequest(http.MethodGet, srv.URL+wabaPath+"?fields=name,health_status", nil)
				}
				req.Header.Set("Authorization", "Bearer "+tokenOK)
				resp, err := srv.Client().Do(req)
				if err != nil {
					errs <- err
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				if resp.StatusCode != 200 && (i%5 != 3 || resp.StatusCode != 503) {
					errs <- fmt.Errorf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	total := 0
	for _, n := range s.Counts() {
		total += n
	}
	if total != workers*perWorker || len(s.Requests()) != workers*perWorker {
		t.Errorf("counted %d and logged %d requests, want %d", total, len(s.Requests()), workers*perWorker)
	}
	if got := len(assignedTasks(t, s)); got != workers+1 {
		t.Errorf("%d users assigned, want %d", got, workers+1)
	}
}
