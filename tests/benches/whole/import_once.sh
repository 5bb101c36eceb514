#!/usr/bin/env bash
# One import of FOLDER into a fresh case, OCR deferred, as the user runs it:
# `disclose import` with its reader processes, in a home of its own that is
# removed afterwards. Timed from outside as one whole process.
#
# Usage: import_once.sh FOLDER
#   DISCLOSE: the binary (default: $CARGO_TARGET_DIR/release/disclose)
set -euo pipefail
folder=$1
disclose=${DISCLOSE:-${CARGO_TARGET_DIR:-target}/release/disclose}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export DISCLOSE_HOME=$home
"$disclose" case new --ref BENCH --subject "Daniel Okoro" --received 2026-03-03 >/dev/null
# Exit 2 is a finished import with some files unreadable (the corpus has two).
"$disclose" import --no-ocr --case BENCH "$folder" >/dev/null || [ $? -eq 2 ]
