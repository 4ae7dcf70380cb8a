#!/usr/bin/env bash
# Search at scale: builds Release, generates N synthetic papers with the project's seed generator, imports them once,
# then measures the median time of a set of search addresses with wrk (one connection, so the median is one request's
# time, the page cache off so every request searches). Writes docs/search-benchmark.md. Everything it makes stays in
# bench/out/ (git-ignored).
#
#   bench/search.sh                       # N=1000000
#   N=100000 DURATION=3 bench/search.sh
#   GENERATOR=path/to/PaperListing.SeedGenerator bench/search.sh
#   OUT_DOC=/tmp/x.md bench/search.sh      # write the table elsewhere than docs/search-benchmark.md
set -euo pipefail

N=${N:-1000000}
OUT_DOC=${OUT_DOC:-}
DURATION=${DURATION:-5}
PORT=${PORT:-5530}

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
seeds=$out/seeds-$N
db=$out/search-$N.db
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

say "import (or reuse the database) and serve"
serve "$PORT" "$out/search-site.log" DataProtection__KeysPath="$out/keys" Caching__OutputCache=false
pids+=("$!")
healthy "$PORT"
import_line=$(grep -oE 'Import done: .*' "$out/search-site.log" | tail -1)
slug=$(curl -sf "$base/api/listings" | grep -oE '"slug": *"[^"]+"' | head -1 | sed -E 's/.*"([^"]+)"$/\1/')
paper=$(curl -sf "$base/api/listings/$slug/papers?page=7" | grep -oE '"id": *"[^"]+"' | head -1 | sed -E 's/.*"([^"]+)"$/\1/')

urls=(
  "/search?q=tensor"
  "/search?q=tensor&page=50"
  "/search?q=razin+tensor"
  "/search?q=scholpple+spectral+rank"
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

median() { # median latency in ms of one address, from wrk's latency distribution
  local result
  for _ in 1 2 3; do curl -sf -o /dev/null "$base$1"; done
  result=$(wrk -t1 -c1 -d"${DURATION}s" --latency "$base$1")
  echo "$result" | awk '/^ +50%/ { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v*=1000 } printf "%.1f", v }'
}

say "measure"
rows=""
for url in "${urls[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$url")
  if [[ $status != 200 ]]; then # an address this build does not serve
    printf '%-60s %8s\n' "$url" "HTTP $status" >&2
    rows+="| \`$url\` | – | HTTP $status |"$'\n'
    continue
  fi
  if [[ $url == /api/* ]]; then
    count="JSON: $(curl -sf "$base$url" | grep -oE '"(abstract|kind)": *"' | grep -c . || true) items"
  else
    count=$(curl -sf "$base$url" | grep -oE 'class="result-count"[^>]*>[^<]*' | sed -E 's/.*>//; s/&quot;/"/g' || echo "no answer")
  fi
  ms=$(median "$url")
  printf '%-60s %8s ms  %s\n' "$url" "$ms" "$count" >&2
  rows+="| \`$url\` | $ms | $count |"$'\n'
done

out_doc=${OUT_DOC:-$root/docs/search-benchmark.md}
cat >"$out_doc" <<DOC
# Search at $(printf "%'d" "$N") papers

Measured by \`bench/search.sh\` (N=$N) on $(nproc) cores, $(date -u +%Y-%m-%d): the median time of one request at a
time (\`wrk -t1 -c1 -d${DURATION}s --latency\`), with the page cache off, so every request runs its search, counts its
results and facets and renders the page. The import: $import_line

| address | median (ms) | what it found |
|---|---|---|
$rows
"tensor" is one of the generator's common words, so it matches a large share of the papers: those rows are the
heavy end (every match is ranked and counted). Facets are counted over at most 10,000 matches; past that the page
says so instead of counting.
DOC
say "written to $out_doc"
