package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// profileWith declares the fixture number's profile with body added.
func profileWith(body string) string {
	return "provider \"whatsapp\" {\n  business_id = \"506914307656634\"\n  app_id = \"670843887433847\"\n}\n" +
		profileBlock("x", "102290129340398", "106540352242922", body)
}

// TestBusinessProfileResource_validation feeds bad input through terraform
// plan: each is refused before any Graph request.
func TestBusinessProfileResource_validation(t *testing.T) {
	cases := []struct{ name, config, want string }{
		{"phone number instead of its ID", strings.Replace(profileWith(`about = "Hi"`), `"106540352242922"`, `"+1 555-010-0001"`, 1),
			`(?s)phone_number_id must be a numeric Graph ID`},
		{"nothing managed", profileWith(""), `(?s)At least one of these attributes must be configured:\s*\[about,address,description,email,websites,vertical,profile_picture_file\]`},
		{"about too long", profileWith(fmt.Sprintf("about = %q", strings.Repeat("a", 140))), `(?s)about.*length must be between 1 and 139`},
		{"empty about", profileWith(`about = ""`), `(?s)about.*length must be between 1 and 139`},
		{"address too long", profileWith(fmt.Sprintf("address = %q", strings.Repeat("a", 257))), `(?s)address.*length must be between 1 and 256`},
		{"description too long", profileWith(fmt.Sprintf("description = %q", strings.Repeat("a", 513))), `(?s)description.*length must be between 1 and 512`},
		{"email without @", profileWith(`email = "hello.example.com"`), `(?s)email.*must be an email address`},
		{"three websites", profileWith(`websites = ["https://a.example", "https://b.example", "https://c.example"]`), `(?s)websites.*must contain at least 1 elements and at most 2`},
		{"ftp website", profileWith(`websites = ["ftp://a.example"]`), `(?s)websites.*must be an http:// or https:// URL`},
		{"website too long", profileWith(fmt.Sprintf("websites = [%q]", "https://a.example/"+strings.Repeat("p", 240))), `(?s)websites.*length must be at most 256`},
		{"missing picture", profileWith(`profile_picture_file = "testdata/profile/missing.png"`), `(?s)Unusable profile picture file.*missing.png.*no such file`},
		{"picture not an image", profileWith(`profile_picture_file = "` + profileNotImage + `"`), `(?s)Unusable profile picture file.*not a JPEG or PNG image`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanError(t, noHTTPFactories(t), tc.config, tc.want)
		})
	}
}

// TestBusinessProfileResource_pictureNeedsAppID: a picture to upload
// without the provider's app_id fails the plan, before any write.
func TestBusinessProfileResource_pictureNeedsAppID(t *testing.T) {
	t.Setenv(EnvAppID, "")
	config := strings.Replace(profileWith(`profile_picture_file = "`+profileLogo+`"`), "  app_id = \"670843887433847\"\n", "", 1)
	expectPlanError(t, noHTTPFactories(t), config, `(?s)Missing app ID for the picture upload.*set app_id`)
}

// TestBusinessProfileResource_unknownVertical: a vertical no source lists
// is a warning, not an error: the plan goes through.
func TestBusinessProfileResource_unknownVertical(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: noHTTPFactories(t),
		Steps: []resource.TestStep{{
			Config:             profileWith(`vertical = "RESTAURANTS"`),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}

// TestBusinessProfileResource_importIDValidation refuses import IDs that
// are not <waba_id>/<phone_number_id>, before any Graph request.
func TestBusinessProfileResource_importIDValidation(t *testing.T) {
	for _, id := range []string{"106540352242922", "102290129340398/", "102290129340398/+15550100001"} {
		t.Run(id, func(t *testing.T) {
			expectImportError(t, noHTTPFactories(t), profileWith(`about = "Hi"`), "whatsapp_business_profile.x", id,
				`imported by <waba_id>/<phone_number_id> \(the resource's id\), each part a numeric Graph ID`)
		})
	}
}
