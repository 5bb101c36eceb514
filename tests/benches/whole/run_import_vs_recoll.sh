#!/usr/bin/env bash
# Disclose against Recoll on the shared corpus, whole processes in the same
# run, with public tools only (/usr/bin/time, bash's clock):
#
# - import: `disclose import --no-ocr` into a fresh case (its reader
#   processes included) and `recollindex -z` with a fresh configuration,
#   A B A B …, one warm-up pair then RUNS counted pairs; wall and CPU
#   seconds and peak memory of each, their medians, and Recoll's wall time
#   over Disclose's pair by pair (target: at least 5 times). Only the two
#   processes are timed: making the empty case or configuration before
#   is not, and what each wrote is kept until the bench ends. Removing a
#   case between runs slowed the next import: on ext4 without a journal
#   (this machine's disk) a new file's inode is not taken from those freed
#   in the last 30 seconds, and the kernel checks each such inode in turn,
#   so every file the next import created cost a scan of the 2,400 the
#   last one left (`recently_deleted`: a fifth of a profile's samples).
#   Recoll writes a few files, Disclose one per original;
# - search: 20 queries that mean the same in both languages, each run as
#   its own process (`disclose search`, `recollq`) on the corpus indexed
#   once; median, p95 and max in milliseconds, process start included
#   (target: p95 at most 10 ms).
#
# Usage: run_import_vs_recoll.sh [FOLDER]   (default: the shared corpus's
#   freeeed/mixed beside the project). RUNS (default 3); DISCLOSE: the
#   release binary (default: $CARGO_TARGET_DIR/release/disclose).
# Skips with a notice when the corpus, the binary or Recoll is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
folder=${1:-$root/../shared/corpus/freeeed/mixed}
runs=${RUNS:-3}
export DISCLOSE=${DISCLOSE:-${CARGO_TARGET_DIR:-$root/target}/release/disclose}

skip() { echo "SKIPPED: $*"; exit 0; }
[ -d "$folder" ] || skip "the corpus folder $folder is not present"
[ -x "$DISCLOSE" ] || skip "no release build at $DISCLOSE (cargo build --release -p disclose-cli)"
command -v recollindex >/dev/null && command -v recollq >/dev/null || skip "Recoll (Debian recollcmd) is not installed"
[ -x /usr/bin/time ] || skip "/usr/bin/time (Debian time) is not installed"

work=$(mktemp -d)
# Every case and configuration the runs made, removed when the bench ends.
kept=()
trap 'rm -rf "$work" "${kept[@]}"' EXIT

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# quantile P (0 to 1) of the numbers on stdin, nearest rank
quantile() { sort -g | awk -v p="$1" '{ v[NR] = $1 } END { i = int((NR - 1) * p + 0.5) + 1; print v[i] }'; }

# timed NAME COMMAND…: appends "wall cpu peak_MB" to $work/NAME
# and returns the command's exit status
timed() {
  local name=$1 status=0
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/last" "$@" || status=$?
  tail -1 "$work/last" | awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' >>"$work/$name"
  return "$status"
}

# One import into a fresh case, timed into $work/NAME. Exit 2 is a finished
# import with some files unreadable (the corpus has two).
import_once() {
  local home
  home=$(mktemp -d)
  DISCLOSE_HOME=$home "$DISCLOSE" case new --ref BENCH --subject "Daniel Okoro" --received 2026-03-03 >/dev/null
  timed "$1" env DISCLOSE_HOME="$home" "$DISCLOSE" import --no-ocr --case BENCH "$folder" >/dev/null || [ $? -eq 2 ]
  kept+=("$home")
}

# One `recollindex -z` with a configuration of its own, timed into $work/NAME.
recoll_once() {
  local conf
  conf=$(mktemp -d)
  printf 'topdirs = %s\n' "$folder" >"$conf/recoll.conf"
  timed "$1" recollindex -c "$conf" -z >/dev/null 2>&1
  kept+=("$conf")
}

echo "corpus: $folder ($(find "$folder" -type f | wc -l) files, $(du -sm "$folder" | cut -f1) MB); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "disclose: $DISCLOSE"
echo "import, OCR deferred: one warm-up pair, then $runs pairs A B A B …"
import_once warmup
recoll_once warmup
for _ in $(seq "$runs"); do
  import_once disclose
  recoll_once recoll
done
paste -d' ' "$work/disclose" "$work/recoll" | awk '{ printf "  pair %d: disclose %.1f s wall, %.1f CPU-s, %d MB | recollindex %.1f s wall, %.1f CPU-s, %d MB | %.1fx by wall, %.1fx by CPU\n", NR, $1, $2, $3, $4, $5, $6, $4 / $1, $5 / $2 }'
for who in disclose recoll; do
  printf '  %-9s median: %s s wall, %s CPU-s, %s MB peak\n' "$who" \
    "$(cut -d' ' -f1 "$work/$who" | median)" "$(cut -d' ' -f2 "$work/$who" | median)" "$(cut -d' ' -f3 "$work/$who" | median)"
done
wall_ratio=$(paste -d' ' "$work/disclose" "$work/recoll" | awk '{ print $4 / $1 }' | median)
cpu_ratio=$(paste -d' ' "$work/disclose" "$work/recoll" | awk '{ print $5 / $2 }' | median)
printf 'import: Recoll/Disclose %.1fx by wall (median of pairs), %.1fx by CPU; target: at least 5x by wall -> %s\n' \
  "$wall_ratio" "$cpu_ratio" "$(awk -v r="$wall_ratio" 'BEGIN { print (r >= 5) ? "met" : "NOT met" }')"

# Search: the corpus indexed once by each, then 20 queries as processes.
export DISCLOSE_HOME=$work/home
mkdir -m 700 -p "$DISCLOSE_HOME"
"$DISCLOSE" case new --ref SEARCH --subject "Daniel Okoro" --received 2026-03-03 >/dev/null
"$DISCLOSE" import --no-ocr --case SEARCH "$folder" >/dev/null || [ $? -eq 2 ]
mkdir -p "$work/recoll-conf"
printf 'topdirs = %s\n' "$folder" >"$work/recoll-conf/recoll.conf"
recollindex -c "$work/recoll-conf" -z >/dev/null 2>&1
queries=(enron meeting '"natural gas"' '"please let me know"' 'contract AND price'
  'power OR electricity' trading vince kaminski california schedule credit houston
  confidential arbitration agreement invoice pipeline '"gas price"' report)
# ms NAME COMMAND…: appends the wall milliseconds of one run to $work/NAME
ms() {
  local name=$1 start end
  shift
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }' >>"$work/$name"
}
for q in "${queries[@]}"; do
  ms warm-search "$DISCLOSE" search --case SEARCH "$q" --limit 20
  ms warm-search recollq -c "$work/recoll-conf" -n 20 "$q"
  ms search "$DISCLOSE" search --case SEARCH "$q" --limit 20
  ms recollq recollq -c "$work/recoll-conf" -n 20 "$q"
done
for who in search recollq; do
  printf '  %-9s %d queries: median %s ms, p95 %s ms, max %s ms\n' "$who" "${#queries[@]}" \
    "$(median <"$work/$who")" "$(quantile 0.95 <"$work/$who")" "$(sort -g "$work/$who" | tail -1)"
done
p95=$(quantile 0.95 <"$work/search")
printf 'search: disclose p95 %s ms with process start; target: at most 10 ms -> %s\n' \
  "$p95" "$(awk -v p="$p95" 'BEGIN { print (p <= 10) ? "met" : "NOT met" }')"
