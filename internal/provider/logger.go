package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/wabactl/terraform-provider-whatsapp/internal/graph"
)

// graphSubsystem names the Graph client's log lines; TF_LOG_PROVIDER sets
// their level with the rest of the provider's.
const graphSubsystem = "graph_api"

// tfLogger sends the Graph client's logs to terraform-plugin-log. The client
// masks secrets itself; the masks here are a second line of defence that
// cover anything it missed, applied to the context of each call because tflog
// masks are scoped to a context, not to the provider.
type tfLogger struct{ secrets []string }

var _ graph.Logger = tfLogger{}

func newTFLogger(secrets ...string) tfLogger {
	var s []string
	for _, v := range secrets {
		if len(v) >= 4 {
			s = append(s, v)
		}
	}
	return tfLogger{secrets: s}
}

func (l tfLogger) masked(ctx context.Context) context.Context {
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "Authorization", "access_token", "appsecret_proof", "verify_token", "app_secret")
	if len(l.secrets) > 0 {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, l.secrets...)
		ctx = tflog.MaskMessageStrings(ctx, l.secrets...)
	}
	return ctx
}

func (l tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(l.masked(ctx), msg, withSubsystem(fields))
}

func (l tfLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	tflog.Trace(l.masked(ctx), msg, withSubsystem(fields))
}

func (l tfLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(l.masked(ctx), msg, withSubsystem(fields))
}

func withSubsystem(fields map[string]any) map[string]any {
	out := make(map[string]any, len(fields)+1)
	for k, v := range fields {
		out[k] = v
	}
	out["subsystem"] = graphSubsystem
	return out
}
