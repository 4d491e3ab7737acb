#!/usr/bin/env bash
# Sets up the tools (with chromium), then runs every check CI runs; stops at the first failure.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --chromium

SUB_PATH=/some/sub/path/
# Built into target/ (ignored by git) and kept, so a failing sub-path build can be inspected.
SUB_ROOT="$ROOT/target/subpath-site"

step() {
  local name="$1" start=$SECONDS
  shift
  echo "==> $name"
  if ! "$@"; then
    echo "test.sh: FAILED: $name" >&2
    exit 1
  fi
  echo "<== $name: $((SECONDS - start)) s"
}

# trunk would otherwise fail late, offline, with a less obvious message.
check_bindgen_pin() {
  local locked pinned
  locked="$(lock_version wasm-bindgen)"
  pinned="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)"
  [[ "$locked" == "$pinned" ]] && return
  echo "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $locked; make them equal" >&2
  return 1
}

sizes() {
  local f
  for f in "$1"/*.wasm "$1"/*.js "$1"/*.css "$1"/index.html; do
    printf '  %-45s %8d B raw %8d B gzip\n' "${f#"$ROOT"/}" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
  done
}

build_sub_path() {
  rm -rf "$SUB_ROOT"
  trunk build --release --offline --public-url "$SUB_PATH" --dist "$SUB_ROOT$SUB_PATH"
}

total=$SECONDS
step "Trunk.toml wasm_bindgen matches Cargo.lock" check_bindgen_pin
step "cargo fmt --all --check (fix: cargo fmt --all)" cargo fmt --all --check
step "cargo clippy --workspace --all-targets -- -D warnings" cargo clippy --workspace --all-targets -- -D warnings
step "cargo test --workspace" cargo test --workspace
step "trunk build --release --offline" trunk build --release --offline
sizes dist
step "trunk build for sub-path $SUB_PATH" build_sub_path
echo "test.sh: all steps before the browser tests took $((SECONDS - total)) s"
echo "==> browser tests (node tests/e2e/run.mjs)"
E2E_SUB_ROOT="$SUB_ROOT" E2E_SUB_PATH="$SUB_PATH" exec node tests/e2e/run.mjs
