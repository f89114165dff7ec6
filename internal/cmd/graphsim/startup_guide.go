package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wabactl/terraform-provider-whatsapp/internal/simulator"
	"github.com/wabactl/terraform-provider-whatsapp/internal/tfcli"
)

// listedUsers is how many seeded users the start-up guide names; the rest
// are counted, since a seed may hold hundreds.
const listedUsers = 8

// seedSource names where the seed came from, for the start-up guide.
func seedSource(path string) string {
	if path == "" {
		return "the built-in seed (graphsim -h describes it)"
	}
	return path
}

// startupGuide is what -print-env prints once the simulator listens: exports
// to paste into the terminal that runs terraform, every ID the loaded seed
// holds, and ready-made admin calls, all read from the seed and the address
// actually in use so they cannot disagree with what is served.
func startupGuide(url, source string, seed simulator.Seed, o devOverride) string {
	var b strings.Builder
	b.WriteString("\nPaste into the terminal that runs terraform:\n\n")
	writeExports(&b, url, seed, o)
	if o.File != "" {
		fmt.Fprintf(&b, "\nTF_CLI_CONFIG_FILE makes terraform use %s (dev_overrides):\n", filepath.Join(o.ProviderDir, tfcli.ProviderBinaryName))
		b.WriteString("skip terraform init, and run terraform get when the configuration calls local modules.\n")
	}
	fmt.Fprintf(&b, "\nSeeded from %s:\n", source)
	writeSeedIDs(&b, url, seed)
	b.WriteString("\nState lives in memory: every change is lost when graphsim stops (Ctrl-C).\n")
	b.WriteString("More data: -seed path/to/seed.yaml (make sim SEED=path/to/seed.yaml); graphsim -h lists the seed keys.\n")
	b.WriteString("\nFaults, drift and lost access, from any terminal (the /_sim/ endpoints need no token):\n")
	writeAdminCalls(&b, url, seed)
	return b.String()
}

// usableToken is the token the exports use: the seed's first one that has
// not expired, or its first one.
func usableToken(seed simulator.Seed) (simulator.Token, bool) {
	for _, t := range seed.Tokens {
		if !t.Expired {
			return t, true
		}
	}
	if len(seed.Tokens) > 0 {
		return seed.Tokens[0], true
	}
	return simulator.Token{}, false
}

// defaultBusiness is the owner of the first WABA, else the first business.
func defaultBusiness(seed simulator.Seed) string {
	if len(seed.WABAs) > 0 && seed.WABAs[0].BusinessID != "" {
		return seed.WABAs[0].BusinessID
	}
	if len(seed.Businesses) > 0 {
		return seed.Businesses[0].ID
	}
	return ""
}

func findApp(seed simulator.Seed, id string) (simulator.App, bool) {
	i := slices.IndexFunc(seed.Apps, func(a simulator.App) bool { return a.ID == id })
	if i < 0 {
		return simulator.App{}, false
	}
	return seed.Apps[i], true
}

func writeExports(b *strings.Builder, url string, seed simulator.Seed, o devOverride) {
	export := func(name, value string) { fmt.Fprintf(b, "  export %s=%s\n", name, shellQuote(value)) }
	if o.File != "" {
		export("TF_CLI_CONFIG_FILE", o.File)
	}
	export("WHATSAPP_BASE_URL", url)
	tok, ok := usableToken(seed)
	if ok {
		export("WHATSAPP_ACCESS_TOKEN", tok.Value)
		app, known := findApp(seed, tok.AppID)
		// The app's ID and secret let whatsapp_app_webhook_subscription build
		// the app token; a seed app_secret makes appsecret_proof mandatory.
		secret := seed.AppSecret
		if secret == "" && known {
			secret = app.Secret
		}
		if known && secret != "" {
			export("WHATSAPP_APP_ID", app.ID)
			export("WHATSAPP_APP_SECRET", secret)
		}
	} else {
		b.WriteString("  # the seed has no token: add one under tokens\n")
	}
	if business := defaultBusiness(seed); business != "" {
		export("WHATSAPP_BUSINESS_ID", business)
	}
	export("CHECKPOINT_DISABLE", "1")
}

