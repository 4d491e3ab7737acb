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
cargo build --release -q -p csp-rules --bins --examples
BIN="$ROOT/target/release/csp-rules"

# median_ms RUNS CMD... : median wall time of a command, in milliseconds.
median_ms() {
  local runs=$1 i t0 t1
  shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

echo "== rules, end to end through the CLI (parse, evaluate, write the report)"
for edges in 25000 250000; do
  "$ROOT/target/release/examples/network" "$edges" > "$OUT/network-$edges.json"
done
small=$(median_ms 7 "$BIN" check "$OUT/network-25000.json")
large=$(median_ms 5 "$BIN" check "$OUT/network-250000.json")
printf '  %-44s %6d ms\n' "25,000 edges" "$small"
printf '  %-44s %6d ms   (target <= 1000 ms)\n' "250,000 edges ($(du -h "$OUT/network-250000.json" | cut -f1) of JSON)" "$large"
awk -v s="$small" -v l="$large" 'BEGIN { printf "  %-44s %6.1fx    (target <= 12x)\n", "10x the edges costs", l / (s > 0 ? s : 1) }'

if [[ "${1:-}" != "--native" ]]; then
  echo "== page (release build)"
  trunk build --release --offline > "$OUT/trunk.log" 2>&1
  rm -f "$OUT"/size.json "$OUT"/browser.json "$OUT"/versus.json
  BENCH_DIR="$OUT" node tests/bench/size.mjs
  BENCH_DIR="$OUT" BENCH_CLI_MS_25000="$small" BENCH_CLI_MS_250000="$large" node tests/bench/browser.mjs
  # Beside React Flow (../shared/bench/reactflow, when there): sizes, drag, throttled loads.
  BENCH_DIR="$OUT" node tests/bench/versus.mjs
  echo "  (load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
  BENCH_DIR="$OUT" node tests/bench/summary.mjs
fi
