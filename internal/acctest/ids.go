package acctest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// IDs are the Graph object IDs a test works with. Cassettes always hold the
// fixture values, so a test written against IDs replays unchanged whether
// it was recorded against the simulator or against Meta.
type IDs struct {
	WABA       string
	WABA2      string
	Business   string
	App        string // the app the access token belongs to
	OtherApp   string
	SystemUser string
	Users      []string
	// PhoneNumber and PhoneNumber2 belong to WABA.
	PhoneNumber  string
	PhoneNumber2 string
}

// fixtureIDs is the fake data set every cassette and the simulator's
// default seed use.
func fixtureIDs() IDs {
	return IDs{
		WABA:       "102290129340398",
		WABA2:      "102290129340399",
		Business:   "506914307656634",
		App:        "670843887433847",
		OtherApp:   "480237915630121",
		SystemUser: "1972555232742222",
		Users: []string{
			"100000000000101", "100000000000102", "100000000000103",
			"100000000000104", "100000000000105",
		},
		PhoneNumber:  "106540352242922",
		PhoneNumber2: "106540352242923",
	}
}

// Environment variables naming real objects when recording against Meta or
// running live.
const (
	EnvWABA         = "WHATSAPP_TEST_WABA_ID"
	EnvWABA2        = "WHATSAPP_TEST_WABA2_ID"
	EnvBusiness     = "WHATSAPP_TEST_BUSINESS_ID"
	EnvApp          = "WHATSAPP_TEST_APP_ID"
	EnvOtherApp     = "WHATSAPP_TEST_OTHER_APP_ID"
	EnvSystemUser   = "WHATSAPP_TEST_SYSTEM_USER_ID"
	EnvUsers        = "WHATSAPP_TEST_USER_IDS"
	EnvPhoneNumber  = "WHATSAPP_TEST_PHONE_NUMBER_ID"
	EnvPhoneNumber2 = "WHATSAPP_TEST_PHONE_NUMBER2_ID"
)

// realIDs reads the real object IDs from the environment; unset ones stay
// empty.
func realIDs() IDs {
	get := func(k string) string { return strings.TrimSpace(os.Getenv(k)) }
	ids := IDs{
		WABA:         get(EnvWABA),
		WABA2:        get(EnvWABA2),
		Business:     get(EnvBusiness),
		App:          get(EnvApp),
		OtherApp:     get(EnvOtherApp),
		SystemUser:   get(EnvSystemUser),
		PhoneNumber:  get(EnvPhoneNumber),
		PhoneNumber2: get(EnvPhoneNumber2),
	}
	for _, u := range strings.Split(get(EnvUsers), ",") {
		if u = strings.TrimSpace(u); u != "" {
			ids.Users = append(ids.Users, u)
		}
	}
	return ids
}

// FixtureIDs returns the IDs a test should use: the fixture values when
// replaying or recording against the simulator, the real ones from the
// environment when talking to Meta. Against Meta the WABA and business IDs
// are required (the test is skipped without them); other unset IDs are
// empty.
func FixtureIDs(t testing.TB) IDs {
	t.Helper()
	if !usesMeta(CurrentMode()) {
		return fixtureIDs()
	}
	ids := realIDs()
	var missing []string
	if ids.WABA == "" {
		missing = append(missing, EnvWABA)
	}
	if ids.Business == "" {
		missing = append(missing, EnvBusiness)
	}
	if len(missing) > 0 {
		t.Skipf("talking to Meta needs the real test objects: set %s", strings.Join(missing, ", "))
	}
	return ids
}

// realToFixture maps each real ID set in the environment to the fixture ID
// in the same role, for rewriting recordings made against Meta.
func realToFixture() (map[string]string, error) {
	live, fake := realIDs(), fixtureIDs()
	m := map[string]string{}
	add := func(r, f string) error {
		if r == "" || r == f {
			return nil
		}
		if prev, ok := m[r]; ok && prev != f {
			return fmt.Errorf("real ID %s is set for two roles (fixtures %s and %s)", r, prev, f)
		}
		m[r] = f
		return nil
	}
	pairs := [][2]string{
		{live.WABA, fake.WABA}, {live.WABA2, fake.WABA2}, {live.Business, fake.Business},
		{live.App, fake.App}, {live.OtherApp, fake.OtherApp}, {live.SystemUser, fake.SystemUser},
		{live.PhoneNumber, fake.PhoneNumber}, {live.PhoneNumber2, fake.PhoneNumber2},
	}
	if len(live.Users) > len(fake.Users) {
		return nil, fmt.Errorf("%s lists %d users; the fixture set has %d", EnvUsers, len(live.Users), len(fake.Users))
	}
	for i, u := range live.Users {
		pairs = append(pairs, [2]string{u, fake.Users[i]})
	}
	for _, p := range pairs {
		if err := add(p[0], p[1]); err != nil {
			return nil, err
		}
	}
	return m, nil
}