func writeSeedIDs(b *strings.Builder, url string, seed simulator.Seed) {
	row := func(kind, format string, args ...any) {
		fmt.Fprintf(b, "  %-9s "+format+"\n", append([]any{kind}, args...)...)
	}
	for _, biz := range seed.Businesses {
		row("business", "%s %q", biz.ID, biz.Name)
	}
	for _, w := range seed.WABAs {
		row("WABA", "%s %q, owned by business %s", w.ID, w.Fields["name"], w.BusinessID)
		if len(w.PhoneNumbers) > 0 {
			var phones []string
			for _, p := range w.PhoneNumbers {
				phones = append(phones, fmt.Sprintf("%v (%v)", p["id"], p["display_phone_number"]))
			}
			fmt.Fprintf(b, "            phone numbers   %s\n", strings.Join(phones, ", "))
		}
		if len(w.MessageTemplates) > 0 {
			fmt.Fprintf(b, "            templates       %d\n", len(w.MessageTemplates))
		}
		if len(w.Subscriptions) > 0 {
			var apps []string
			for _, s := range w.Subscriptions {
				apps = append(apps, s.AppID)
			}
			fmt.Fprintf(b, "            subscribed apps %s\n", strings.Join(apps, ", "))
		}
		if len(w.Assignments) > 0 {
			var users []string
			for _, a := range w.Assignments {
				users = append(users, fmt.Sprintf("%s (%s)", a.UserID, strings.Join(a.Tasks, ", ")))
			}
			fmt.Fprintf(b, "            assigned users  %s\n", strings.Join(users, ", "))
		}
	}
	tok, _ := usableToken(seed)
	for _, a := range seed.Apps {
		what := ""
		if a.ID == tok.AppID {
			what = ", the access token's app"
		}
		if a.Secret != "" {
			what += fmt.Sprintf(", app token %s|%s", a.ID, a.Secret)
		}
		row("app", "%s %q%s", a.ID, a.Name, what)
	}
	for _, t := range seed.Tokens {
		what := strings.Join(t.Scopes, ", ")
		if t.Expired {
			what = "expired"
		}
		row("token", "%s (%s)", t.Value, what)
	}
	for i, u := range seed.Users {
		if i == listedUsers {
			row("users", "%d more: curl -s %s/_sim/state lists them all", len(seed.Users)-listedUsers, url)
			break
		}
		row("user", "%s %q (%s)", u.ID, u.Name, u.UserType)
	}
	if seed.AppSecret != "" {
		b.WriteString("  appsecret_proof is required (the seed sets app_secret)\n")
	}
}

func writeAdminCalls(b *strings.Builder, url string, seed simulator.Seed) {
	call := func(cmd, why string) { fmt.Fprintf(b, "  %s\n      # %s\n", cmd, why) }
	call("curl -s "+url+"/_sim/state", "everything the simulator holds now")
	call("curl -s -X POST "+url+`/_sim/faults -d '{"kind":"graph_error","code":80008,"is_transient":true,"path":"/assigned_users$","times":1}'`,
		"the next assigned_users call is throttled once (kinds: "+strings.Join(faultKinds, ", ")+")")
	call("curl -s -X DELETE "+url+"/_sim/faults", "remove every fault")
	for _, w := range seed.WABAs {
		if len(w.Assignments) > 0 {
			call(fmt.Sprintf("curl -s -X POST '%s/_sim/unassign?waba=%s&user=%s'", url, w.ID, w.Assignments[0].UserID),
				"drift: the assignment disappears behind terraform's back")
			break
		}
	}
	for _, w := range seed.WABAs {
		if len(w.Subscriptions) > 0 {
			call(fmt.Sprintf("curl -s -X POST '%s/_sim/unsubscribe?waba=%s&app=%s'", url, w.ID, w.Subscriptions[0].AppID),
				"drift: the app's subscription disappears")
			break
		}
	}
	if len(seed.WABAs) > 0 {
		id := seed.WABAs[0].ID
		call(fmt.Sprintf(`curl -s -X POST %s/_sim/hide -d '{"waba_id":"%s"}'`, url, id),
			`lost access: every token sees error 100/33 for the WABA ("token":"..." hides it from one)`)
		call(fmt.Sprintf(`curl -s -X POST %s/_sim/reveal -d '{"waba_id":"%s"}'`, url, id),
			"access is back, data unchanged")
	}
	call("curl -s "+url+"/_sim/counts", "API requests per route since the last POST /_sim/reset")
}

// shellQuote leaves plain values alone and single-quotes the rest, so that
// an export line pastes safely into sh, bash and zsh.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
