#!/usr/bin/env bash
# What one request costs the site, in server CPU (user + system, from /proc), for each side of bench/crawl.sh: a
# visitor's cached page 1, a refusal of the crawler from one address, a paper page made for the crawler taking a new
# address each request. Each load runs alone (wrk -t1 -c16), so the figure does not depend on what else shares the
# machine as much as requests/s does. Reuses what bench/crawl.sh made (seeds, database, the crawl's addresses); the
# database is copied, so the site under test never writes the benchmark's own. Loopback only, bounded in time.
#
#   bench/crawl-cost.sh                                  # the current build
#   DLL=/path/to/PaperListing.Web.dll bench/crawl-cost.sh   # another build, over the same data
set -euo pipefail

N=${N:-200000}
DURATION=${DURATION:-5}
PORT=${PORT:-5541}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
web=$root/src/PaperListing.Web
dll=${DLL:-$web/bin/Release/net10.0/PaperListing.Web.dll}
base=http://127.0.0.1:$PORT
[[ -f $out/crawl-$N.db && -f $out/crawl-papers.txt ]] || { echo "run bench/crawl.sh first (N=$N)" >&2; exit 1; }
[[ -n ${DLL:-} ]] || dotnet build "$web" -c Release -nologo -v q >/dev/null
work=$(mktemp -d "$out/cost-XXXX")
cp "$out/crawl-$N.db" "$work/papers.db"
site=""
cleanup() { [[ -n $site ]] && kill -TERM "$site" 2>/dev/null && wait "$site" 2>/dev/null || true; cp "$work/site.log" "$out/crawl-cost-site.log" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cd "$(dirname "$dll")"
Seeds__Path="$out/seeds-$N" ConnectionStrings__Papers="Data Source=$work/papers.db" DataProtection__KeysPath="$work/keys" \
  dotnet "$dll" --urls "$base" >"$work/site.log" 2>&1 &
site=$!
until curl -sf "$base/healthz" >/dev/null; do sleep 1; done
ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$site/stat"; }
echo / >"$work/home.txt"
load() {
  case $1 in
    visitors) wrk -t1 -c16 -d"${DURATION}s" -s "$root/bench/lua/visitors.lua" "$base/" ;;
    many) CRAWL_PAPERS="$out/crawl-papers.txt" CRAWL_MANY=1 CRAWL_FROM=${2:-0} \
      wrk -t1 -c16 -d"${DURATION}s" -s "$root/bench/lua/crawler.lua" "$base/" ;;
    # The one-address crawler asks for the cached page 1: once its minute's allowance is spent (in the warm-up), all
    # but the 10 a second the rate limit lets through are refusals, whatever a page would cost to make.
    one) CRAWL_PAPERS="$work/home.txt" CRAWL_MANY=0 wrk -t1 -c16 -d"${DURATION}s" -s "$root/bench/lua/crawler.lua" "$base/" ;;
  esac
}
echo "| request (wrk -t1 -c16, ${DURATION} s, alone) | requests/s | server CPU µs per request |"
echo "|---|---:|---:|"
for kind in visitors one many; do
  load "$kind" >/dev/null 2>&1 # warm-up
  before=$(cpu)
  result=$(load "$kind" 25000) # pages the warm-up did not make (and cache)
  after=$(cpu)
  requests=$(echo "$result" | awk '/^ +[0-9]+ requests in/ { print $1 }')
  rate=$(echo "$result" | awk '/^Requests\/sec/ { print $2 }')
  label=$(case $kind in visitors) echo "visitor's page 1, from the cache" ;; one) echo "crawler from one address, refused (page 1, allowance spent)" ;; many) echo "crawler, a new address each request (paper page made)" ;; esac)
  printf '| %s | %.0f | %.0f |\n' "$label" "$rate" "$(echo "($after - $before) / $ticks * 1000000 / $requests" | bc -l)"
done
