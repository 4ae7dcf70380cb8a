#!/usr/bin/env bash
# Outage test: three replicas (Release build) over one PostgreSQL, behind nginx, under wrk, while the database goes away.
#  1. PostgreSQL stopped (pg_ctl stop -m fast) for OUTAGE seconds and started again.
#  2. Every backend of the site's database killed (pg_terminate_backend).
#  3. Backpressure: 500 connections on one replica asking for pages not in its cache, with max_connections low.
#  4. SQLite: one more replica over a SQLite file that another process holds in a write transaction for OUTAGE seconds.
# Half the pages are fetched beforehand (in the page cache), half are not. Reported: answers from the cache (200 with
# Age), fresh 200s, 503s, other 5xx (must be 0), socket errors, each replica's seconds to serve a fresh page again
# after the database is back (must be at most 5), and the rows before and after (must match).
# PostgreSQL is a cluster of this script's own (127.0.0.1:55433, /var/tmp/paperlisting-postgres-outage), never the
# shared one on 55432: it is stopped and its backends killed. Replicas on 5851-5854, nginx on 5880. Run as root.
#
#   scripts/outage-test.sh            # the full run (about 3 minutes); writes docs/outages.md
#   scripts/outage-test.sh --quick    # the bounded run CI makes (about 2 minutes, 10 at most); writes nothing
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
QUICK=0
[[ ${1:-} == --quick ]] && QUICK=1
PAPERS=${PAPERS:-$((QUICK ? 2000 : 10000))}
RUN=${RUN:-$((QUICK ? 20 : 30))}     # seconds of each wrk run over an outage
OUTAGE=${OUTAGE:-10}                 # seconds the database is away
BASE_PORT=${BASE_PORT:-5851}         # replicas on 5851-5853 (PostgreSQL) and 5854 (SQLite)
LB_PORT=${LB_PORT:-5880}
CONNECTIONS=${CONNECTIONS:-32}
export PGPORT=${OUTAGE_PGPORT:-55433} PGDATA_DIR=${OUTAGE_PGDATA:-/var/tmp/paperlisting-postgres-outage}
[[ $PGPORT != 55432 ]] || { echo "refusing to stop the shared cluster on 55432" >&2; exit 2; }
DEADLINE=$((SECONDS + (QUICK ? 600 : 900)))
work=$(mktemp -d /tmp/paperlisting-outage.XXXXXX)
chmod 755 "$work"
say() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
left() { echo $((DEADLINE - SECONDS)); }
now() { date +%s.%N | cut -c1-14; }

command -v nginx >/dev/null && command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null; }

