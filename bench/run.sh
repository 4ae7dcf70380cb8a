#!/usr/bin/env bash
# The benchmark, in one command: builds Release, generates N synthetic papers, times a first import (and its peak
# memory) and a restart over unchanged seeds, then serves the site and measures every kind of page with wrk against
# a static copy of page 1 served by the same app, in interleaved rounds. Prints the figures, checks them against
# the targets and writes docs/benchmarks.md (with bench/notes.md). Everything it makes stays in bench/out/
# (git-ignored); the big files are deleted at the end.
#
#   bench/run.sh                         # N=1000000
#   N=100000 ROUNDS=2 DURATION=3 bench/run.sh
#   bench/run.sh --provider postgres     # also times the import on PostgreSQL (scripts/postgres-start.sh's cluster)
#   python3 bench/report.py          # rewrites docs/benchmarks.md from the last run's figures (bench/out/)
set -euo pipefail

N=${N:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5210}
KEEP=${KEEP:-0}
PROVIDER=${PROVIDER:-sqlite}
if [[ ${1:-} == --provider ]]; then PROVIDER=${2:?--provider sqlite or postgres}; fi
[[ $PROVIDER == sqlite || $PROVIDER == postgres ]] || { echo "--provider must be sqlite or postgres" >&2; exit 2; }

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
seeds=$out/seeds-$N
db=$out/bench-$N.db
dll=$out/app/PaperListing.Web.dll
uncached=http://127.0.0.1:$PORT
cached=http://127.0.0.1:$((PORT + 1))
mkdir -p "$out"
load_before=$(cut -d" " -f1-3 /proc/loadavg)

say "build (Release)"
build_release "$root/PaperListing.sln"
publish_site "$out/app"

say "generate $N papers"
generate_seeds "$root/src/PaperListing.SeedGenerator"

# The site as a visitor gets it, plus a web root that also holds the static baseline (never part of the product).
mkdir -p "$out/wwwroot"
cp -r "$web/wwwroot/." "$out/wwwroot/"

import_seconds_of() { grep -oE 'Import done: .*; ([0-9.]+) s' "$out/$1.log" | grep -oE '[0-9.]+ s$' | tr -d ' s'; }

say "first import into an empty database"
rm -f "$db" "$db"-wal "$db"-shm
timed_start import
import_healthy=$(cat "$out/import-healthy.txt")
import_seconds=$(import_seconds_of import)
import_rss=$(rss_of import)
import_cpu=$(cpu_of import)
papers_line=$(grep -oE '[0-9]+ listings, [0-9]+ papers, [0-9]+ authors, [0-9]+ subjects' "$out/import.log")
progress_lines=$(grep -cE 'Import [0-9]+% done: .* papers/s' "$out/import.log" || true)

say "restart over unchanged seeds"
timed_start restart
restart_healthy=$(cat "$out/restart-healthy.txt")
restart_cpu=$(cpu_of restart)
restart_line=$(grep -oE 'Import done: [0-9]+ files read \([0-9]+ unchanged.*' "$out/restart.log" | head -1)

pg_summary=""
if [[ $PROVIDER == postgres ]]; then
  say "the same first import and restart on PostgreSQL"
  # shellcheck source=bench/postgres-import.sh
  source "$root/bench/postgres-import.sh"
fi

say "the two servers: uncached and cached"
# The pages are measured once the search index is there (index_ready), so its build does not share the cores with
# them. The first server builds it; the second opens the same folder.
serve "$PORT" "$out/uncached.log" Caching__OutputCache=false -- --webroot "$out/wwwroot"
pids+=("$!")
healthy "$PORT"
index_ready "$out/uncached.log"
index_line=$(grep -oE 'Search index (built|of [0-9]+ papers opened|could not be built).*' "$out/uncached.log" | head -1)
serve "$((PORT + 1))" "$out/cached.log" -- --webroot "$out/wwwroot"
pids+=("$!")
healthy "$((PORT + 1))"
index_ready "$out/cached.log"
# The uncached server built the search index (the cached one opened it): its peak so far is the build's. Each peak is
# then reset (clear_refs 5 resets VmHWM) so that the figure after the load is the peak while serving it.
hwm() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$(site_pid "$1")/status"; }
rss_uncached_start=$(hwm "${pids[0]}")
rss_cached_start=$(hwm "${pids[1]}")
for pid in "${pids[@]}"; do echo 5 >"/proc/$(site_pid "$pid")/clear_refs"; done

say "pages to measure"
pages=$(( ($(sqlite3 "$db" 'SELECT MAX("PaperCount") FROM "Listings";') + 19) / 20 ))
listing=$(sqlite3 "$db" 'SELECT "Slug" FROM "Listings" ORDER BY "PaperCount" DESC LIMIT 1;')
paper=$(sqlite3 "$db" "SELECT \"PublicId\" FROM \"Papers\" WHERE \"Id\" = $(( N / 2 ));")
read -r author author_count < <(sqlite3 -separator ' ' "$db" 'SELECT a."Slug", COUNT(DISTINCT pa."PaperId") FROM "PaperAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId" GROUP BY pa."AuthorId" ORDER BY 2 DESC LIMIT 1;')
read -r subject subject_count < <(sqlite3 -separator ' ' "$db" 'SELECT s."Slug", COUNT(DISTINCT ps."PaperId") FROM "PaperSubjects" ps JOIN "Subjects" s ON s."Id" = ps."SubjectId" GROUP BY ps."SubjectId" ORDER BY 2 DESC LIMIT 1;')
curl -sf "$uncached/related/$listing" -o "$out/wwwroot/bench-page1.html"
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
final() { curl -sL -o /dev/null -w '%{url_effective}' "$1"; }

