package provider

import (
	"context"
	"fmt"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// overrideVerificationAdvice explains Meta's check of the callback when that
// is what failed (Graph code 2200).
func overrideVerificationAdvice(err error) string {
	if ge, ok := graph.AsError(err); !ok || ge.Code != 2200 {
		return ""
	}
	return "Meta could not verify override_callback_uri. It sends GET <override_callback_uri>?hub.mode=subscribe&hub.challenge=<number>&hub.verify_token=<token> " +
		"and expects HTTP 200 with the challenge as the whole body. Check that the endpoint is reachable over https with a valid certificate, " +
		"and that it compares hub.verify_token with verify_token_wo."
}

// appNotSubscribedAdvice tells, when Graph refuses the override with code
// 100, whether the token's app is subscribed to the WABA: Meta sets a
// number's override only for an app subscribed to the number's WABA, and
// does not document the error it gives otherwise. The subscription is read
// (one request, only after such a refusal) rather than guessed.
func appNotSubscribedAdvice(ctx context.Context, client *graph.Client, err error, waba string) string {
	ge, ok := graph.AsError(err)
	if !ok || ge.Code != 100 || graph.IsMissingOrHidden(err) {
		return ""
	}
	subscribe := fmt.Sprintf("Subscribe the app first with a whatsapp_subscribed_app resource for WhatsApp Business Account %s, "+
		"and add depends_on = [whatsapp_subscribed_app.<name>] to this resource so that Terraform subscribes the app before it sets the override.", waba)
	sub, readErr := client.FindTokenAppSubscription(ctx, waba)
	switch {
	case readErr != nil:
		return "Meta sets a phone number's callback override only for an app subscribed to the number's WhatsApp Business Account, and the provider could not " +
			"check that the app that owns the access token is subscribed to " + waba + " (" + readErr.Error() + "). If it is not: " + subscribe
	case sub == nil:
		return fmt.Sprintf("The app that owns the access token is not subscribed to WhatsApp Business Account %s, and Meta sets a phone number's callback "+
			"override only for an app subscribed to the number's WhatsApp Business Account. Nothing was changed. ", waba) + subscribe
	}
	return ""
}
