package acctest

import (
	"strings"
	"testing"
)

func TestFixtureIDs(t *testing.T) {
	t.Setenv(EnvMode, "")
	t.Setenv(EnvWABA, "111")
	got := FixtureIDs(t)
	if got.WABA != "102290129340398" || got.WABA2 != "102290129340399" || got.Business != "506914307656634" ||
		got.App != "670843887433847" || got.OtherApp != "480237915630121" || got.SystemUser != "1972555232742222" ||
		len(got.Users) != 5 || got.Users[0] != "100000000000101" || got.Users[4] != "100000000000105" ||
		got.PhoneNumber != "106540352242922" || got.PhoneNumber2 != "106540352242923" {
		t.Fatalf("replay FixtureIDs = %+v", got)
	}

	// Recording against the simulator also uses the fixture set.
	t.Setenv(EnvMode, "record")
	t.Setenv(EnvAccessToken, "")
	if FixtureIDs(t).WABA != "102290129340398" {
		t.Fatal("simulator recording must use fixture IDs")
	}

	// Against Meta the real IDs are required.
	t.Setenv(EnvAccessToken, "meta-token")
	t.Setenv(EnvWABA, "")
	t.Setenv(EnvBusiness, "")
	fake := newFakeTB(t, "TestAccX")
	if fake.run(func() { FixtureIDs(fake) }) {
		t.Fatal("FixtureIDs against Meta without real IDs did not skip")
	}
	_, _, skips := fake.snapshot()
	mustContainOne(t, "skip", skips, EnvWABA, EnvBusiness)
}

func TestRealToFixture(t *testing.T) {
	t.Setenv(EnvWABA, "111")
	t.Setenv(EnvBusiness, "222")
	t.Setenv(EnvUsers, "333, 444")
	t.Setenv(EnvApp, "670843887433847") // already the fixture value: no mapping
	m, err := realToFixture()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"111": "102290129340398", "222": "506914307656634", "333": "100000000000101", "444": "100000000000102"}
	if len(m) != len(want) {
		t.Fatalf("mapping = %v, want %v", m, want)
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s -> %q, want %q", k, m[k], v)
		}
	}

	t.Setenv(EnvBusiness, "111")
	if _, err := realToFixture(); err == nil || !strings.Contains(err.Error(), "two roles") {
		t.Errorf("one real ID in two roles: err = %v", err)
	}
	t.Setenv(EnvBusiness, "222")
	t.Setenv(EnvUsers, "1,2,3,4,5,6")
	if _, err := realToFixture(); err == nil {
		t.Error("more real users than fixture users must be an error")
	}
}
