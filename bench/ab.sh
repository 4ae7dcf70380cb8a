#!/usr/bin/env bash
# Two builds of the site side by side over one database, as bench/run.sh starts its uncached server (no page cache,
# rate limits lifted, the static copy of a page in --webroot): for each address a warm-up per build (the JIT's
# background compilation would otherwise count in the first rounds' CPU), then ROUNDS rounds of
# wrk -t1 -c32 -d DURATION --latency, alternating which build goes first. Printed per address and build: the medians
# of requests/s, the server's CPU per request (utime + stime from /proc over the round, divided by the requests it
# answered: steadier than requests/s on a shared machine) and p99; then each server's peak RSS. Loopback only, bounded.
#
#   bench/ab.sh A_BUILD_DIR B_BUILD_DIR [PATH...]     # default paths: the static copy, listing page 1, a paper page
#
# Settings (environment): N (200000: bench/out/seeds-N, generated if missing, imported once into bench/out/ab-N.db),
# ROUNDS (6), DURATION (3 s), WARMUP (10 s), A_ENV and B_ENV (NAME=value ... for one build only, e.g. B_ENV=DOTNET_gcServer=0).
# A path may name {listing}, {paper}, {author} or {subject}: the largest listing, the middle paper, the author and the
# subject with the most papers. /bench-page1.html is the static copy of listing page 1.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
a_build=$(cd "${1:?build A (a published or built output folder)}" && pwd)
b_build=$(cd "${2:?build B}" && pwd)
shift 2
N=${N:-200000}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-3}
WARMUP=${WARMUP:-10}
PORT=${PORT:-5301}
seeds=$out/seeds-$N
db=$out/ab-$N.db
www=$out/ab-wwwroot
rm -rf "$www"
mkdir -p "$out" "$www"
# The site's own static files (its scripts, styles, KaTeX), beside which the static copy of a page is served.
cp -r "$a_build/wwwroot/." "$www/"
paths=("$@")
((${#paths[@]})) || paths=(/bench-page1.html "/related/{listing}" "/papers/{paper}")

say "seeds and database ($N papers)"
ensure_seeds
# Build A starts first: over a new database it imports the seeds and builds the search index before B opens them.
dll=$a_build/PaperListing.Web.dll
# shellcheck disable=SC2086
serve "$PORT" "$out/ab-a.log" Caching__OutputCache=false ${A_ENV:-} -- --webroot "$www"
pids+=("$!")
healthy "$PORT"
index_ready "$out/ab-a.log"
dll=$b_build/PaperListing.Web.dll
# shellcheck disable=SC2086
serve "$((PORT + 1))" "$out/ab-b.log" Caching__OutputCache=false ${B_ENV:-} -- --webroot "$www"
pids+=("$!")
healthy "$((PORT + 1))"
index_ready "$out/ab-b.log"

listing=$(sqlite3 "$db" 'SELECT "Slug" FROM "Listings" ORDER BY "PaperCount" DESC LIMIT 1;')
paper=$(sqlite3 "$db" "SELECT \"PublicId\" FROM \"Papers\" WHERE \"Id\" = $(( N / 2 ));")
author=$(sqlite3 "$db" 'SELECT a."Slug" FROM "PaperAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId" GROUP BY pa."AuthorId" ORDER BY COUNT(*) DESC LIMIT 1;')
subject=$(sqlite3 "$db" 'SELECT s."Slug" FROM "PaperSubjects" ps JOIN "Subjects" s ON s."Id" = ps."SubjectId" GROUP BY ps."SubjectId" ORDER BY COUNT(*) DESC LIMIT 1;')
curl -sf "http://127.0.0.1:$PORT/related/$listing" -o "$www/bench-page1.html"
for i in "${!paths[@]}"; do
  p=${paths[$i]//\{listing\}/$listing}; p=${p//\{paper\}/$paper}; p=${p//\{author\}/$author}; p=${p//\{subject\}/$subject}
  # A paper's short address redirects to its full one: the full one is measured.
  p=$(curl -sL -o /dev/null -w '%{url_effective}' "http://127.0.0.1:$PORT$p"); paths[$i]=${p#http://127.0.0.1:$PORT}
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
ports=("$PORT" "$((PORT + 1))")
site_pids=("$(site_pid "${pids[0]}")" "$(site_pid "${pids[1]}")")
say "warm-up, ${WARMUP} s a build and address"
for side in 0 1; do for p in "${paths[@]}"; do wrk -t1 -c8 -d"${WARMUP}s" "http://127.0.0.1:${ports[$side]}$p" >/dev/null; done; done
for pid in "${site_pids[@]}"; do echo 5 >"/proc/$pid/clear_refs"; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "$ROUNDS rounds of ${DURATION} s"
results=$(mktemp)
for round in $(seq "$ROUNDS"); do
  for p in "${paths[@]}"; do
    order=(0 1); ((round % 2)) || order=(1 0)
    for side in "${order[@]}"; do
      before=$(cpu_ticks "${site_pids[$side]}")
      report=$(wrk -t1 -c32 -d"${DURATION}s" --latency "http://127.0.0.1:${ports[$side]}$p")
      after=$(cpu_ticks "${site_pids[$side]}")
      requests=$(awk '/requests in/ {print $1}' <<<"$report")
      rate=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
      p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v}' <<<"$report")
      echo "$p $side $rate $(( after - before )) $requests $p99 $ticks_per_second" >>"$results"
    done
  done
done
printf '\nLoad average before the rounds: %s; after: %s\n\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" "$a_build" "$b_build" <<'EOF'
import collections, statistics, sys
rows = collections.defaultdict(list)
order = []
for line in open(sys.argv[1]):
    path, side, rate, ticks, requests, p99, hz = line.split()
    if path not in order:
        order.append(path)
    rows[path, int(side)].append((float(rate), int(ticks) * 1000 / int(hz) / max(int(requests), 1), float(p99)))
print(f"A: {sys.argv[2]}\nB: {sys.argv[3]}\n")
print("| address | build | req/s | CPU ms/request | p99 ms | rounds |")
print("|---|---|---:|---:|---:|---:|")
for path in order:
    for side in (0, 1):
        r = rows[path, side]
        print(f"| {path} | {'AB'[side]} | {statistics.median(x[0] for x in r):,.0f} | {statistics.median(x[1] for x in r):.2f} "
              f"| {statistics.median(x[2] for x in r):.1f} | {len(r)} |")
EOF
names=(A B)
for side in 0 1; do
  printf 'peak RSS while measured, %s: %s MB\n' "${names[$side]}" "$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/${site_pids[$side]}/status")"
done
rm -f "$results"
