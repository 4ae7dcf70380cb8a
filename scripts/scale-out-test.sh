#!/usr/bin/env bash
# Scale-out test: one PostgreSQL, three replicas of the site (Release build) on loopback ports behind nginx.
#  1. The three replicas start at the same moment on an empty database: exactly one imports, the rows equal the seeds.
#  2. Every page is byte-identical whichever replica answers it.
#  3. wrk drives mixed traffic through nginx for 30 s while one replica is killed (SIGKILL) at ~10 s and started
#     again at ~20 s: requests, non-2xx/3xx answers and socket errors are reported.
#  4. The same mix for 15 s through one upstream, then through three: the throughput of each.
# All load comes from one address (wrk through nginx), so the per-address rate limits are lifted: the pages are measured.
# Figures go to docs/scale-out.md. Run as root (PostgreSQL and nginx are Debian's packages, installed if missing).
# Bounded in time after its Release build (about 3 minutes; killed at 5) and it cleans up: nginx, the replicas, its database, and the
# PostgreSQL cluster when it started it. Traffic stays on 127.0.0.1.
#
#   scripts/scale-out-test.sh                 # 20 000 generated papers (the repository's seeds without the generator)
#   PAPERS=50000 scripts/scale-out-test.sh
#   scripts/scale-out-test.sh --ci            # bounded, for CI: 5 000 papers, 12 s of load through the kill, the same
#                                             # checks, no throughput comparison, docs/scale-out.md left alone
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ci=0
[[ ${1:-} == --ci ]] && ci=1
if ((ci)); then
  PAPERS=${PAPERS:-5000}
  LOAD_SECONDS=12      # replica 2 killed at a third of it, started again at two thirds
else
  PAPERS=${PAPERS:-20000}
  LOAD_SECONDS=30
fi
BASE_PORT=${BASE_PORT:-5601}      # replicas on 5601-5603, nginx on 5680
LB_PORT=${LB_PORT:-5680}
CONNECTIONS=${CONNECTIONS:-32}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/paperlisting-scale-out.XXXXXX)
chmod 755 "$work"
say() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
left() { echo $((DEADLINE - SECONDS)); }

command -v nginx >/dev/null && command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null; }

# The build comes before the clock starts: on a busy machine it alone can take minutes.
say "Release build"
dotnet build "$root/PaperListing.sln" -c Release -nologo -v q >/dev/null
DEADLINE=$((SECONDS + 300))

# --- cleanup, whatever happens -------------------------------------------------------------------------------------
replica_pids=(0 0 0)
cluster_started=0
nginx_running=0
database=paperlisting_scale_out_$BASE_PORT   # own name per port range: runs on other ports do not collide
cleanup() {
  local status=$?
  set +e
  kill "$watchdog" 2>/dev/null
  ((nginx_running)) && nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null
  for pid in "${replica_pids[@]}"; do ((pid)) && kill -TERM "$pid" 2>/dev/null; done
  for pid in "${replica_pids[@]}"; do ((pid)) && wait "$pid" 2>/dev/null; done
  [[ -n "${admin:-}" ]] && psql "$admin" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
  ((cluster_started)) && bash "$root/scripts/postgres-start.sh" --stop >/dev/null 2>&1
  [[ $status -eq 0 ]] && rm -rf "$work" || echo "kept for a look: $work" >&2
  exit $status
}
# A watchdog: the whole test ends within 5 minutes, whatever hangs.
( sleep 300 >/dev/null 2>&1; echo "scale-out test: out of time" >&2; kill -TERM $$ ) &
watchdog=$!
trap cleanup EXIT
trap 'exit 124' TERM

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
say "PostgreSQL"
pg_running() { [[ -f "${PGDATA_DIR:-/var/tmp/paperlisting-postgres}/postmaster.pid" ]]; }
pg_running || cluster_started=1
server=$(bash "$root/scripts/postgres-start.sh" 2>/dev/null | tail -1)
# libpq's form of the same server, for psql.
source "$root/scripts/replicas-lib.sh"
fresh_database

