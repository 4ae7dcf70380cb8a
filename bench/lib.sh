# Sourced by bench/run.sh, bench/search.sh and bench/import.sh: what each of them needs to build the site, generate
# seeds, start it, wait for it and stop it again. The scripts set N, seeds, db, dll and PORT before they call these;
# out is bench/out/ (git-ignored) unless a script chooses another folder.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web=$root/src/PaperListing.Web
out=$root/bench/out
pids=()  # background jobs running a site, stopped on exit

say() { printf '\n== %s\n' "$*" >&2; }
now() { date +%s.%N; }

descendants() { local child; for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done; }
stop() { # stops the site started as background job $1: its dotnet process, by id, then waits for the job
  local d
  for d in $(descendants "$1"); do [[ $(cat "/proc/$d/comm" 2>/dev/null) == dotnet ]] && kill -TERM "$d" 2>/dev/null; done
  wait "$1" 2>/dev/null || true
}
site_pid() { local d; for d in $(descendants "$1"); do [[ $(cat "/proc/$d/comm" 2>/dev/null) == dotnet ]] && echo "$d"; done | head -1; }
cleanup() { local pid; for pid in "${pids[@]}"; do stop "$pid"; done; }
trap cleanup EXIT

build_release() { local project; for project; do dotnet build "$project" -c Release -nologo -v q >/dev/null; done; }
publish_site() { # publish_site DIR [WEB_PROJECT_DIR]: the site as the image runs it, for this platform, compiled ahead of time (ReadyToRun)
  local rid
  rid=linux-$(case "$(uname -m)" in x86_64) echo x64 ;; aarch64) echo arm64 ;; *) uname -m ;; esac)
  dotnet publish "${2:-$web}/PaperListing.Web.csproj" -c Release -r "$rid" --self-contained false -o "$1" -nologo -v q >/dev/null
}
generate_seeds() { # generate_seeds GENERATOR_PROJECT_DIR: N papers into $seeds, once (kept for the next run)
  if [[ ! -f $seeds/.complete ]]; then
    rm -rf "$seeds"
    dotnet "$1/bin/Release/net10.0/PaperListing.SeedGenerator.dll" --papers "$N" --out "$seeds" >&2
    touch "$seeds/.complete"
  fi
}
ensure_seeds() { # N papers into $seeds unless they are there, building the generator only then
  if [[ ! -f $seeds/.complete ]]; then
    build_release "$root/src/PaperListing.SeedGenerator"
    generate_seeds "$root/src/PaperListing.SeedGenerator"
  fi
}

serve() { # serve PORT LOGFILE [NAME=value...] [-- ARGS...]: starts the site over $seeds and $db as a background job ($! is its id)
  local port=$1 log=$2 settings=(); shift 2
  while (($#)) && [[ $1 != -- ]]; do settings+=("$1"); shift; done
  (($#)) && shift
  # The per-address rate limits would refuse a load test from one address, and the crawlers' share would hold its
  # pages (wrk sends no browser's Sec-Fetch headers): lifted, so the pages themselves are measured.
  (cd "$web" && env "${settings[@]}" Seeds__Path="$seeds" ConnectionStrings__Papers="Data Source=$db" \
    RateLimits__PagesPerMinute=1000000000 RateLimits__SearchPerMinute=1000000000 RateLimits__ApiPerMinute=1000000000 \
    Resilience__CrawlPagePercent=100 \
    dotnet "$dll" --urls "http://127.0.0.1:$port" "$@" >"$log" 2>&1) &
}
# The search index is built after the import, in the background: a server's pages are measured once it is there.
index_ready() { until grep -qE 'Search index (built|of [0-9]+ papers opened|could not be built)' "$1"; do sleep 1; done; }
healthy() { until curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; do sleep 0.05; done; }
timed_start() { # timed_start NAME [env...]: the site from start to healthy, then stopped; $out/NAME.log, NAME-time.txt (time -v), NAME-healthy.txt (s)
  local name=$1 start; shift
  start=$(now)
  (cd "$web" && env Seeds__Path="$seeds" ConnectionStrings__Papers="Data Source=$db" "$@" \
    /usr/bin/time -v -o "$out/$name-time.txt" dotnet "$dll" --urls "http://127.0.0.1:$PORT" >"$out/$name.log" 2>&1) &
  local timed=$!
  healthy "$PORT"
  echo "$(now) - $start" | bc >"$out/$name-healthy.txt"
  stop "$timed"
}
cpu_of() { awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$out/$1-time.txt"; }  # user + system, s
rss_of() { awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$out/$1-time.txt"; }            # peak, MB
