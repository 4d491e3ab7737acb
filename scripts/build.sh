#!/usr/bin/env bash
# Sets up the build tools, then builds dist/: the release build for any static host and any
# folder of it (README "Hosting"). Extra arguments go to `trunk build`, e.g.
#   bash scripts/build.sh --public-url /demo/    absolute URLs instead of relative ones
#   CSP_EXPLORER_SW=off bash scripts/build.sh    no service worker (no offline copy)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --no-chromium
trunk build --release --offline "$@"
echo "build: dist/ is ready: copy all of it to the host ($(du -sh dist | cut -f1); version.json: $(tr -d '\n ' <dist/version.json))"
