#!/usr/bin/env bash
# Prints every speed and size figure the project tracks (README "Performance"), with targets,
# and the page's beside React Flow's in one run (tests/bench/versus.mjs; BENCH_ROUNDS, BENCH_SIZES).
# Timings are medians of several runs, printed, never asserted: a busy machine skews them.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --chromium

OUT="$ROOT/target/bench"
mkdir -p "$OUT"
# The CLI as its README builds it: the `cli` profile (opt-level 3; `release` is for size).
cargo build --profile cli -q -p csp-rules --bins --examples
BIN="$ROOT/target/cli/csp-rules"

echo "== rules, end to end through the CLI (parse, evaluate, write the report); load $(cut -d' ' -f1-3 /proc/loadavg)"
for edges in 25000 250000; do
  "$ROOT/target/cli/examples/network" "$edges" > "$OUT/network-$edges.json"
  "$ROOT/target/cli/examples/network" "$edges" 1 dense > "$OUT/network-dense-$edges.json"
done
echo "  (targets at 250,000 findings-dense edges: <= 500 ms, peak <= 4x the file)"
rm -f "$OUT/cli.env"
BENCH_ENV="$OUT/cli.env" python3 tests/bench/cli.py "$BIN" 7 \
  "$OUT/network-25000.json" "$OUT/network-250000.json" \
  "$OUT/network-dense-25000.json" "$OUT/network-dense-250000.json"
# shellcheck disable=SC1091
source "$OUT/cli.env"

echo "== scaling: adversarial shapes for every index, 25,000 and 250,000 edges (least CPU time of several runs; load $(cut -d' ' -f1-3 /proc/loadavg))"
"$ROOT/target/cli/examples/scaling" 25000 250000

if [[ "${1:-}" != "--native" ]]; then
  echo "== page (release build)"
  trunk build --release --offline > "$OUT/trunk.log" 2>&1
  rm -f "$OUT"/size.json "$OUT"/browser.json "$OUT"/versus.json
  BENCH_DIR="$OUT" node tests/bench/size.mjs
  BENCH_DIR="$OUT" BENCH_CLI_MS_25000="$BENCH_CLI_MS_25000" BENCH_CLI_MS_250000="$BENCH_CLI_MS_250000" node tests/bench/browser.mjs
  # The same call against the CLI in CPU time, the two taken in turns (a busy machine's wall
  # clock is no measure of either).
  node tests/bench/evaluate.mjs "$OUT/network-250000.json" "$BIN" 5 dist
  # Beside React Flow (../shared/bench/reactflow, when there): sizes, drag, throttled loads.
  BENCH_DIR="$OUT" node tests/bench/versus.mjs
  echo "  (load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
  BENCH_DIR="$OUT" node tests/bench/summary.mjs
fi
