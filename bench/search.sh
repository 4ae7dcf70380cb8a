#!/usr/bin/env bash
# Search at scale: builds Release, generates N synthetic papers with the project's seed generator, imports them once,
# then measures the median time of a set of search addresses with wrk (one connection, so the median is one request's
# time, the page cache off so every request searches), on the search index and on the database's own full-text index
# side by side, and the common word's throughput under 32 connections beside a static file. Writes
# docs/search-benchmark.md. Everything it makes stays in bench/out/ (git-ignored).
#
#   bench/search.sh                       # N=1000000
#   N=100000 DURATION=3 bench/search.sh
#   GENERATOR=path/to/PaperListing.SeedGenerator bench/search.sh
#   OUT_DOC=/tmp/x.md bench/search.sh      # write the table elsewhere than docs/search-benchmark.md
#   SEEDS=dir DB=file bench/search.sh       # reuse seeds and a database made before (their seeds must be complete)
set -euo pipefail

N=${N:-1000000}
OUT_DOC=${OUT_DOC:-}
DURATION=${DURATION:-5}
PORT=${PORT:-5530}

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
seeds=${SEEDS:-$out/seeds-$N}
db=${DB:-$out/search-$N.db}
dll=$web/bin/Release/net10.0/PaperListing.Web.dll
generator=${GENERATOR:-$root/src/PaperListing.SeedGenerator}
base=http://127.0.0.1:$PORT
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[[ -f $generator/PaperListing.SeedGenerator.csproj ]] || { echo "no seed generator at $generator (set GENERATOR=)" >&2; exit 1; }

say "build (Release)"
build_release "$web" "$generator"

say "generate $N papers"
generate_seeds "$generator"

# A web root that also holds the static baseline (never part of the product): the search page saved as a file.
mkdir -p "$out/wwwroot"
cp -r "$web/wwwroot/." "$out/wwwroot/"

say "import (or reuse the database) and serve: with the search index, and without it (the database's full-text index)"
serve "$PORT" "$out/search-site.log" DataProtection__KeysPath="$out/keys" Caching__OutputCache=false \
  Search__IndexFolder="$out/search-index-$N" -- --webroot "$out/wwwroot"
pids+=("$!")
healthy "$PORT"
serve "$((PORT + 1))" "$out/search-database.log" DataProtection__KeysPath="$out/keys" Caching__OutputCache=false Search__Index=false
pids+=("$!")
healthy "$((PORT + 1))"
# The index is built (or opened) after the import; searches ask the database until then.
until grep -qE 'Search index (built|of [0-9]+ papers opened)' "$out/search-site.log"; do sleep 1; done
import_line=$(grep -oE 'Import done: .*' "$out/search-site.log" | tail -1)
index_line=$(grep -oE 'Search index (built|of [0-9]+ papers opened)[^,]*(, [^,]*)?' "$out/search-site.log" | tail -1)
slug=$(curl -sf "$base/api/listings" | grep -oE '"slug": *"[^"]+"' | head -1 | sed -E 's/.*"([^"]+)"$/\1/')
paper=$(curl -sf "$base/api/listings/$slug/papers?page=7" | grep -oE '"id": *"[^"]+"' | head -1 | sed -E 's/.*"([^"]+)"$/\1/')
database=http://127.0.0.1:$((PORT + 1))

urls=(
  "/search?q=tensor"
  "/search?q=tensor&page=50"
  "/search?q=razin+tensor"
  "/search?q=scholpple+spectral+rank"
  "/search?q=scholpple"
  "/search?q=tensor&subject=fluid-dynamics-in-physics"
  "/search?q=tensor&from=2020&to=2021&sort=newest"
  "/related/$slug?q=tensor"
  "/related/$slug?q=tensor&page=50"
  "/search?q=tensors"
  "/search?q=factorizations+tens"
  "/api/papers/$paper/similar"
  "/api/suggestions?q=te"
  "/api/suggestions?q=razin+ten"
)