# --- seeds ---------------------------------------------------------------------------------------------------------
dll=$root/src/PaperListing.Web/bin/Release/net10.0/PaperListing.Web.dll
generator=$root/src/PaperListing.SeedGenerator/bin/Release/net10.0/PaperListing.SeedGenerator.dll
seeds=$work/seeds
if [[ -f $generator ]]; then
  dotnet "$generator" --papers "$PAPERS" --out "$seeds" --listings 4 >&2
  seed_entries=$PAPERS
else
  cp -r "$root/seeds" "$seeds"
  seed_entries=""   # taken from the import's own count below
fi

# --- three replicas, started together ------------------------------------------------------------------------------
# start_replica, healthy, nginx_config, nginx_start, write_mix, run_wrk, figure: shared with scripts/outage-test.sh.
say "three replicas, started at the same moment on an empty database"
started=$SECONDS
for n in 1 2 3; do start_replica "$n"; done
healthy "$BASE_PORT" "$((BASE_PORT + 1))" "$((BASE_PORT + 2))"
startup_seconds=$((SECONDS - started))
imports=0
for n in 1 2 3; do
  line=$(grep -E 'Import done' "$work/replica$n.log" | tail -1)
  entries=$(grep -oE '[0-9]+ entries imported' <<<"$line" | grep -oE '^[0-9]+')
  echo "replica $n: $line" >&2
  if ((entries > 0)); then imports=$((imports + 1)); seed_entries=${seed_entries:-$entries}; fi
done
rows=$(sql 'SELECT count(*) FROM "ListingEntries"')
duplicates=$(sql 'SELECT count(*) - count(DISTINCT ("ListingId", "Position")) FROM "ListingEntries"')
paper_rows=$(sql 'SELECT count(*) FROM "Papers"')
echo "imports with entries: $imports; entry rows $rows (seed entries $seed_entries), duplicate places $duplicates, papers $paper_rows" >&2
((imports == 1)) || fail "expected exactly one import, saw $imports"
((rows == seed_entries && duplicates == 0)) || fail "rows do not match the seeds"

# --- the pages to fetch --------------------------------------------------------------------------------------------
say "pages"
first=http://127.0.0.1:$BASE_PORT
canonical() { curl -s -o /dev/null -w '%{redirect_url}' "$first$1" | sed "s|^http://[^/]*||"; }
listings=$(sql 'SELECT "Slug" || '"' '"' || "PaperCount" FROM "Listings" ORDER BY "SortKey"')
: >"$work/paths.txt"
while read -r slug count; do
  pages=$(((count + 19) / 20))
  for page in 1 2 3 $((pages / 2)) "$pages"; do ((page >= 1 && page <= pages)) && echo "/related/$slug?page=$page"; done
done <<<"$listings" | sort -u >>"$work/paths.txt"
for id in $(sql 'SELECT "PublicId" FROM "Papers" ORDER BY "ContentHash" LIMIT 60'); do canonical "/papers/$id"; echo; done >>"$work/paths.txt"
sql 'SELECT '"'/authors/'"' || "Slug" FROM "Authors" ORDER BY "Name" LIMIT 40' >>"$work/paths.txt"
sql 'SELECT '"'/subjects/'"' || "Slug" FROM "Subjects" ORDER BY "Name" LIMIT 10' >>"$work/paths.txt"
if curl -sf -o /dev/null "$first/search?q=learning"; then
  printf '/search?q=%s\n' learning 'deep+networks' '%22neural+network%22' 'graph+-random' >>"$work/paths.txt"
fi
sed -i '/^$/d' "$work/paths.txt"
cp "$work/paths.txt" "$work/compare.txt"
slug1=$(head -1 <<<"$listings" | cut -d' ' -f1)
printf '%s\n' / /api/listings "/api/listings/$slug1/papers?page=1" "/related/$slug1/feed.atom" "/related/$slug1.bib?page=1" \
  /sitemap.xml /robots.txt "/papers/$(sql 'SELECT "PublicId" FROM "Papers" ORDER BY "Id" LIMIT 1').bib" >>"$work/compare.txt"
