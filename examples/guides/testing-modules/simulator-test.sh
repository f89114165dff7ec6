#!/usr/bin/env bash
# Tests a Terraform module against the WhatsApp provider and its Graph API
# simulator, both built from a checkout of terraform-provider-whatsapp.
#
# Usage: simulator-test.sh PROVIDER_CHECKOUT [MODULE_DIR] [SEED_FILE]
# Needs Go and Terraform >= 1.11; reaches no network beyond the Go module
# proxy (for the build).
set -euo pipefail

src=$(cd "$1" && pwd)
module=${2:-.}
seed=${3:+$(cd "$(dirname "$3")" && pwd)/$(basename "$3")}
work=$(mktemp -d)

echo "==> building the provider and graphsim from $src"
(cd "$src" && go build -o "$work/bin/terraform-provider-whatsapp" . &&
	go build -o "$work/bin/graphsim" ./internal/cmd/graphsim)

# Port 0 picks a free port, so parallel jobs never collide. graphsim writes
# the CLI configuration (dev_overrides), then the URL file once it listens.
"$work/bin/graphsim" -addr 127.0.0.1:0 -url-file "$work/url" -tfrc "$work/bin/dev.tfrc" ${seed:+-seed "$seed"} &
sim=$!
trap 'kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
	[ -s "$work/url" ] && break
	kill -0 "$sim" 2>/dev/null || { echo "graphsim exited" >&2; exit 1; }
	sleep 0.1
done
[ -s "$work/url" ] || { echo "graphsim did not start" >&2; exit 1; }

# The built-in seed's token and business; a seed file of your own sets
# SIM_ACCESS_TOKEN and SIM_BUSINESS_ID to its own.
WHATSAPP_BASE_URL=$(cat "$work/url")
export WHATSAPP_BASE_URL TF_CLI_CONFIG_FILE="$work/bin/dev.tfrc"
export WHATSAPP_ACCESS_TOKEN="${SIM_ACCESS_TOKEN:-sim-access-token}"
export WHATSAPP_BUSINESS_ID="${SIM_BUSINESS_ID:-506914307656634}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

cd "$module"
# With dev_overrides, terraform init is not needed and fails (it looks the
# provider up in the registry); terraform get installs local modules.
terraform get
terraform validate
terraform test
