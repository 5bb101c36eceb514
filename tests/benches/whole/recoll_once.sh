#!/usr/bin/env bash
# One fresh `recollindex -z` over FOLDER (Debian `recollcmd`), the peer the
# import is compared with, in a configuration folder of its own that is
# removed afterwards. Timed from outside as one whole process.
#
# Usage: recoll_once.sh FOLDER
set -euo pipefail
folder=$1
conf=$(mktemp -d)
trap 'rm -rf "$conf"' EXIT
printf 'topdirs = %s\n' "$folder" >"$conf/recoll.conf"
recollindex -c "$conf" -z >/dev/null 2>&1
