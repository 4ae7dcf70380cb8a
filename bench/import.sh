#!/usr/bin/env bash
# Times one first import into an empty SQLite database, as bench/run.sh does, without the page benchmark:
# wall time until /healthz answers, CPU time (user + system) and peak RSS from /usr/bin/time, and the numbering
# step's own time from the log.
#
#   bench/import.sh SEEDS_DIR [BUILD_DIR]     # BUILD_DIR defaults to src/PaperListing.Web/bin/Release/net10.0
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
seeds=$(cd "${1:?seeds folder}" && pwd)
build=$(cd "${2:-$root/src/PaperListing.Web/bin/Release/net10.0}" && pwd)
dll=$build/PaperListing.Web.dll
PORT=${PORT:-5290}
out=$root/bench/out/import-$$
mkdir -p "$out"
db=$out/import.db
timed_start import
wall=$(cat "$out/import-healthy.txt")
cpu=$(cpu_of import)
rss=$(rss_of import)
numbering=$(grep -oE 'lists numbered in [0-9.]+ s' "$out/import.log" | grep -oE '[0-9.]+' || echo "?")
printf 'wall %.1f s, cpu %s s, peak rss %s MB, numbering %s s, load %s\n' "$wall" "$cpu" "$rss" "$numbering" "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -oE 'Import done: .*' "$out/import.log" | head -1
rm -f "$db" "$db"-wal "$db"-shm
