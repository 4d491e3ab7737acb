"""The CLI half of scripts/bench.sh: `csp-rules check` on each network file, several runs.

Prints, per file, the median wall time with its spread (least–most), the median CPU time
(user + system, which a busy machine inflates far less than the wall clock), the peak memory
(the child's maximum resident set, from wait4) against the file's size, and the report's
size; then the growth from each 25,000-edge file to its 250,000-edge sibling. Asserts
nothing. Writes BENCH_CLI_MS_<edges>=<median ms> lines to the file named by BENCH_ENV, for
the browser half to compare against.

usage: python3 tests/bench/cli.py BIN RUNS FILE...   (file names network[-dense]-EDGES.json)
"""

import os
import re
import statistics
import subprocess
import sys
import time


def run(binary, path):
    """One `check` of `path`, its output thrown away: (wall s, cpu s, peak bytes)."""
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        child = subprocess.Popen([binary, "check", path], stdout=null)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{binary} check {path} failed")
    # Linux gives ru_maxrss in kilobytes.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def report_size(binary, path):
    with subprocess.Popen([binary, "check", path], stdout=subprocess.PIPE) as child:
        size = 0
        while chunk := child.stdout.read(1 << 20):
            size += len(chunk)
    return size


def main():
    binary, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    medians = {}
    for path in files:
        name = os.path.basename(path)
        m = re.match(r"network(-dense)?-(\d+)\.json$", name)
        dense, edges = (m.group(1) is not None, int(m.group(2))) if m else (False, 0)
        samples = [run(binary, path) for _ in range(runs)]
        walls = sorted(s[0] * 1e3 for s in samples)
        cpu = statistics.median(s[1] * 1e3 for s in samples)
        peak = max(s[2] for s in samples)
        size, out = os.path.getsize(path), report_size(binary, path)
        wall = statistics.median(walls)
        medians[(dense, edges)] = (wall, cpu)
        label = f"{edges:,} edges{', findings-dense' if dense else ''}"
        print(f"  {label:<36} {wall:6.0f} ms ({walls[0]:.0f}–{walls[-1]:.0f}), CPU {cpu:4.0f} ms,"
              f" peak {peak / 1e6:5.1f} MB = {peak / size:3.1f}x the {size / 1e6:.1f} MB file;"
              f" report {out / 1e6:.1f} MB")
        if not dense and os.environ.get("BENCH_ENV"):
            with open(os.environ["BENCH_ENV"], "a") as env:
                env.write(f"BENCH_CLI_MS_{edges}={wall:.0f}\n")
    for dense in (False, True):
        small, large = medians.get((dense, 25000)), medians.get((dense, 250000))
        if small and large:
            label = f"10x the edges{', findings-dense' if dense else ''} costs"
            print(f"  {label:<36} {large[0] / small[0]:5.1f}x wall, {large[1] / small[1]:.1f}x CPU"
                  f"   (target <= 11x)")


main()