median() { # median latency in ms of one address (base, path), from wrk's latency distribution
  local result
  result=$(wrk -t1 -c1 -d"${DURATION}s" --latency "$1$2")
  echo "$result" | awk '/^ +50%/ { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v*=1000 } printf "%.1f", v }'
}
found() { # what an address says it found
  if [[ $2 == /api/* ]]; then
    echo "JSON: $(curl -sf "$1$2" | grep -oE '"(abstract|kind)": *"' | grep -c . || true) items"
  else
    curl -sf "$1$2" | grep -oE 'class="result-count"[^>]*>[^<]*' | sed -E 's/.*>//; s/&quot;/"/g' || echo "no answer"
  fi
}
throughput() { # requests a second at 32 connections (two threads) for DURATION seconds
  for _ in 1 2 3; do curl -sf -o /dev/null "$1$2"; done
  wrk -t2 -c32 -d"${DURATION}s" "$1$2" | awk '/^Requests\/sec/ { printf "%.0f", $2 }'
}

say "warm up: every address five times on each (the first requests also compile the code they run)"
for url in "${urls[@]}"; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$base$url"; curl -s -o /dev/null "$database$url"; done
done

say "measure, one request at a time, the index and the database in turn"
rows=""
for url in "${urls[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$url")
  if [[ $status != 200 ]]; then # an address this build does not serve
    printf '%-60s %8s\n' "$url" "HTTP $status" >&2
    rows+="| \`$url\` | HTTP $status | – | – | – |"$'\n'
    continue
  fi
  indexed=$(median "$base" "$url")
  plain=$(median "$database" "$url")
  ratio=$(echo "scale=2; $plain / $indexed" | bc)
  count=$(found "$base" "$url")
  printf '%-60s %8s ms %8s ms  %s\n' "$url" "$indexed" "$plain" "$count" >&2
  rows+="| \`$url\` | $indexed | $plain | $ratio | $count |"$'\n'
done

say "throughput at 32 connections: the common word, beside a static file of the same page"
curl -sf "$base/search?q=tensor" -o "$out/wwwroot/bench-search.html"
static_rps=$(throughput "$base" /bench-search.html)
indexed_rps=$(throughput "$base" "/search?q=tensor")
plain_rps=$(throughput "$database" "/search?q=tensor")
static_rps2=$(throughput "$base" /bench-search.html)
static_mid=$(( (static_rps + static_rps2) / 2 ))
echo "static $static_rps/$static_rps2, index $indexed_rps, database $plain_rps" >&2

out_doc=${OUT_DOC:-$root/docs/search-benchmark.md}
cat >"$out_doc" <<DOC
# Search at $(printf "%'d" "$N") papers

Measured by \`bench/search.sh\` (N=$N) on $(nproc) cores, $(date -u +%Y-%m-%d), load average before:
$(cut -d' ' -f1-3 /proc/loadavg). Two copies of the site over one database, page cache off, so every request runs its
search, counts its results and facets and renders the page: one searching through its search index (the default),
one through the database's own full-text index (\`Search__Index=false\`). Each address is measured on one, then
the other: the median time of one request at a time (\`wrk -t1 -c1 -d${DURATION}s --latency\`).

The import: $import_line
The search index: $index_line

| address | index: median ms | database: median ms | database / index | what it found |
|---|---:|---:|---:|---|
$rows
Under 32 connections (\`wrk -t2 -c32 -d${DURATION}s\`), requests a second:

| what | requests/s | ratio to the static file |
|---|---:|---:|
| the same search page as a static file (before and after) | $static_rps, $static_rps2 | 1.00 |
| \`/search?q=tensor\` through the search index | $indexed_rps | $(echo "scale=3; $indexed_rps / $static_mid" | bc) |
| \`/search?q=tensor\` through the database | $plain_rps | $(echo "scale=3; $plain_rps / $static_mid" | bc) |

"tensor" is one of the generator's common words (about 15% of the papers): those rows are the heavy end, every
match ranked, counted and counted into the facets. Through the index, facets are counted over every match; through
the database, over at most 10,000 matches (past that the page says so instead of counting).
DOC
say "written to $out_doc"
