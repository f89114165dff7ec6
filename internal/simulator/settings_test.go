package simulator

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

const reduceDataBody = `{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"error_subcode":99,"is_transient":false,"error_user_title":"Reduce the amount of data","error_user_msg":"Please reduce the amount of data you're asking for, then retry your request","fbtrace_id":""}}`

func TestHeavyPageSize(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.HeavyPageSize = 2 })
	lists := []string{usersListPath, subsPath, wabaPath + "/phone_numbers", wabaPath + "/message_templates"}
	for _, target := range lists {
		t.Run(target, func(t *testing.T) {
			// No limit means the default page size of 25, which is too heavy.
			res := get(t, s, target)
			wantStatus(t, res, http.StatusInternalServerError)
			if got := withoutTrace(res.raw); got != reduceDataBody {
				t.Fatalf("body =\n%s\nwant\n%s", got, reduceDataBody)
			}
			if errorOf(t, res)["fbtrace_id"] == "" {
				t.Error("the error must carry a trace id")
			}
			// Repeating fails again; a smaller limit works.
			wantStatus(t, get(t, s, target), http.StatusInternalServerError)
			wantStatus(t, get(t, s, target+sep(target)+"limit=3"), http.StatusInternalServerError)
			wantStatus(t, get(t, s, target+sep(target)+"limit=2"), http.StatusOK)
		})
	}
	// The node and its inline edges are not list reads.
	wantStatus(t, get(t, s, wabaPath+"?fields=phone_numbers,subscribed_apps"), http.StatusOK)
}

// sep is the separator that appends a query parameter to target.
func sep(target string) string {
	if strings.Contains(target, "?") {
		return "&"
	}
	return "?"
}

func TestHeavyPageSizeMidRun(t *testing.T) {
	s := newTestServer(t)
	wantStatus(t, get(t, s, usersListPath), http.StatusOK)
	if status, body := admin(t, s, http.MethodPost, "/_sim/settings", `{"heavy_page_size":10}`); status != http.StatusOK {
		t.Fatalf("set: %d %s", status, body)
	}
	wantError(t, get(t, s, usersListPath), http.StatusInternalServerError, 1, 99, "An unknown error occurred")
	wantStatus(t, get(t, s, usersListPath+"&limit=10"), http.StatusOK)
	// The page served counts, so a limit capped to max_page_size is what
	// is compared.
	if err := s.SetSettings(Settings{HeavyPageSize: 100}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, get(t, s, usersListPath+"&limit=500"), http.StatusOK)
	admin(t, s, http.MethodPost, "/_sim/settings", `{"heavy_page_size":0}`)
	wantStatus(t, get(t, s, usersListPath), http.StatusOK)
}

// templateDefaults are the template settings of GET /_sim/settings when
// nothing changed them.
const templateDefaults = `,"template_review_delay":"0s","template_review_outcome":"APPROVED","template_category_override":{}`

func TestSettingsAdmin(t *testing.T) {
	s := newTestServer(t, func(seed *Seed) { seed.HeavyPageSize = 7 })
	status, body := admin(t, s, http.MethodGet, "/_sim/settings", "")
	if status != http.StatusOK || body != `{"subscribed_apps_shape":"nested","heavy_page_size":7,"business_profile_shape":"flat"`+templateDefaults+"}\n" {
		t.Fatalf("settings: %d %s", status, body)
	}
	// Keys left out keep their value.
	_, body = admin(t, s, http.MethodPost, "/_sim/settings", `{"subscribed_apps_shape":"flat"}`)
	if body != `{"subscribed_apps_shape":"flat","heavy_page_size":7,"business_profile_shape":"flat"`+templateDefaults+"}\n" {
		t.Fatalf("partial update: %s", body)
	}
	for _, bad := range []string{`{"heavy_page_size":-1}`, `{"page_size":3}`, `{"heavy_page_size":"ten"}`, `{"business_profile_shape":"round"}`,
		`{"template_review_delay":"-1s"}`, `{"template_review_delay":"soon"}`, `{"template_review_outcome":"PAUSED"}`,
		`{"template_category_override":{"UTILITY":"PROMOTIONAL"}}`, `{"template_category_override":{"utility":"MARKETING"}}`, `nope`} {
		if status, _ := admin(t, s, http.MethodPost, "/_sim/settings", bad); status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, status)
		}
	}
	want := Settings{SubscribedAppsShape: SubscribedAppsFlat, HeavyPageSize: 7, BusinessProfileShape: BusinessProfileFlat,
		TemplateReviewOutcome: ReviewApproved, TemplateCategoryOverride: CategoryOverride{}}
	if got := s.Settings(); !reflect.DeepEqual(got, want) {
		t.Errorf("refused changes altered the settings: %+v", got)
	}
	if err := s.SetSettings(Settings{}); err != nil || s.Settings().SubscribedAppsShape != SubscribedAppsNested ||
		s.Settings().BusinessProfileShape != BusinessProfileFlat {
		t.Errorf("empty shapes must mean the defaults: %+v %v", s.Settings(), err)
	}
}
