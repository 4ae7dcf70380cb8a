#!/usr/bin/env bash
# A crawler's sweep beside visitors. Serves N synthetic papers with the shipped settings (page cache, rate limits),
# then, in interleaved rounds, measures visitors reading listing page 1 (each request from one of 5,000 addresses)
# alone, beside a crawler walking paper pages at full speed from one address, and beside one that takes a new address
# for every request (which no per-address rule can tell from many visitors). Reports the visitors' requests/s, the
# ratio to visitors alone, and the share of their pages served from the cache. Loopback only, bounded in time.
# Writes docs/crawl-benchmark.md. Everything it makes stays in bench/out/ (git-ignored).
#
#   bench/crawl.sh                      # N=200000, 3 rounds of 10 s
#   N=50000 ROUNDS=1 DURATION=5 bench/crawl.sh
#   PORT=5750 DOC=bench/out/try.md bench/crawl.sh   # another port; the table written elsewhere than the docs
set -euo pipefail

N=${N:-200000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
PORT=${PORT:-5540}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
seeds=$out/seeds-$N
db=$out/crawl-$N.db
web=$root/src/PaperListing.Web
dll=$web/bin/Release/net10.0/PaperListing.Web.dll
generator=$root/src/PaperListing.SeedGenerator
base=http://127.0.0.1:$PORT
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
site=""
cleanup() { [[ -n $site ]] && kill -TERM "$site" 2>/dev/null && wait "$site" 2>/dev/null || true; }
trap cleanup EXIT
say() { printf '\n== %s\n' "$*" >&2; }

say "build (Release)"
dotnet build "$web" -c Release -nologo -v q >/dev/null
dotnet build "$generator" -c Release -nologo -v q >/dev/null
say "generate $N papers"
if [[ ! -f $seeds/.complete ]]; then
  rm -rf "$seeds"
  dotnet "$generator/bin/Release/net10.0/PaperListing.SeedGenerator.dll" --papers "$N" --out "$seeds" >&2
  touch "$seeds/.complete"
fi

say "import (or reuse the database) and serve, with the shipped cache and rate limits"
cd "$web"
Seeds__Path="$seeds" ConnectionStrings__Papers="Data Source=$db" DataProtection__KeysPath="$out/keys" \
  dotnet "$dll" --urls "$base" >"$out/crawl-site.log" 2>&1 &
site=$!
until curl -sf "$base/healthz" >/dev/null; do sleep 1; done
curl -sf "$base/sitemap.xml" | grep -oE "<loc>[^<]*/papers/[^<]*</loc>" | sed -E 's|<loc>https?://[^/]*||; s|</loc>||' \
  | shuf -n 50000 --random-source=<(yes) >"$out/crawl-papers.txt"
echo "$(wc -l <"$out/crawl-papers.txt") paper addresses to crawl" >&2

visitors() { wrk -t1 -c16 -d"${DURATION}s" -s "$root/bench/lua/visitors.lua" "$base/"; }
rate() { awk '/^Requests\/sec/ { print $2 }'; }
share() { awk '/^cached/ { printf "%.3f", $2 / ($4 > 0 ? $4 : 1) }'; }
# A first run of the visitors alone, not counted: the server's first seconds (JIT, tiering, the pool's connections)
# would otherwise fall on the first round's visitors alone and flatter every ratio.
visitors >/dev/null
declare -A rps cached
for kind in alone one many; do rps[$kind]=""; cached[$kind]=""; done
for round in $(seq 1 "$ROUNDS"); do
  for kind in alone one many; do
    if [[ $kind == alone ]]; then
      result=$(visitors)
    else
      # Each crawl starts at its own place in the list, so it walks pages no earlier crawl put in the cache.
      CRAWL_PAPERS="$out/crawl-papers.txt" CRAWL_MANY=$([[ $kind == many ]] && echo 1 || echo 0) \
        CRAWL_FROM=$(( ((round - 1) * 2 + $([[ $kind == many ]] && echo 1 || echo 0)) * 8000 )) \
        wrk -t1 -c16 -d"$((DURATION + 2))s" -s "$root/bench/lua/crawler.lua" "$base/" >"$out/crawl-$kind-$round.txt" 2>&1 &
      crawler=$!
      sleep 1
      result=$(visitors)
      wait "$crawler" || true
    fi
    rps[$kind]+="$(echo "$result" | rate) "
    cached[$kind]+="$(echo "$result" | share) "
    printf 'round %s %-6s visitors %s req/s, from the cache %s\n' "$round" "$kind" "$(echo "$result" | rate)" "$(echo "$result" | share)" >&2
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
alone=$(echo "${rps[alone]}" | median)
crawled() { cat "$out"/crawl-"$1"-*.txt | awk '/^ +[0-9]+ requests in/ { s += $1 } END { print s + 0 }'; }
refused() { grep -hoE 'Non-2xx or 3xx responses: [0-9]+' "$out"/crawl-"$1"-*.txt | awk '{ s += $NF } END { print s + 0 }'; }
row() { local v; v=$(echo "${rps[$1]}" | median); printf '| %s | %.0f | %.2f | %s | %s of %s |\n' "$2" "$v" "$(echo "$v / $alone" | bc -l)" "$(echo "${cached[$1]}" | median)" "$(refused "$1")" "$(crawled "$1")"; }

doc=${DOC:-$root/docs/crawl-benchmark.md}
cat >"$doc" <<DOC
# Visitors beside a crawler's sweep

Measured by \`bench/crawl.sh\` (N=$N, ROUNDS=$ROUNDS, DURATION=$DURATION) on $(nproc) cores, $(date -u +%Y-%m-%d), load average
before: $(cut -d' ' -f1-3 /proc/loadavg). The site runs with its shipped settings (64 MB page cache, rate limits,
\`Caching__SweepPagesPerMinute\` 120). Visitors read listing page 1 (\`wrk -t1 -c16\`, each request from one of 5,000
addresses, with a browser's \`Sec-Fetch-Mode: navigate\`); the crawler walks $(wc -l <"$out/crawl-papers.txt") paper pages from the sitemap in random
order at full speed (\`wrk -t1 -c16\`, no browser's headers), each crawl from its own place in that order so that it
meets pages no earlier crawl left in the cache.
Medians of $ROUNDS interleaved rounds.

| visitors' page 1 | requests/s | ratio to alone | share from the cache | crawler's requests refused (429 rate limit, 503 busy) |
|---|---:|---:|---:|---:|
$(row alone "alone")
$(row one "beside a crawler from one address")
$(row many "beside a crawler taking a new address each request")
DOC
sed -i 's/| 0 of 0 |$/| – |/' "$doc"
say "written to $doc"
cat "$doc" >&2
