#!/usr/bin/env bash
# A PostgreSQL cluster for the tests and for development, on 127.0.0.1:55432 only. Idempotent: installs PostgreSQL
# (Debian's package) when it is missing, creates the cluster once in a folder owned by postgres, starts it when it is
# down, makes sure the test role exists, and prints the connection string. Run it as root.
#
#   scripts/postgres-start.sh           start (or find running) and print the connection string
#   scripts/postgres-start.sh --stop    stop the cluster this script started
#
# PGDATA_DIR (default /var/tmp/paperlisting-postgres) and PGPORT (default 55432) choose where and which port.
set -euo pipefail

data="${PGDATA_DIR:-/var/tmp/paperlisting-postgres}"
port="${PGPORT:-55432}"
role=paperlisting
password=paperlisting

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [[ -z "$(bindir)" ]]; then
  echo "installing postgresql" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(bindir)"
as_postgres() { runuser -u postgres -- "$@"; }

if [[ "${1:-}" == "--stop" ]]; then
  if [[ -f "$data/postmaster.pid" ]]; then
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >&2
  fi
  exit 0
fi

if [[ ! -f "$data/PG_VERSION" ]]; then
  mkdir -p "$data"
  chown postgres:postgres "$data"
  chmod 700 "$data"
  as_postgres "$bin/initdb" -D "$data" --auth-local=trust --auth-host=scram-sha-256 -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
EOF
fi

if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >&2
fi

psql_admin() { as_postgres "$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]]; then
  psql_admin -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'" >/dev/null
fi
# Tests drop their databases WITH (FORCE), which ends any session still in them.
psql_admin -c "GRANT pg_signal_backend TO $role" >/dev/null

echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
