// Package sdklog keeps the plugin SDK from logging when Terraform records nothing.
package sdklog

import "strings"

// sdkLogVariables set the levels of the SDK's own loggers:
// terraform-plugin-go (root and proto) and terraform-plugin-framework.
var sdkLogVariables = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}

// Quiet turns the SDK's loggers off when Terraform will not record
// what they write. Unless one of these variables says otherwise they log
// every gRPC call at TRACE; without any TF_LOG* variable Terraform decodes
// each line and drops it. In a refresh of a hundred resources that was a
// third of the provider's CPU time, and more in Terraform. Any TF_LOG* or
// TF_ACC_LOG* variable, even empty, leaves every level as it was.
func Quiet(environ []string, setenv func(key, value string) error) {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG") || strings.HasPrefix(kv, "TF_ACC_LOG") {
			return
		}
	}
	for _, k := range sdkLogVariables {
		_ = setenv(k, "OFF")
	}
}
