#!/usr/bin/env bash
# Sorts the crashes and hangs AFL saved for TARGET by where they stop
# (the first frame of the panic, or the signal), and minimises one input of
# each kind into fuzz/out/min-TARGET/:
#
#   fuzz/triage.sh TARGET
set -uo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/triage.sh TARGET}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
bin=$CARGO_TARGET_DIR/release/disclose-fuzz
mkdir -p "out/min-$target"
declare -A seen
for f in out/$target/default/crashes/id* out/$target/default/hangs/id*; do
  [ -f "$f" ] || continue
  where=$(timeout 10 "$bin" "$target" < "$f" 2>&1 | grep -m1 -A1 "panicked at\|memory allocation" | tr '\n' ' ' | sed 's/thread .main. ([0-9]*) //')
  [ -z "$where" ] && where="no panic (signal, limit or time-out)"
  if [ -z "${seen[$where]:-}" ]; then
    seen[$where]=$f
    n=${#seen[@]}
    echo "[$n] $where"
    echo "    $f ($(stat -c %s "$f") bytes)"
    nice -n 19 cargo afl tmin -m 2048 -t 5000 -i "$f" -o "out/min-$target/$n" -- "$bin" "$target" > /dev/null 2>&1 \
      && echo "    minimised: out/min-$target/$n ($(stat -c %s "out/min-$target/$n") bytes)"
  fi
done
