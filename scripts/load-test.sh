#!/usr/bin/env bash
# Load test on loopback: a Release build of the site over the repository's seeds plus generated listings, a warm-up
# run, then a bounded wrk run mixing every kind of page the site links to. Passes when no request failed (non-2xx/3xx
# or socket errors) and the server's RSS after the run is within 10% of before it; then a 10 s flood of the same mix
# at the default rate limits, which passes when every request got a page or a 429 (no error, no dropped connection).
#
#   scripts/load-test.sh [seconds=60] [connections=64] [port=5390]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60}
CONNECTIONS=${2:-64}
PORT=${3:-5390}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/paperlisting-load-XXXXXX)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
dotnet build -c Release src/PaperListing.Web -v quiet -nologo >/dev/null

# The real seed and 20 generated listings of 60 papers each (so there are many listings, pages and authors).
mkdir -p "$WORK/seeds"
cp seeds/*.txt "$WORK/seeds/"
for l in $(seq 1 20); do
  {
    printf 'Related papers: Load Listing %s\n\n60 papers\n\n' "$l"
    for n in $(seq 1 60); do
      printf 'Paper %s of listing %s studies generalization and implicit bias in deep networks…\n\n' "$n" "$l"
      printf 'Machine Learning · Computer Science 2021-%02d-%02d Author %s , Coauthor %s\n\n' $((1 + n % 12)) $((1 + n % 28)) $((n % 37)) "$l"
    done
  } > "$WORK/seeds/$(printf '%03d' "$l")_load.txt"
done

# Rate limits and the crawlers' share lifted: this measures the site, not the limiter (one wrk client is one address,
# and sends no browser's Sec-Fetch headers).
(cd src/PaperListing.Web && exec env ASPNETCORE_ENVIRONMENT=Production Seeds__Path="$WORK/seeds" \
  ConnectionStrings__Papers="Data Source=$WORK/papers.db" Serilog__MinimumLevel__Default=Warning \
  RateLimits__PagesPerMinute=1000000000 RateLimits__SearchPerMinute=1000000000 RateLimits__ApiPerMinute=1000000000 \
  RateLimits__ExportsPerMinute=1000000000 Resilience__CrawlPagePercent=100 \
  dotnet bin/Release/net10.0/PaperListing.Web.dll --urls "$BASE" > "$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 600); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/healthz" >/dev/null || { echo "site did not become healthy"; cat "$WORK/server.log"; exit 1; }

# Probe the pages that exist: the home page's and the listings' links, grouped by their first path segment.
: > "$WORK/links"
for page in / $(curl -s "$BASE/" | grep -o 'href="/[^"]*"' | sed 's/href="//; s/"$//' | grep -v '^/css' | sort -u | head -40); do
  { curl -s "$BASE$page" | grep -o 'href="/[^"#]*"' || true; } | sed 's/href="//; s/"$//; s/&amp;/\&/g' >> "$WORK/links"
done
sort -u "$WORK/links" | grep -v '^/css\|^/error\|\.\(bib\|ris\|atom\)$' | awk -F/ '{ kinds[$2]++; if (kinds[$2] <= 25) print }' > "$WORK/paths"
if curl -s -o /dev/null -w '%{http_code}' "$BASE/search?q=implicit" | grep -q '^200$'; then
  printf '/search?q=implicit\n/search?q=deep+learning\n/search?q=generalization\n' >> "$WORK/paths"
fi
echo "Paths in the mix: $(wc -l < "$WORK/paths") ($(awk -F/ '{print "/" $2}' "$WORK/paths" | sed 's/?.*//' | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}'))"

