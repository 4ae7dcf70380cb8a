#!/usr/bin/env bash
# Replicas of the site behind nginx under wrk, on loopback: the parts shared by scripts/scale-out-test.sh and
# scripts/outage-test.sh. Source it after setting root, work, BASE_PORT, LB_PORT, CONNECTIONS, connection (the
# Npgsql connection string, which fresh_database sets), seeds, dll, and the functions fail and left; it uses replica_pids and nginx_running.
# PROVIDER (default Postgres) and REPLICA_SETTINGS (extra NAME=value settings, space-separated) change the replicas.

fresh_database() { # fresh_database: $database dropped and made again on $server (an Npgsql connection string); sets
  # admin, papers_db (libpq URLs), connection (Npgsql) and sql (a query on $database)
  kv() { tr ';' '\n' <<<"$server" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
  admin="postgresql://$(kv Username):$(kv Password)@$(kv Host):$(kv Port)/postgres"
  psql "$admin" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
  psql "$admin" -qc "CREATE DATABASE $database" >/dev/null
  papers_db="postgresql://$(kv Username):$(kv Password)@$(kv Host):$(kv Port)/$database"
  connection="Host=$(kv Host);Port=$(kv Port);Username=$(kv Username);Password=$(kv Password);Database=$database"
  sql() { psql "$papers_db" -qtAc "$1"; }
}

start_replica() { # start_replica N: replica N (1-3) on BASE_PORT+N-1, its log in $work/replicaN.log
  local n=$1
  (cd "$root/src/PaperListing.Web" && exec env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$((BASE_PORT + n - 1))" \
    Database__Provider="${PROVIDER:-Postgres}" ConnectionStrings__Papers="$connection" ${REPLICA_SETTINGS:-} \
    Seeds__Path="$seeds" Seeds__RequestWaitSeconds=1 DataProtection__KeysPath="$work/keys" \
    Serilog__MinimumLevel__Override__Serilog.AspNetCore=Warning \
    RateLimits__PagesPerMinute=1000000000 RateLimits__SearchPerMinute=1000000000 RateLimits__ApiPerMinute=1000000000 \
    Resilience__CrawlPagePercent=100 \
    dotnet "$dll" >>"$work/replica$n.log" 2>&1) &
  replica_pids[n - 1]=$!
}
healthy() { # healthy PORT...: waits until each answers /healthz 200
  local port
  for port in "$@"; do
    until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
      (($(left) > 60)) || fail "replica on $port not healthy in time"
      sleep 0.1
    done
  done
}
nginx_config() { # nginx_config N: nginx in front of the first N replicas
  local servers="" n
  for ((n = 0; n < $1; n++)); do servers+="    server 127.0.0.1:$((BASE_PORT + n)) max_fails=0;"$'\n'; done
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  upstream paperlisting {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://paperlisting;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
    }
  }
}
EOF
}
nginx_start() {
  nginx_config "$1"
  if ((nginx_running)); then
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s reload
    sleep 1
  else
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
    nginx_running=1
  fi
  until curl -sf -o /dev/null "http://127.0.0.1:$LB_PORT/healthz"; do sleep 0.1; done
}
write_mix() { # write_mix: $work/mix.lua, the traffic mix over $work/paths.txt
  cat >"$work/mix.lua" <<EOF
-- Mixed traffic: listing pages, paper pages, author and subject pages (and searches), each thread from its own place.
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local i = 0
function setup(thread) i = i + 1; thread:set("start", i * 37) end
function init(args) n = start end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Host"] = "papers.example.org", ["Accept-Encoding"] = "br, gzip" })
end
EOF
}
run_wrk() { # run_wrk SECONDS OUTFILE [SCRIPT]: the mix (or SCRIPT) through nginx
  wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 5s --latency -s "${3:-$work/mix.lua}" "http://127.0.0.1:$LB_PORT/" >"$2" 2>&1
}
figure() { # figure FILE: requests, requests/s, non-2xx/3xx, socket errors, p50, p99
  local requests rate bad errors p50 p99
  requests=$(grep -oE '^ *[0-9]+ requests in' "$1" | grep -oE '[0-9]+')
  rate=$(awk '/Requests\/sec/ {print $2}' "$1")
  bad=$(awk -F': ' '/Non-2xx or 3xx/ {print $2}' "$1")
  errors=$(grep -oE 'Socket errors: .*' "$1" || true)
  p50=$(awk '$1 == "50%" {print $2}' "$1")
  p99=$(awk '$1 == "99%" {print $2}' "$1")
  echo "${requests:-0}|${rate:-0}|${bad:-0}|${errors:-none}|${p50:-?}|${p99:-?}"
}
