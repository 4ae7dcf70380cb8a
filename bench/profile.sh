#!/usr/bin/env bash
# Where a page's CPU goes: samples a running site with Linux perf while wrk asks for one address, then prints the
# share of all samples spent in (and below) the frames named. The site must have been started with
# DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 (so perf can name JIT-compiled methods) and warmed up.
# Loopback only, bounded: wrk runs for SECONDS + 2 s.
#
#   bench/profile.sh PORT PATH [SECONDS]              # samples, then the default breakdown
#   python3 bench/profile.py bench/out/profile.perf 'PaperCardHtml::WriteTo' 30   # what one frame spends its time on
set -euo pipefail
port=${1:?port of a running site}; path=${2:?path to ask for}; seconds=${3:-10}
out=$(cd "$(dirname "$0")" && pwd)/out
mkdir -p "$out"
pid=$(pgrep -f "urls http://127.0.0.1:$port" | while read -r p; do [[ $(cat "/proc/$p/comm") == dotnet ]] && echo "$p"; done | head -1)
[[ -n $pid ]] || { echo "no site on port $port" >&2; exit 2; }
wrk -t1 -c8 -d"$((seconds + 2))s" "http://127.0.0.1:$port$path" >"$out/profile-wrk.txt" &
sleep 1
perf record -F 999 -g -p "$pid" -o "$out/profile.perf" -- sleep "$seconds" 2>/dev/null
wait
grep 'Requests/sec' "$out/profile-wrk.txt"
for frame in 'ResourceInvoker' 'RazorView\+<RenderAsync>' 'PaperCardHtml::WriteTo' 'OnGetAsync' 'SingleQueryingEnumerable' 'sqlite3' \
  'TagHelperRunner' 'RequestLoggingMiddleware' 'SocketConnection|epoll|tcp_' 'gc_heap|GCHeap|memset'; do
  printf '%-32s %s\n' "$frame" "$(python3 "$(dirname "$0")/profile.py" "$out/profile.perf" "$frame" 0 | head -1)"
done