echo "$(wc -l <"$work/paths.txt") paths in the traffic mix, $(wc -l <"$work/compare.txt") compared across replicas" >&2

# --- every page identical whichever replica answers ----------------------------------------------------------------
say "same page from every replica"
differing=0
while read -r path; do
  sums=$(for n in 1 2 3; do
    curl -s -H 'Host: papers.example.org' -H 'Accept-Encoding: identity' "http://127.0.0.1:$((BASE_PORT + n - 1))$path" | sha256sum | cut -c1-16
  done | sort -u | wc -l)
  if ((sums != 1)); then
    differing=$((differing + 1))
    echo "differs across replicas: $path" >&2
  fi
done <"$work/compare.txt"
compared=$(wc -l <"$work/compare.txt")
echo "$compared pages compared, $differing differ" >&2

# --- nginx in front -------------------------------------------------------------------------------------------------
mkdir -p "$work/nginx/logs" "$work/nginx/temp"
chmod -R 777 "$work/nginx/temp"
write_mix

# --- a replica killed and restarted under load ---------------------------------------------------------------------
say "$LOAD_SECONDS s of mixed traffic through nginx; replica 2 killed at $((LOAD_SECONDS / 3)) s, started again at $((2 * LOAD_SECONDS / 3)) s"
nginx_start 3
run_wrk "$LOAD_SECONDS" "$work/wrk-failover.txt" &
wrk_pid=$!
sleep $((LOAD_SECONDS / 3))
kill_from=$(date +%T)
kill -KILL "${replica_pids[1]}"
wait "${replica_pids[1]}" 2>/dev/null || true
killed_at=$(date +%T)
sleep $((LOAD_SECONDS / 3))
start_replica 2
restart_started=$SECONDS
healthy "$((BASE_PORT + 1))"
restart_seconds=$((SECONDS - restart_started))
wait "$wrk_pid"
failover=$(figure "$work/wrk-failover.txt")
echo "killed at $killed_at, healthy again ${restart_seconds} s after its restart; wrk: $failover" >&2
restart_import=$(grep -E 'Import done' "$work/replica2.log" | tail -1 | grep -oE '[0-9]+ files read \([0-9]+ unchanged' || true)

# A SIGKILL cuts the responses the replica was in the middle of sending: nginx hands a request to another replica only
# while no byte of its answer has gone to the client, so each of those shows at wrk as a read error (and in nginx's log
# as an upstream closed "while reading upstream"). Those, within the kill's own second, are what a crash costs; any
# other socket error, or a response cut at another moment, fails the test.
check_failover_errors() {
  local errors=$1 connect read write timeout cut outside
  [[ $errors == none ]] && return 0
  read -r connect read write timeout < <(sed -E 's/.*connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+).*/\1 \2 \3 \4/' <<<"$errors")
  read -r cut outside < <(grep -E 'while reading upstream,' "$work/nginx/logs/error.log" |
    awk -v from="$kill_from" -v to="$killed_at" '{ n++; if ($2 < from || $2 > to) out++ } END { print n + 0, out + 0 }')
  ((connect == 0 && write == 0 && timeout == 0 && read <= cut && outside == 0)) ||
    fail "wrk had socket errors the kill does not explain: $errors ($cut responses cut mid-body by the killed replica, $outside of them outside $kill_from-$killed_at)"
  echo "$read responses cut mid-body by the kill itself (nginx logged $cut, all at $kill_from-$killed_at); every other request answered" >&2
}

# --- the bounded run for CI stops here: its checks are done, the figures are not worth publishing ---------------------
if ((ci)); then
  IFS='|' read -r requests rate bad errors p50 p99 <<<"$failover"
  echo "scale-out (--ci): $imports import, $compared pages compared ($differing differ), $requests requests through the kill ($bad not 2xx/3xx, socket errors: $errors)" >&2
  ((differing == 0)) || fail "$differing pages differ across replicas"
  ((requests > 0 && bad == 0)) || fail "wrk got $bad answers that were not 2xx/3xx in $requests requests"
  check_failover_errors "$errors"
  exit 0
