package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
	"github.com/wabactl/terraform-provider-whatsapp/internal/validators"
)

// Environment variables read when the matching argument is not set.
const (
	EnvAccessToken = "WHATSAPP_ACCESS_TOKEN"
	EnvAppSecret   = "WHATSAPP_APP_SECRET"
	EnvAppID       = "WHATSAPP_APP_ID"
	EnvBusinessID  = "WHATSAPP_BUSINESS_ID"
	EnvAPIVersion  = "WHATSAPP_API_VERSION"
	EnvBaseURL     = "WHATSAPP_BASE_URL"
)

const (
	defaultRequestTimeout = "60s"
	// Example IDs that messages about a malformed ID show.
	exampleAppID      = "670843887433847"
	exampleBusinessID = "506914307656634"
)

// providerArgument is one argument of the provider block. The schema, the
// fallback to the environment, the deferral of unknown values and the checks
// of values from the environment all derive from providerArguments, so that
// an argument is declared in one place.
type providerArgument struct {
	name string
	// env is read when the argument is not set; empty when there is none.
	env string
	// description is the schema's; the sentence naming env is added to it.
	description string
	sensitive   bool
	// A string argument has validators and lands in setting; a number
	// argument has numberValidators and lands in numberSetting.
	validators       []validator.String
	setting          func(*clientSettings) *string
	numberValidators []validator.Int64
	numberSetting    func(*clientSettings) *int
	// check judges the value that reached the settings, which the schema
	// validators never see when it came from the environment.
	check argumentCheck
}

// argumentCheck returns the summary and detail of what is wrong with an
// argument's value, or two empty strings.
type argumentCheck func(a providerArgument, value string) (summary, detail string)

// providerArguments in the order their checks report.
var providerArguments = []providerArgument{
	{
		name: "access_token", env: EnvAccessToken, sensitive: true,
		description: "Graph API access token, usually a system user token with `whatsapp_business_management` (and `business_management` to assign users). " +
			"Sent only in the `Authorization` header.",
		validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		setting:    func(s *clientSettings) *string { return &s.graph.AccessToken },
		check: func(a providerArgument, value string) (string, string) {
			if value != "" {
				return "", ""
			}
			return "Missing Graph API access token", "The provider needs an access token: set " + a.name + " in the provider block or the " + a.env + " environment variable. " +
				"A system user token with whatsapp_business_management is recommended for automation."
		},
	},
	{
		name: "app_secret", env: EnvAppSecret, sensitive: true,
		description: "Secret of the app that owns the token. When set, every request carries `appsecret_proof`, which apps with *Require App Secret* enabled demand.",
		validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
		setting:     func(s *clientSettings) *string { return &s.graph.AppSecret },
	},
	{
		name: "app_id", env: EnvAppID,
		description: "ID of the app that owns the token. When unset the provider asks Graph once per run (`GET /app`).",
		validators:  []validator.String{validators.NumericID(exampleAppID)},
		setting:     func(s *clientSettings) *string { return &s.graph.AppID },
		check:       numericIDCheck("Invalid app ID", exampleAppID),
	},
	{
		name: "business_id", env: EnvBusinessID,
		description: "Default business (portfolio) ID, used by resources that read edges needing `business=` (`whatsapp_assigned_user`) when they do not set their own.",
		validators:  []validator.String{validators.NumericID(exampleBusinessID)},
		setting:     func(s *clientSettings) *string { return &s.businessID },
		check:       numericIDCheck("Invalid business ID", exampleBusinessID),
	},
	{
		name: "api_version", env: EnvAPIVersion,
		description: "Graph API version used in every request path. Defaults to `" + graph.DefaultAPIVersion + "`.",
		validators:  []validator.String{validators.APIVersion()},
		setting:     func(s *clientSettings) *string { return &s.graph.APIVersion },
		check:       graphRuleCheck("Invalid Graph API version", graph.ValidateAPIVersion),
	},
	{
		name: "base_url", env: EnvBaseURL,
		description: "Graph API base URL. Defaults to `" + graph.DefaultBaseURL + "`. Plain `http` is accepted only for loopback hosts (a local simulator).",
		validators:  []validator.String{validators.BaseURL()},
		setting:     func(s *clientSettings) *string { return &s.graph.BaseURL },
		check:       graphRuleCheck("Invalid base URL", graph.ValidateBaseURL),
	},
	{
		name: "max_retries",
		description: "How many times a request that failed transiently (network errors, HTTP 5xx, Graph throttling and transient codes) is retried. " +
			"Defaults to `4`; `0` disables retries.",
		numberValidators: []validator.Int64{int64validator.Between(0, 10)},
		numberSetting:    func(s *clientSettings) *int { return &s.graph.MaxRetries },
	},
	{
		name:        "request_timeout",
		description: "Time limit for each HTTP attempt, as a duration such as `30s`. Defaults to `" + defaultRequestTimeout + "`.",
		validators:  []validator.String{validators.Duration(time.Second, 10*time.Minute)},
		setting:     func(s *clientSettings) *string { return &s.requestTimeout },
	},
}

// attribute is the argument's schema attribute.
func (a providerArgument) attribute() schema.Attribute {
	description := a.description
	if a.env != "" {
		description += " Can also be set with `" + a.env + "`."
	}
	if a.numberSetting != nil {
		return schema.Int64Attribute{MarkdownDescription: description, Optional: true, Sensitive: a.sensitive, Validators: a.numberValidators}
	}
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Sensitive: a.sensitive, Validators: a.validators}
}

// envOrLiteral says what can stand in for the argument other than a variable.
func (a providerArgument) envOrLiteral() string {
	if a.env == "" {
		return "a literal value"
	}
	return a.env
}

// numericIDCheck applies the schema's numeric ID rule to a value from the
// environment.
func numericIDCheck(summary, example string) argumentCheck {
	return func(a providerArgument, value string) (string, string) {
		if value == "" || validators.IsNumericID(value) {
			return "", ""
		}
		return summary, fmt.Sprintf("%s (or %s) must be a numeric Graph ID such as %q.", a.name, a.env, example)
	}
}

// graphRuleCheck applies one of the Graph client's rules to a value from the
// environment.
func graphRuleCheck(summary string, rule func(string) error) argumentCheck {
	return func(a providerArgument, value string) (string, string) {
		if value == "" {
			return "", ""
		}
		if err := rule(value); err != nil {
			return summary, fmt.Sprintf("%s (or %s): %s.", a.name, a.env, err)
		}
		return "", ""
	}
}
