package bench

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
)

// TestConcurrentFindsShareOnePagedRead is the coalescing a refresh relies
// on, without Terraform: 50 concurrent FindAssignedUser calls on one client
// page through the edge once between them.
func TestConcurrentFindsShareOnePagedRead(t *testing.T) {
	const users, callers = 45, 50
	seed := Seed()
	seed.MaxPageSize = 10
	for i := range seed.WABAs {
		if seed.WABAs[i].ID == WABAID {
			for u := range users {
				seed.WABAs[i].Assignments = append(seed.WABAs[i].Assignments,
					simulator.Assignment{UserID: fmt.Sprint(FirstUserID + u), Tasks: []string{"MANAGE"}})
			}
		}
	}
	sim := simulator.New(seed)
	url, stop, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	c, err := graph.New(graph.Config{BaseURL: url, AccessToken: seed.Tokens[0].Value, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make([]error, callers)
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			id := fmt.Sprint(FirstUserID + i%users)
			u, err := c.FindAssignedUser(ctx, WABAID, BusinessID, id)
			if err == nil && (u == nil || u.ID != id) {
				err = fmt.Errorf("found %+v, want user %s", u, id)
			}
			errs[i] = err
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("caller %d: %v", i, err)
		}
	}
	page := PageSize(seed)
	if got, want := sim.Counts()["GET "+RouteAssignedUsers], (users+page-1)/page; got != want {
		t.Errorf("%d callers made %d GETs of the edge, want %d: one paged read", callers, got, want)
	}
}
