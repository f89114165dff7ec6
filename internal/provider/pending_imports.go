//go:build tools

package provider
import (
 _ "github.com/hashicorp/terraform-plugin-framework/provider"
 _ "github.com/hashicorp/terraform-plugin-framework/providerserver"
 _ "github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
 _ "github.com/hashicorp/terraform-plugin-go/tfprotov6"
 _ "github.com/hashicorp/terraform-plugin-testing/helper/resource"
 _ "github.com/hashicorp/terraform-plugin-log/tflog"
 _ "github.com/hashicorp/go-retryablehttp"
 _ "gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"
 _ "golang.org/x/sync/singleflight"
 _ "gopkg.in/yaml.v3"
)