{
  echo 'local paths = {'
  sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/  "&",/' "$WORK/paths"
  echo '}'
  cat <<'LUA'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local bad = 0
response = function(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("LOAD requests=%d errors_status=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
} > "$WORK/mix.lua"

rss() { awk '/VmRSS/ { print $2 }' "/proc/$(pgrep -P "$SERVER" -f PaperListing.Web.dll || echo "$SERVER")/status"; }

echo "Warm-up: 30 s, $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d30s -s "$WORK/mix.lua" "$BASE" > "$WORK/warmup.txt"
sleep 2
BEFORE=$(rss)
echo "Run: ${DURATION} s, $CONNECTIONS connections (RSS before: $((BEFORE / 1024)) MB)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency -s "$WORK/mix.lua" "$BASE" | tee "$WORK/run.txt"
sleep 2
AFTER=$(rss)

LINE=$(grep '^LOAD' "$WORK/run.txt")
RPS=$(awk '/^Requests\/sec/ { print $2 }' "$WORK/run.txt")
ERRORS=$(echo "$LINE" | sed 's/.*errors_status=\([0-9]*\) errors_connect=\([0-9]*\) errors_read=\([0-9]*\) errors_write=\([0-9]*\) errors_timeout=\([0-9]*\).*/\1 \2 \3 \4 \5/' | awk '{ print $1 + $2 + $3 + $4 + $5 }')
GROWTH=$(awk -v a="$AFTER" -v b="$BEFORE" 'BEGIN { printf "%.1f", (a - b) * 100 / b }')
echo "Result: $RPS requests/s, $ERRORS failed; RSS $((BEFORE / 1024)) MB -> $((AFTER / 1024)) MB (${GROWTH}%)"
echo "$LINE"
SERVER_ERRORS=$(grep -v '/healthz ' "$WORK/server.log" | grep -c ' responded 5[0-9][0-9] ' || true)
grep -v '/healthz ' "$WORK/server.log" | grep ' responded 5[0-9][0-9] ' | head -5 || true
[ "$ERRORS" -eq 0 ] || { echo "FAIL: $ERRORS requests failed"; exit 1; }
awk -v g="$GROWTH" 'BEGIN { exit !(g <= 10 && g >= -10) }' || { echo "FAIL: RSS changed by ${GROWTH}%"; exit 1; }

# A flood at the default limits: the same mix from one address for 10 s against a second instance over the same
# database. Every request must be answered, with a page or a 429, never an error or a dropped connection.
FLOOD_PORT=$((PORT + 1))
(cd src/PaperListing.Web && exec env ASPNETCORE_ENVIRONMENT=Production Seeds__Path="$WORK/seeds" \
  ConnectionStrings__Papers="Data Source=$WORK/papers.db" Serilog__MinimumLevel__Default=Warning \
  dotnet bin/Release/net10.0/PaperListing.Web.dll --urls "http://127.0.0.1:$FLOOD_PORT" > "$WORK/flood.log" 2>&1) &
FLOODED=$!
trap 'kill "$SERVER" "$FLOODED" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$FLOOD_PORT/healthz" >/dev/null && break; sleep 0.2; done
{
  sed -n '/^local paths = {/,/^}/p' "$WORK/mix.lua"
  cat <<'LUA'
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() i = 0; ok = 0; limited = 0; other = 0 end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
response = function(status, headers, body)
  if status < 400 then ok = ok + 1 elseif status == 429 then limited = limited + 1 else other = other + 1 end
end
done = function(summary, latency, requests)
  local o, l, x = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); l = l + t:get("limited"); x = x + t:get("other") end
  io.write(string.format("FLOOD requests=%d served=%d refused_429=%d other=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, o, l, x, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
} > "$WORK/flood.lua"
wrk -t2 -c"$CONNECTIONS" -d10s --timeout 5s -s "$WORK/flood.lua" "http://127.0.0.1:$FLOOD_PORT" > "$WORK/flood.txt"
FLOOD=$(grep '^FLOOD' "$WORK/flood.txt")
echo "Flood at the default limits, one address, 10 s, $CONNECTIONS connections: $(awk '/^Requests\/sec/ { print $2 }' "$WORK/flood.txt") requests/s"
echo "$FLOOD"
FLOOD_BAD=$(echo "$FLOOD" | sed 's/.*other=\([0-9]*\) socket_errors=\([0-9]*\).*/\1 \2/' | awk '{ print $1 + $2 }')
[ "$FLOOD_BAD" -eq 0 ] || { echo "FAIL: the flood got $FLOOD_BAD answers other than a page or a 429"; exit 1; }
echo "PASS (server log: $SERVER_ERRORS 5xx lines)"
