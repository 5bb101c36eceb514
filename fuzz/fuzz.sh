#!/usr/bin/env bash
# Fuzzes one reader with AFL++ for a while, then folds what it found back
# into the saved corpus, minimised:
#
#   fuzz/fuzz.sh TARGET [SECONDS]      (default 300 s; `list` names targets)
#
# Needs cargo-afl (`cargo install cargo-afl --locked && cargo afl config
# --build`). Runs at the lowest CPU priority. Crashes and hangs are left in
# fuzz/out/TARGET/default/{crashes,hangs}; a crash that is fixed is kept in
# fuzz/regressions/TARGET/, where the replay test runs it.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/fuzz.sh TARGET [SECONDS]}
seconds=${2:-300}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo afl build --release --quiet
bin=$CARGO_TARGET_DIR/release/disclose-fuzz
if [ "$target" = list ]; then exec "$bin" list; fi

# Start from the saved corpus plus the seeds written in code.
work=out/$target
rm -rf "$work" "out/in-$target" "out/seeds-$target"
mkdir -p "out/in-$target"
"$bin" seeds "out/seeds-$target" >/dev/null
cp "out/seeds-$target/$target"/* "out/in-$target/"
if [ -d "corpus/$target" ]; then cp "corpus/$target"/* "out/in-$target/" 2>/dev/null || true; fi

export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_FAST_CAL=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_IGNORE_SEED_PROBLEMS=1
# 2 GiB of address space and 2 s per input: more is a bug worth keeping.
nice -n 19 cargo afl fuzz -V "$seconds" -m 2048 -t 2000 \
  -i "out/in-$target" -o "$work" -- "$bin" "$target" > "$work.log" 2>&1 || true
grep -E "execs_done|execs_per_sec|run_time|saved_crashes|saved_hangs|corpus_count" \
  "$work/default/fuzzer_stats" || true

# Minimise the queue into the saved corpus.
rm -rf "out/cmin-$target"
nice -n 19 cargo afl cmin -m 2048 -t 2000 -i "$work/default/queue" -o "out/cmin-$target" \
  -- "$bin" "$target" > "$work.cmin.log" 2>&1
# Files are named by their content's hash (queue names hold ':').
# Kept to a budget, smallest inputs first: 300 kB per target, 1.5 MB for
# the PST reader, whose inputs are 36 kB each but mostly zeros (git packs
# them to a tenth).
budget=300000
[ "$target" = pst ] && budget=1500000
rm -rf "corpus/$target"
mkdir -p "corpus/$target"
kept=0
for f in $(ls -rS "out/cmin-$target"); do
  size=$(stat -c %s "out/cmin-$target/$f")
  [ $((kept + size)) -gt "$budget" ] && [ "$kept" -gt 0 ] && break
  kept=$((kept + size))
  cp "out/cmin-$target/$f" "corpus/$target/$(sha1sum "out/cmin-$target/$f" | cut -c1-16)"
done
echo "corpus/$target: $(ls "corpus/$target" | wc -l) files, $kept bytes"
echo "crashes: $(ls "$work/default/crashes" | grep -vc README || true), hangs: $(ls "$work/default/hangs" | wc -l)"
