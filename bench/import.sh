#!/usr/bin/env bash
# Times one first import into an empty SQLite database, as bench/run.sh does, without the page benchmark:
# wall time until /healthz answers, CPU time (user + system) and peak RSS from /usr/bin/time, and the numbering
# step's own time from the log.
#
#   bench/import.sh SEEDS_DIR [BUILD_DIR]     # BUILD_DIR defaults to src/PaperListing.Web/bin/Release/net10.0
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=$(cd "${1:?seeds folder}" && pwd)
build=$(cd "${2:-$root/src/PaperListing.Web/bin/Release/net10.0}" && pwd)
port=${PORT:-5290}
out=$root/bench/out/import-$$
mkdir -p "$out"
db=$out/import.db
descendants() { local child; for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done; }
start=$(date +%s.%N)
(cd "$root/src/PaperListing.Web" && Seeds__Path="$seeds" ConnectionStrings__Papers="Data Source=$db" \
  /usr/bin/time -v -o "$out/time.txt" dotnet "$build/PaperListing.Web.dll" --urls "http://127.0.0.1:$port" >"$out/import.log" 2>&1) &
job=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.05; done
wall=$(echo "$(date +%s.%N) - $start" | bc)
for d in $(descendants "$job"); do [[ $(cat "/proc/$d/comm" 2>/dev/null) == dotnet ]] && kill -TERM "$d"; done
wait "$job" 2>/dev/null || true
cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$out/time.txt")
rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$out/time.txt")
numbering=$(grep -oE 'lists numbered in [0-9.]+ s' "$out/import.log" | grep -oE '[0-9.]+' || echo "?")
printf 'wall %.1f s, cpu %s s, peak rss %s MB, numbering %s s, load %s\n' "$wall" "$cpu" "$rss" "$numbering" "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -oE 'Import done: .*' "$out/import.log" | head -1
rm -f "$db" "$db"-wal "$db"-shm