replica_pids=(0 0 0 0)
nginx_running=0
database=paperlisting_outage
monitors=()
cleanup() {
  local status=$?
  set +e
  kill "$watchdog" 2>/dev/null
  ((${#monitors[@]})) && kill "${monitors[@]}" 2>/dev/null
  ((nginx_running)) && nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null
  for pid in "${replica_pids[@]}"; do ((pid)) && kill -TERM "$pid" 2>/dev/null; done
  for pid in "${replica_pids[@]}"; do ((pid)) && wait "$pid" 2>/dev/null; done
  pg_up
  [[ -n "${admin:-}" ]] && psql "$admin" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
  bash "$root/scripts/postgres-start.sh" --stop >/dev/null 2>&1
  [[ $status -eq 0 ]] && rm -rf "$work" || echo "kept for a look: $work" >&2
  exit $status
}
( sleep $((DEADLINE - SECONDS)) >/dev/null 2>&1; echo "outage test: out of time" >&2; kill -TERM $$ ) &
watchdog=$!
trap cleanup EXIT
trap 'exit 124' TERM

# --- this script's own PostgreSQL, with few connections ------------------------------------------------------------
say "PostgreSQL on $PGPORT (this script's own cluster)"
server=$(bash "$root/scripts/postgres-start.sh" 2>/dev/null | tail -1)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_ctl() { runuser -u postgres -- "$bin/pg_ctl" -D "$PGDATA_DIR" "$@"; }
pg_up() { pg_ctl status >/dev/null 2>&1 || pg_ctl -l "$PGDATA_DIR/server.log" -w -t 60 start >/dev/null; }
superuser_in() { runuser -u postgres -- "$bin/psql" -h "$PGDATA_DIR" -p "$PGPORT" -U postgres -d "$1" -qtAc "$2"; }
superuser() { superuser_in postgres "$1"; }
# Few connections, as a small managed PostgreSQL has: 3 replicas × 12 places (Resilience__ConcurrentRequests) fit in 40.
if [[ $(superuser 'SHOW max_connections') != 40 ]]; then
  superuser 'ALTER SYSTEM SET max_connections = 40' >/dev/null
  pg_ctl -m fast -w restart -l "$PGDATA_DIR/server.log" >/dev/null
fi
source "$root/scripts/replicas-lib.sh"
fresh_database
# As the superuser: its reserved connections are there even when the site's role has taken every other one.
rows() { superuser_in "$database" 'SELECT (SELECT count(*) FROM "ListingEntries") || '"' '"' || (SELECT count(*) FROM "Papers") || '"' '"' || (SELECT count(*) FROM "PaperAuthors") || '"' '"' || (SELECT count(*) FROM "SeedFiles")'; }

# --- build, seeds, replicas ----------------------------------------------------------------------------------------
say "Release build"
for project in PaperListing.Web PaperListing.SeedGenerator; do
  dotnet build "$root/src/$project" -c Release -nologo -v q >/dev/null
done
dll=$root/src/PaperListing.Web/bin/Release/net10.0/PaperListing.Web.dll
seeds=$work/seeds
dotnet "$root/src/PaperListing.SeedGenerator/bin/Release/net10.0/PaperListing.SeedGenerator.dll" --papers "$PAPERS" --out "$seeds" --listings 4 >&2
REPLICA_SETTINGS="Resilience__ConcurrentRequests=12"
say "three replicas over PostgreSQL"
for n in 1 2 3; do start_replica "$n"; done
healthy "$BASE_PORT" "$((BASE_PORT + 1))" "$((BASE_PORT + 2))"
rows_before=$(rows)
echo "rows (entries papers paper-authors files): $rows_before" >&2

# --- addresses: half of them put in every replica's page cache ------------------------------------------------------
first=http://127.0.0.1:$BASE_PORT
while read -r slug count; do
  for ((page = 1; page <= (count + 19) / 20 && page <= 30; page++)); do echo "/related/$slug?page=$page"; done
done < <(sql 'SELECT "Slug" || '"' '"' || "PaperCount" FROM "Listings" ORDER BY "SortKey"') >"$work/paths.txt"
for id in $(sql 'SELECT "PublicId" FROM "Papers" ORDER BY "ContentHash" LIMIT 80'); do
  curl -s -o /dev/null -w '%{redirect_url}\n' "$first/papers/$id" | sed "s|^http://[^/]*||"
done >>"$work/paths.txt"
sql 'SELECT '"'/authors/'"' || "Slug" FROM "Authors" ORDER BY "Name" LIMIT 40' >>"$work/paths.txt"
# The API is never cached: these always read the database.
sql 'SELECT '"'/api/papers/'"' || "PublicId" FROM "Papers" ORDER BY "Id" DESC LIMIT 30' >>"$work/paths.txt"
sed -i '/^$/d' "$work/paths.txt"
probe_id=$(sql 'SELECT "PublicId" FROM "Papers" ORDER BY "Id" LIMIT 1')
warm() { # warm PORT: every other address into that replica's cache, as browsers (Accept-Encoding) and wrk ask for it
  awk 'NR % 2 == 1' "$work/paths.txt" | while read -r path; do
    curl -s -o /dev/null -H 'Host: papers.example.org' -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$1$path"
  done
}
for n in 1 2 3; do warm $((BASE_PORT + n - 1)); done
echo "$(wc -l <"$work/paths.txt") addresses, every other one cached in each replica" >&2

# --- traffic that counts what it gets --------------------------------------------------------------------------------
cat >"$work/count.lua" <<EOF
-- The mix of addresses; each answer counted: 200 from the page cache (it carries Age), other 200s, 503s, other 5xx.
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local threads, i = {}, 0
function setup(thread) i = i + 1; thread:set("start", i * 37); table.insert(threads, thread) end
function init(args) n = start; cached = 0; fresh = 0; busy = 0; broken = 0; other = 0 end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Host"] = "papers.example.org", ["Accept-Encoding"] = "br, gzip" })
end
function response(status, headers, body)
  if status == 200 then
    if headers["Age"] or headers["age"] then cached = cached + 1 else fresh = fresh + 1 end
  elseif status == 503 then busy = busy + 1
  elseif status >= 500 then broken = broken + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local c, f, b, x, o = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("cached"); f = f + t:get("fresh"); b = b + t:get("busy"); x = x + t:get("broken"); o = o + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("COUNTS %d %d %d %d %d %d %d %.0f\n", summary.requests, c, f, b, x, o,
    e.connect + e.read + e.write + e.timeout, latency:percentile(99) / 1000))
end
EOF
counts() { grep '^COUNTS' "$1" | cut -d' ' -f2-; } # requests cached fresh 503 other-5xx other socket-errors p99-ms

# Each replica polled every 0.2 s, each by a loop of its own: /healthz, and a paper read from the database (the API is
# never cached).
monitors=()
monitor_start() {
  local n
  for n in 1 2 3; do
    ( port=$((BASE_PORT + n - 1))
      while true; do
        echo "$(now) $n $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/healthz") $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/api/papers/$probe_id")"
        sleep 0.2
      done ) >>"$1" 2>/dev/null &
    monitors+=($!)
  done
}
# monitor_stop FILE SINCE: once every replica has read fresh since SINCE (or after 20 s), the loops end
monitor_stop() {
  local waited=0
  while ((waited < 100)) && [[ $(recovery "$1" "$2") == *never* ]]; do sleep 0.2; waited=$((waited + 1)); done
  kill "${monitors[@]}" 2>/dev/null
  wait "${monitors[@]}" 2>/dev/null || true
  monitors=()
}
# recovery FILE SINCE: per replica, seconds from SINCE to its first fresh read that succeeded
recovery() {
  for n in 1 2 3; do
    sort -n "$1" | awk -v n="$n" -v t="$2" '$2 == n && $1 >= t && $4 == 200 { printf "%.1f\n", $1 - t; exit }' | grep . || echo never
  done | paste -sd' '
}
# unhealthy FILE SINCE UNTIL: per replica, seconds from SINCE to its first /healthz 503 before UNTIL
unhealthy() {
  for n in 1 2 3; do
    sort -n "$1" | awk -v n="$n" -v t="$2" -v u="$3" '$2 == n && $1 >= t && $1 < u && $3 == 503 { printf "%.1f\n", $1 - t; exit }' | grep . || echo never
  done | paste -sd' '
}

mkdir -p "$work/nginx/logs" "$work/nginx/temp"
chmod -R 777 "$work/nginx/temp"
nginx_start 3

# --- 1. PostgreSQL stopped and started ---------------------------------------------------------------------------------
say "$RUN s of traffic; PostgreSQL stopped at 5 s for $OUTAGE s"
monitor_start "$work/monitor-stop.txt"
run_wrk "$RUN" "$work/wrk-stop.txt" "$work/count.lua" &
wrk_pid=$!
sleep 5
stopped_at=$(now)
pg_ctl -m fast -w stop >/dev/null
sleep "$OUTAGE"
pg_ctl -l "$PGDATA_DIR/server.log" -w start >/dev/null
started_at=$(now)
wait "$wrk_pid"
monitor_stop "$work/monitor-stop.txt" "$started_at"
stop_counts=$(counts "$work/wrk-stop.txt")
stop_recovery=$(recovery "$work/monitor-stop.txt" "$started_at")
stop_unhealthy=$(unhealthy "$work/monitor-stop.txt" "$stopped_at" "$started_at")
rows_after_stop=$(rows)
echo "counts: $stop_counts; unhealthy after: $stop_unhealthy s; fresh again after: $stop_recovery s; rows $rows_after_stop" >&2

# --- 2. every backend killed -------------------------------------------------------------------------------------------
say "$RUN s of traffic; every backend of the database killed at 5 s"
for n in 1 2 3; do warm $((BASE_PORT + n - 1)); done
monitor_start "$work/monitor-kill.txt"
run_wrk "$RUN" "$work/wrk-kill.txt" "$work/count.lua" &
wrk_pid=$!
sleep 5
killed_at=$(now)
killed=$(superuser "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$database'")
wait "$wrk_pid"
monitor_stop "$work/monitor-kill.txt" "$killed_at"
kill_counts=$(counts "$work/wrk-kill.txt")
kill_recovery=$(recovery "$work/monitor-kill.txt" "$killed_at")
rows_after_kill=$(rows)
echo "$killed backends killed; counts: $kill_counts; fresh again after: $kill_recovery s; rows $rows_after_kill" >&2

# --- 3. backpressure ---------------------------------------------------------------------------------------------------
say "backpressure: 500 connections on replica 1, every request a new search (never cached), for $((QUICK ? 8 : 15)) s"
cat >"$work/search.lua" <<'EOF'
local threads, i = {}, 0
function setup(thread) i = i + 1; thread:set("id", i); table.insert(threads, thread) end
function init(args) n = 0; ok = 0; busy = 0; broken = 0; other = 0 end
function request() n = n + 1; return wrk.format("GET", "/search?q=paper+" .. id .. "x" .. n) end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 503 then busy = busy + 1 elseif status >= 500 then broken = broken + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local a, b, x, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("ok"); b = b + t:get("busy"); x = x + t:get("broken"); o = o + t:get("other") end
  local e = summary.errors
  io.write(string.format("COUNTS %d %d %d %d %d %d %.0f\n", summary.requests, a, b, x, o, e.connect + e.read + e.write + e.timeout, latency:percentile(99) / 1000))
end
EOF
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$(pgrep -P "${replica_pids[0]}" dotnet || echo "${replica_pids[0]}")/status" 2>/dev/null || echo 0; }
rss_before=$(rss)
wrk -t2 -c500 -d"$((QUICK ? 8 : 15))s" --timeout 10s -s "$work/search.lua" "http://127.0.0.1:$BASE_PORT/" >"$work/wrk-flood.txt" 2>&1
rss_after=$(rss)
flood_counts=$(counts "$work/wrk-flood.txt") # requests 200 503 other-5xx other socket-errors p99-ms
echo "counts: $flood_counts; RSS $rss_before → $rss_after MB" >&2

# --- 4. SQLite: the file locked by another process ------------------------------------------------------------------
say "SQLite: a fourth replica over its own file, held in a write transaction by another process for $OUTAGE s"
mkdir -p "$work/sqlite"
saved_connection=$connection
connection="Data Source=$work/sqlite/papers.db"
PROVIDER=Sqlite start_replica 4
connection=$saved_connection
sqlite_port=$((BASE_PORT + 3))
healthy "$sqlite_port"
warm "$sqlite_port"
# The strongest lock another process can take while the site has the file open in WAL mode: a write transaction
# (BEGIN EXCLUSIVE and a write). An exclusive locking mode (PRAGMA locking_mode=EXCLUSIVE) is refused at once while
# the site's connections share the WAL index; SqliteLockTests covers a site that opens the file while one is held.
python3 - "$work/sqlite/papers.db" "$OUTAGE" "$work/locked" <<'EOF' &
import pathlib, sqlite3, sys, time
# What an sqlite3 shell does with BEGIN EXCLUSIVE; and a write, held for a while.
lock = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
lock.execute("BEGIN EXCLUSIVE")
lock.execute("""INSERT INTO "DatabaseFacts" ("Key", "Value") VALUES ('outage test', 'never committed')""")
pathlib.Path(sys.argv[3]).touch()
time.sleep(float(sys.argv[2]))
lock.execute("ROLLBACK")
lock.close()
EOF
locker=$!
until [[ -f $work/locked ]]; do kill -0 "$locker" 2>/dev/null || fail "the SQLite file could not be locked"; sleep 0.1; done
wrk -t2 -c"$CONNECTIONS" -d"${RUN}s" --timeout 5s -s "$work/count.lua" "http://127.0.0.1:$sqlite_port/" >"$work/wrk-sqlite.txt" 2>&1 &
wrk_pid=$!
wait "$locker"
unlocked_at=$SECONDS
until curl -sf -o /dev/null "http://127.0.0.1:$sqlite_port/api/papers/$probe_id"; do sleep 0.1; done
sqlite_recovery=$((SECONDS - unlocked_at))
wait "$wrk_pid"
sqlite_counts=$(counts "$work/wrk-sqlite.txt")
echo "counts: $sqlite_counts; fresh again ${sqlite_recovery} s after the lock was let go" >&2

# --- verdict and report ---------------------------------------------------------------------------------------------
problems=()
for run in "stop:$stop_counts" "kill:$kill_counts" "sqlite:$sqlite_counts"; do
  read -r requests cached fresh busy broken other errors p99 <<<"${run#*:}"
  ((requests > 0)) || problems+=("${run%%:*}: no requests")
  ((broken == 0)) || problems+=("${run%%:*}: $broken answers 5xx other than 503")
done
read -r requests ok busy broken other errors p99 <<<"$flood_counts"
((broken == 0)) || problems+=("backpressure: $broken answers 5xx other than 503")
for seconds in $stop_recovery $kill_recovery; do
  [[ $seconds != never ]] && awk -v s="$seconds" 'BEGIN { exit !(s <= 5) }' || problems+=("a replica took $seconds s to serve fresh pages again (bound 5)")
done
[[ $rows_before == "$rows_after_stop" && $rows_before == "$rows_after_kill" ]] || problems+=("rows changed: $rows_before / $rows_after_stop / $rows_after_kill")

if ((!QUICK)); then
  row() { read -r requests cached fresh busy broken other errors p99 <<<"$2"; echo "| $1 | $requests | $cached | $fresh | $busy | **$broken** | $other | $errors | $p99 ms |"; }
  read -r f_requests f_ok f_busy f_broken f_other f_errors f_p99 <<<"$flood_counts"
  cat >"$root/docs/outages.md" <<EOF
# Outages: the database stopped, its connections killed, saturated, locked

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`scripts/outage-test.sh\` (PAPERS=$PAPERS, $CONNECTIONS connections through nginx,
wrk -t2) on $(nproc) cores, PostgreSQL $(superuser 'SHOW server_version' | cut -d' ' -f1) with max_connections 40, three Release replicas and nginx,
every process on this one machine (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end). Half of the $(wc -l <"$work/paths.txt") addresses in
the mix were fetched once beforehand, so they are in each replica's page cache; the other half are not.

| run ($RUN s each) | requests | 200 from the page cache | other 200 | 503 | 5xx other than 503 | other | socket errors | p99 |
|---|---|---|---|---|---|---|---|---|
$(row "PostgreSQL stopped at 5 s for $OUTAGE s (\`pg_ctl stop -m fast\`, \`start\`)" "$stop_counts")
$(row "every backend killed at 5 s (\`pg_terminate_backend\`, $killed backends)" "$kill_counts")
$(row "SQLite replica, its file held by another process (BEGIN EXCLUSIVE and a write) for the first $OUTAGE s" "$sqlite_counts")

- Seconds from PostgreSQL's start to each replica's first fresh read (a paper from the API, never cached): **$stop_recovery**;
  from the backends' killing: **$kill_recovery**; from the SQLite lock's release: **$sqlite_recovery**. No restart.
- \`/healthz\` answered 503 after the stop: replica 1, 2, 3 after **$stop_unhealthy** s (debounced: unhealthy once every
  ping has failed for 3 s), and 200 again with the first fresh read.
- Rows (listing entries, papers, paper authors, seed files) before: $rows_before; after the stop: $rows_after_stop;
  after the killing: $rows_after_kill.

## Backpressure

500 connections straight at replica 1, each request a search never asked before (so never in the page cache), for
$((QUICK ? 8 : 15)) s: $f_requests requests, $f_ok answered 200, $f_busy answered 503 (queue full, or waited 2 s), **$f_broken** other 5xx,
$f_other other, $f_errors socket errors (timeouts included), p99 $f_p99 ms. Memory of that replica: $rss_before MB before, $rss_after MB after.
EOF
  say "docs/outages.md written"
fi
if ((${#problems[@]})); then
  printf 'FAILED: %s\n' "${problems[@]}" >&2
  exit 1
fi
say "outage test passed"
