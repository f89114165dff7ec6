package sdklog

import "testing"

func TestQuiet(t *testing.T) {
	for _, tc := range []struct {
		name    string
		environ []string
		quiet   bool
	}{
		{"no log variables", []string{"HOME=/root", "PATH=/bin"}, true},
		{"TF_LOG", []string{"TF_LOG=TRACE"}, false},
		{"TF_LOG empty", []string{"TF_LOG="}, false},
		{"TF_LOG_PROVIDER", []string{"TF_LOG_PROVIDER=DEBUG"}, false},
		{"TF_LOG_SDK_PROTO", []string{"TF_LOG_SDK_PROTO=TRACE"}, false},
		{"acceptance test log", []string{"TF_ACC_LOG_PATH=/tmp/acc.log"}, false},
		{"unrelated TF variable", []string{"TF_IN_AUTOMATION=1", "TF_CLI_CONFIG_FILE=/tmp/rc"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := map[string]string{}
			Quiet(tc.environ, func(k, v string) error { set[k] = v; return nil })
			if !tc.quiet {
				if len(set) != 0 {
					t.Fatalf("set %v although Terraform records logs", set)
				}
				return
			}
			for _, k := range sdkLogVariables {
				if set[k] != "OFF" {
					t.Errorf("%s = %q, want OFF", k, set[k])
				}
			}
			if len(set) != len(sdkLogVariables) {
				t.Errorf("set %v, want only %v", set, sdkLogVariables)
			}
		})
	}
}
