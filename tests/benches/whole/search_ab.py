#!/usr/bin/env python3
"""Search with process start, builds side by side in the same run.

The scale bench's 20 queries, each run as its own `disclose search --case
SCALE QUERY --limit 20` process and timed from spawn to exit (as the bench
times them), ROUNDS times, the builds given taking turns query by query so
the machine's load falls on each alike. Prints p50, p95 and max per build.

Usage: DISCLOSE_HOME=HOME search_ab.py ROUNDS DISCLOSE [DISCLOSE ...]
where HOME holds a case SCALE, e.g. one kept by the scale bench
(`DISCLOSE_SCALE_KEEP=1`), and each DISCLOSE is a release binary.
"""

import subprocess
import sys
import time

QUERIES = [
    "rent", "repair", '"housing file"', "complaint", "okafor",
    "tenant AND arrears", "meeting OR call", "gas -price", "whitl*", "nowack~",
    "from:priya", "to:hussain", "subject:HR", "type:pdf",
    "type:email AND date:[2020-01-01 TO 2020-06-30]", '"mill lane"',
    "contract", "energy", "schedule", "acacia",
]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds, builds = int(sys.argv[1]), sys.argv[2:]
    times = {build: [] for build in builds}
    for _ in range(rounds):
        for query in QUERIES:
            for build in builds:
                started = time.perf_counter()
                done = subprocess.run(
                    [build, "search", "--case", "SCALE", query, "--limit", "20"],
                    capture_output=True,
                )
                times[build].append((time.perf_counter() - started) * 1000)
                if done.returncode != 0:
                    sys.exit(f"{build} failed on {query}: {done.stderr.decode()}")
    for build in builds:
        ms = sorted(times[build])
        at = lambda q: ms[min(len(ms) - 1, round(q * (len(ms) - 1)))]
        print(f"{build}: {len(ms)} searches, p50 {at(0.5):.1f} ms, "
              f"p95 {at(0.95):.1f} ms, max {ms[-1]:.1f} ms")


if __name__ == "__main__":
    main()