fi

# --- one upstream against three -------------------------------------------------------------------------------------
say "throughput: one upstream, then three (15 s each)"
nginx_start 1
run_wrk 15 "$work/wrk-one.txt"
nginx_start 3
run_wrk 15 "$work/wrk-three.txt"
one=$(figure "$work/wrk-one.txt")
three=$(figure "$work/wrk-three.txt")
echo "one: $one" >&2
echo "three: $three" >&2

# --- report ---------------------------------------------------------------------------------------------------------
row() { IFS='|' read -r requests rate bad errors p50 p99 <<<"$2"; echo "| $1 | $requests | $rate | $bad | $errors | $p50 | $p99 |"; }
ratio=$(awk -v a="$(cut -d'|' -f2 <<<"$three")" -v b="$(cut -d'|' -f2 <<<"$one")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$root/docs"
cat >"$root/docs/scale-out.md" <<EOF
# Scale-out: three replicas behind nginx over one PostgreSQL

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`scripts/scale-out-test.sh\` (PAPERS=$PAPERS, $CONNECTIONS connections, wrk -t2) on
$(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB of memory, PostgreSQL $(sql 'SHOW server_version' | cut -d' ' -f1),
$(nginx -v 2>&1 | cut -d: -f2 | sed 's/^ *//'), every process on this one machine: the replicas, nginx, PostgreSQL and wrk share the cores
(load average $load_before before the run, $load_after after it: other work on the machine shares them too).

## Starting together

Three replicas started at the same moment on an empty database: **$imports** of them imported (the others waited on
the advisory lock, then found every file unchanged). $rows listing entries for $seed_entries entries in the seeds,
$duplicates duplicate places, $paper_rows papers. All three healthy $startup_seconds s after the start.

## The same page from every replica

$compared addresses (listing pages, paper, author and subject pages, searches when the site has them, the API,
feed, BibTeX, sitemap) fetched from each replica directly: **$differing** differ.

## A replica killed under load

$LOAD_SECONDS s of mixed traffic through nginx; replica 2 killed with SIGKILL at $((LOAD_SECONDS / 3)) s and started again at $((2 * LOAD_SECONDS / 3)) s (healthy
${restart_seconds} s later; its import: ${restart_import:-see log}). nginx retries a failed GET on another replica
(\`proxy_next_upstream error timeout http_502 http_503\`).
A response the killed replica was in the middle of sending cannot go to another (its first bytes have reached the
client): a crash cuts it, and wrk counts it as a read error. The test accepts only those, each logged by nginx as cut
mid-body at the kill's own second; any other socket error or answer fails it.

| run | requests | requests/s | non-2xx/3xx | socket errors | p50 | p99 |
|---|---|---|---|---|---|---|
$(row "kill and restart, $LOAD_SECONDS s" "$failover")

## One replica against three

The same mix for 15 s each, nginx in front of one replica, then of three:

| upstreams | requests | requests/s | non-2xx/3xx | socket errors | p50 | p99 |
|---|---|---|---|---|---|---|
$(row "1" "$one")
$(row "3" "$three")

Three replicas give **${ratio}×** the throughput of one here. On $(nproc) cores shared with nginx, PostgreSQL and wrk
it cannot triple: the replicas compete for the same cores. On separate machines each replica brings its own.
EOF
say "docs/scale-out.md written"
((differing == 0)) || fail "$differing pages differ across replicas"
for run in "$failover" "$one" "$three"; do
  IFS='|' read -r requests rate bad errors p50 p99 <<<"$run"
  ((requests > 0 && bad == 0)) || fail "a wrk run got $bad answers that were not 2xx/3xx in $requests requests"
done
IFS='|' read -r _ _ _ errors _ _ <<<"$failover"
check_failover_errors "$errors"
for run in "$one" "$three"; do
  IFS='|' read -r _ _ _ errors _ _ <<<"$run"
  [[ $errors == none ]] || fail "a wrk run had socket errors: $errors"
done
