#!/usr/bin/env bash
# Sets up the build tools, then serves the app at http://127.0.0.1:8080 (address and port: Trunk.toml).
# Extra arguments go to `trunk serve`. There is no autoreload (see Trunk.toml): reload by hand.
# It builds without the service worker (CSP_EXPLORER_SW=off), so that a reload shows the last
# rebuild rather than the copy saved for offline use; CSP_EXPLORER_SW=on keeps it, to try that.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --no-chromium
export CSP_EXPLORER_SW="${CSP_EXPLORER_SW:-off}"
exec trunk serve --offline "$@"
