package graph

// reads are what the client has read in this run, one cache per kind of
// answer.
type reads struct {
	tokenApp         appCache
	accounts         readCache[BusinessAccount]
	owners           readCache[string]
	assignedUsers    readCache[[]AssignedUser]
	subscribedApps   readCache[[]SubscribedApp]
	phoneNumbers     readCache[[]PhoneNumber]
	automations      readCache[[]automationItem]
	profiles         readCache[[]profileNumber]
	templates        readCache[[]MessageTemplate]
	appSubscriptions readCache[[]AppSubscription]
	ownedWABAs       readCache[[]OwnedWABA]
	clientWABAs      readCache[[]ClientWABA]
	qrCodes          readCache[[]QRCode]
}

// nodeScope is the cache scope of an object's own reads (its node, not an
// edge of it).
func nodeScope(objectID string) string { return "node|" + objectID }
