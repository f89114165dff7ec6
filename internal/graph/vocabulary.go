package graph

// The API's vocabulary: the names and values Graph accepts, kept in one place
// so that the client, the provider's schemas and validators, and the tests
// all speak of the same things.

// AssignableTasks are the tasks a user can hold on a WABA: the Graph
// reference's enum plus the partner-only tasks Meta documents for
// Multi-Partner Solutions.
var AssignableTasks = []string{
	"MANAGE", "DEVELOP", "MANAGE_TEMPLATES", "MANAGE_PHONE", "VIEW_COST", "MANAGE_EXTENSIONS",
	"VIEW_PHONE_ASSETS", "MANAGE_PHONE_ASSETS", "VIEW_TEMPLATES", "MESSAGING",
	"VIEW_INSIGHTS", "MANAGE_USERS", "MANAGE_BILLING",
}

// WABAWebhookObject is the object WhatsApp Business Account webhooks are
// subscribed under on /{app-id}/subscriptions.
const WABAWebhookObject = "whatsapp_business_account"

// WABAWebhookFields are the whatsapp_business_account webhook fields Meta
// documents: the Manage Webhooks list and the override page's additions.
// Other names get a plan-time warning, not an error, since Meta adds fields
// faster than this list can follow.
var WABAWebhookFields = []string{
	"account_alerts", "account_review_update", "account_settings_update", "account_update", "automatic_events",
	"business_capability_update", "calls", "consumer_profile", "group_lifecycle_update", "group_participants_update",
	"group_settings_update", "group_status_update", "history", "message_echoes", "message_template_components_update",
	"message_template_quality_update", "message_template_status_update", "messages", "messaging_handovers",
	"partner_solutions", "payment_configuration_update", "phone_number_name_update", "phone_number_quality_update",
	"security", "smb_app_state_sync", "smb_message_echoes", "template_category_update", "user_preferences",
}

// Values Graph accepts in the message_templates list filters (Meta's SDK
// enums for GET /{waba-id}/message_templates).
var (
	TemplateCategories = []string{"AUTHENTICATION", "MARKETING", "UTILITY"}
	TemplateStatuses   = []string{
		"APPROVED", "ARCHIVED", "DELETED", "DISABLED", "IN_APPEAL", "LIMIT_EXCEEDED",
		"PAUSED", "PENDING", "PENDING_DELETION", "REJECTED",
	}
)

// Example IDs for documentation, error messages and tests. They are the
// fixture IDs the recorded cassettes and the simulator's default seed use,
// so an example a user copies also works against the simulator.
const (
	ExampleWABAID        = "102290129340398"
	ExampleBusinessID    = "506914307656634"
	ExampleAppID         = "670843887433847"
	ExampleUserID        = "1972555232742222" // a system user
	ExamplePhoneNumberID = "106540352242922"
)

// QRImageFormats are the image formats of a QR code, sent as
// generate_qr_image on create and as qr_image_url.format(...) on reads
// (Meta's WhatsApp OpenAPI description, message_qrdls).
var QRImageFormats = []string{"PNG", "SVG"}

// QRPrefilledMessageMax is the longest prefilled_message Graph accepts, in
// characters (Meta's WhatsApp OpenAPI description, message_qrdls).
const QRPrefilledMessageMax = 140

// BusinessVerticals are the industries a business profile's vertical can
// name: the union of Meta's business profile reference page (which adds
// UNDEFINED and NOT_A_BIZ) and the OpenAPI description's
// WhatsAppBusinessVertical enum. The sources disagree and Meta adds values,
// so another value gets a plan-time warning, not an error, and Graph judges.
var BusinessVerticals = []string{
	"UNDEFINED", "OTHER", "AUTO", "BEAUTY", "APPAREL", "EDU", "ENTERTAIN", "EVENT_PLAN", "FINANCE",
	"GROCERY", "GOVT", "HOTEL", "HEALTH", "NONPROFIT", "PROF_SERVICES", "RETAIL", "TRAVEL",
	"RESTAURANT", "NOT_A_BIZ", "ALCOHOL", "ONLINE_GAMBLING", "PHYSICAL_GAMBLING", "OTC_DRUGS",
}

// Business profile limits, in characters. Meta's reference page allows a
// description of 512 characters and its OpenAPI description 256: the larger
// is allowed and Graph judges.
const (
	ProfileAboutMax       = 139
	ProfileAddressMax     = 256
	ProfileDescriptionMax = 512
	ProfileEmailMax       = 128
	ProfileWebsitesMax    = 2
	ProfileWebsiteMax     = 256
)

// UploadFileTypes are the MIME types the Resumable Upload API accepts.
var UploadFileTypes = []string{"application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"}
