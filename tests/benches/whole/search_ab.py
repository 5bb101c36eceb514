#!/usr/bin/env python3
"""Search with process start, builds side by side in the same run.

The scale bench's 20 queries, each run as its own `disclose search --case
SCALE QUERY --limit 20` process and timed from spawn to exit (as the bench
times them), ROUNDS times, the builds given taking turns query by query so
the machine's load falls on each alike. Prints p50, p95 and max per build.

Usage: DISCLOSE_HOME=HOME search_ab.py ROUNDS DISCLOSE[@HOME] [DISCLOSE[@HOME] ...]
where HOME holds a case SCALE, e.g. one kept by the scale bench
(`DISCLOSE_SCALE_KEEP=1`), and each DISCLOSE is a release binary. A build
given its own home (`disclose@/copy/of/home`) searches there: builds whose
indexes differ each need a copy of the case, or the other would rebuild it.
"""

import os
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
    per_query = {build: {query: [] for query in QUERIES} for build in builds}
    for _ in range(rounds):
        for query in QUERIES:
            for build in builds:
                binary, _, home = build.partition("@")
                env = dict(os.environ, DISCLOSE_HOME=home) if home else None
                started = time.perf_counter()
                done = subprocess.run(
                    [binary, "search", "--case", "SCALE", query, "--limit", "20"],
                    capture_output=True,
                    env=env,
                )
                took = (time.perf_counter() - started) * 1000
                times[build].append(took)
                per_query[build][query].append(took)
                if done.returncode != 0:
                    sys.exit(f"{build} failed on {query}: {done.stderr.decode()}")
    for build in builds:
        ms = sorted(times[build])
        at = lambda q: ms[min(len(ms) - 1, round(q * (len(ms) - 1)))]
        print(f"{build}: {len(ms)} searches, p50 {at(0.5):.1f} ms, "
              f"p95 {at(0.95):.1f} ms, max {ms[-1]:.1f} ms")
        medians = sorted(
            ((sorted(t)[len(t) // 2], q) for q, t in per_query[build].items()),
            reverse=True,
        )
        print("  slowest medians: " + ", ".join(f"{q} {m:.1f} ms" for m, q in medians[:4]))


if __name__ == "__main__":
    main()