# name|server|path|extra wrk header (optional); a route that is not there yet is reported, not measured.
targets=("static copy of listing page 1 (baseline)|$uncached|/bench-page1.html|")
targets+=("listing page 1, uncached|$uncached|/related/$listing|")
targets+=("listing page $(( (pages + 1) / 2 )) (middle), uncached|$uncached|/related/$listing?page=$(( (pages + 1) / 2 ))|")
targets+=("listing page $pages (last), uncached|$uncached|/related/$listing?page=$pages|")
targets+=("listing page 1, uncached, Brotli|$uncached|/related/$listing|Accept-Encoding: br")
missing=()
probe() { # probe NAME PATH: adds the target when the route answers 200, else notes it as not built yet
  local url=$uncached$2 code
  code=$(status "$url")
  if [[ $code == 30[12378] ]]; then url=$(final "$url"); code=$(status "$url"); fi
  if [[ $code == 200 ]]; then targets+=("$1|$uncached|${url#"$uncached"}|"); else missing+=("$1|$2|$code"); fi
}
probe "paper page, uncached" "/papers/$paper"
probe "author page 1 ($author_count papers), uncached" "/authors/$author"
probe "author page $(( (author_count + 19) / 20 )) (last), uncached" "/authors/$author?page=$(( (author_count + 19) / 20 ))"
probe "subject page 1 ($subject_count papers), uncached" "/subjects/$subject"
probe "subject page $(( (subject_count + 19) / 20 )) (last), uncached" "/subjects/$subject?page=$(( (subject_count + 19) / 20 ))"
probe "search, uncached" "/search?q=regularization"
probe "search, last page, uncached" "/search?q=regularization&page=50"
probe "two-word search, uncached" "/search?q=razin+regularization"
probe "filtered search (subject), uncached" "/search?q=regularization&subject=$subject"
probe "listing search (within one listing), uncached" "/related/$listing?q=regularization"
targets+=("listing page 1, cached (repeat view)|$cached|/related/$listing|")
targets+=("listing page $pages, cached (repeat view)|$cached|/related/$listing?page=$pages|")
targets+=("listing page 1, cached, Brotli|$cached|/related/$listing|Accept-Encoding: br")
etag=$(curl -sI "$cached/related/$listing" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
targets+=("listing page 1, If-None-Match → 304|$cached|/related/$listing|If-None-Match: $etag")

say "warm-up (the JIT settles on its optimised code)"
for t in "${targets[@]}"; do
  IFS='|' read -r _ server path header <<<"$t"
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-4}s" ${header:+-H "$header"} "$server$path" >/dev/null
done

# Between two measurements, both servers are left to finish what the last one queued (a slow page's backlog keeps a
# server busy after wrk stops, and would be charged to whatever runs next): until neither used more than a tenth of a
# core over half a second, at most 30 s.
cpu_ticks() { local p total=0; for p in "${pids[@]}"; do total=$(( total + $(awk '{print $14 + $15}' "/proc/$(site_pid "$p")/stat") )); done; echo "$total"; }
settle() {
  local deadline=$(( SECONDS + 30 )) before after
  while (( SECONDS < deadline )); do
    before=$(cpu_ticks); sleep 0.5; after=$(cpu_ticks)
    (( (after - before) * 100 / $(getconf CLK_TCK) <= 5 )) && return
  done
}
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"; }
results=$out/results.tsv
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
  say "round $round of $ROUNDS"
  # Each round starts one page further on, so no page always runs right after the same neighbour.
  shift_by=$(( (round - 1) % ${#targets[@]} ))
  for t in "${targets[@]:shift_by}" "${targets[@]:0:shift_by}"; do
    IFS='|' read -r name server path header <<<"$t"
    settle
    report=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${header:+-H "$header"} "$server$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
    p50=$(ms "$(awk '$1=="50%" {print $2}' <<<"$report")")
    p99=$(ms "$(awk '$1=="99%" {print $2}' <<<"$report")")
    errors=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$report")
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" >>"$results"
    printf '  %-55s %9s req/s  p50 %6s ms  p99 %6s ms\n' "$name" "$rps" "$p50" "$p99" >&2
  done
done
rss_uncached=$(hwm "${pids[0]}")
rss_cached=$(hwm "${pids[1]}")
page_kb=$(( $(stat -c %s "$out/wwwroot/bench-page1.html") / 1024 ))

missing_list=""
for m in "${missing[@]}"; do missing_list+="$m;"; done
cat >"$out/summary.env" <<SUMMARY
date=$(date -u '+%Y-%m-%d %H:%M UTC')
machine=$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version)
load_before=$load_before
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
command=N=$N ROUNDS=$ROUNDS DURATION=$DURATION CONNECTIONS=$CONNECTIONS bench/run.sh$([[ $PROVIDER == postgres ]] && echo " --provider postgres")
n=$N
papers_line=$papers_line
import_seconds=$import_seconds
import_healthy=$import_healthy
import_cpu=$import_cpu
import_rss=$import_rss
progress_lines=$progress_lines
restart_healthy=$restart_healthy
restart_cpu=$restart_cpu
restart_line=$restart_line
index_line=$index_line
$pg_summary
page_kb=$page_kb
connections=$CONNECTIONS
rounds=$ROUNDS
duration=$DURATION
rss_uncached=$rss_uncached
rss_cached=$rss_cached
rss_uncached_start=$rss_uncached_start
rss_cached_start=$rss_cached_start
missing=$missing_list
SUMMARY
python3 "$root/bench/report.py" >/dev/null
doc=$root/docs/benchmarks.md
cat "$doc"
cleanup
pids=()
if [[ $KEEP != 1 ]]; then rm -f "$db" "$db"-wal "$db"-shm "$out/uncached.log" "$out/cached.log"; fi
