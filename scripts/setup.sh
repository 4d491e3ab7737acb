#!/usr/bin/env bash
# Installs the build and test tools this repo needs, skipping whatever is already there.
#   bash scripts/setup.sh              wasm32 target, trunk, wasm-bindgen-cli, npm packages
#   bash scripts/setup.sh --chromium   the same plus Debian's chromium and nginx (for the browser
#                                      tests; nginx serves the built site with deploy/nginx/)
# Source it to keep the PATH it exports; always pass a flag then (`source scripts/setup.sh
# --no-chromium`), since a sourced script given no arguments sees its caller's.
# Only the package registries are reachable, so every
# tool comes from crates.io, npm or Debian; nothing may download its own binaries.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
export PATH="$ROOT/.tools/bin:$ROOT/node_modules/.bin:$PATH"

with_chromium=0
for arg in "$@"; do
  case "$arg" in
    --chromium) with_chromium=1 ;;
    --no-chromium) with_chromium=0 ;;
    *)
      echo "setup.sh: unknown argument '$arg' (expected --chromium or --no-chromium)" >&2
      # shellcheck disable=SC2317 # `return` when sourced (keeps an interactive shell open), else `exit`
      return 2 2>/dev/null || exit 2
      ;;
  esac
done

# Runs one named step and prints how long it took.
timed() {
  local name="$1" start=$SECONDS
  shift
  "$@"
  echo "setup: $name: $((SECONDS - start)) s"
}

# The wasm-bindgen CLI must match the library exactly, so take its version from Cargo.lock.
lock_version() {
  awk -v want="$1" '$1 == "name" && $3 == "\"" want "\"" { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

install_wasm32() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "setup: wasm32-unknown-unknown already installed"
  else
    rustup target add wasm32-unknown-unknown
  fi
}

install_trunk() {
  if [[ "$("$ROOT/.tools/bin/trunk" --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]; then
    echo "setup: trunk $TRUNK_VERSION already installed"
  else
    # 0.22 needs a newer rustc than the machines have; --locked keeps its dependencies building on 1.95.
    cargo install "trunk@$TRUNK_VERSION" --locked --root "$ROOT/.tools"
  fi
}

install_wasm_bindgen() {
  local want
  want="$(lock_version wasm-bindgen)"
  [[ -n "$want" ]] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; return 1; }
  if [[ "$("$ROOT/.tools/bin/wasm-bindgen" --version 2>/dev/null)" == "wasm-bindgen $want" ]]; then
    echo "setup: wasm-bindgen-cli $want already installed"
  else
    # No --locked: its lock file names a crate version that is no longer on crates.io.
    cargo install "wasm-bindgen-cli@$want" --root "$ROOT/.tools"
  fi
}

fetch_crates() {
  # Trunk builds offline (Trunk.toml), so a fresh machine's crates come from here: every crate
  # of Cargo.lock, for every target, once (a no-op when they are there).
  cargo fetch --locked --manifest-path "$ROOT/Cargo.toml"
}

install_npm() {
  # npm ci wipes node_modules, so only run it when package-lock.json changed since the last one.
  local stamp="$ROOT/node_modules/.setup-lock-sha256" sum
  sum="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then
    echo "setup: node_modules matches package-lock.json"
  else
    (cd "$ROOT" && npm ci --no-audit --no-fund)
    echo "$sum" >"$stamp"
  fi
}

install_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    echo "setup: /usr/bin/chromium already installed"
    return
  fi
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  /usr/bin/chromium --version
}

install_nginx() {
  # The brotli filter is the optional module deploy/nginx/ uses where it exists (Debian has it).
  local module=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
  if [[ -x /usr/sbin/nginx && -f "$module" ]]; then
    echo "setup: nginx (with the brotli module) already installed"
    return
  fi
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo=sudo
  # The tests start their own nginx on loopback; keep the package from starting the system one
  # on port 80 (policy-rc.d is Debian's switch for that, removed again straight after).
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    own_policy=1
  fi
  local status=0
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx libnginx-mod-http-brotli-filter >/dev/null ||
    status=$?
  ((own_policy)) && $sudo rm -f "$policy"
  ((status == 0)) || return "$status"
  /usr/sbin/nginx -v
}

setup_start=$SECONDS
timed "wasm32 target" install_wasm32
timed "trunk" install_trunk
timed "wasm-bindgen-cli" install_wasm_bindgen
timed "crates" fetch_crates
timed "npm ci" install_npm
if ((with_chromium)); then
  timed "chromium" install_chromium
  timed "nginx" install_nginx
fi
echo "setup: done in $((SECONDS - setup_start)) s"
