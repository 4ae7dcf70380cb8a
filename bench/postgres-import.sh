# Sourced by bench/run.sh --provider postgres, after the SQLite import: times the same first import into an empty
# PostgreSQL database and a restart over unchanged seeds, with the same binary, seeds and measures, and leaves the
# figures in $pg_summary (lines for summary.env). The cluster is scripts/postgres-start.sh's (started if down, and
# stopped again if this started it); the database is dropped afterwards unless KEEP=1.
pg_data=${PGDATA_DIR:-/var/tmp/paperlisting-postgres}
pg_was_running=0
[[ -f $pg_data/postmaster.pid ]] && pg_was_running=1
pg_server=$(bash "$root/scripts/postgres-start.sh" 2>/dev/null | tail -1)
pg_kv() { tr ';' '\n' <<<"$pg_server" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
pg_admin="postgresql://$(pg_kv Username):$(pg_kv Password)@$(pg_kv Host):$(pg_kv Port)/postgres"
pg_connection="Host=$(pg_kv Host);Port=$(pg_kv Port);Username=$(pg_kv Username);Password=$(pg_kv Password);Database=paperlisting_bench"
psql "$pg_admin" -qc 'DROP DATABASE IF EXISTS paperlisting_bench WITH (FORCE)' >/dev/null 2>&1
psql "$pg_admin" -qc 'CREATE DATABASE paperlisting_bench' >/dev/null
pg_env=(Database__Provider=Postgres ConnectionStrings__Papers="$pg_connection")
timed_start pg-import "${pg_env[@]}"
timed_start pg-restart "${pg_env[@]}"
pg_summary="pg_import_seconds=$(import_seconds_of pg-import)
pg_import_healthy=$(cat "$out/pg-import-healthy.txt")
pg_import_cpu=$(cpu_of pg-import)
pg_import_rss=$(rss_of pg-import)
pg_papers_line=$(grep -oE '[0-9]+ listings, [0-9]+ papers, [0-9]+ authors, [0-9]+ subjects' "$out/pg-import.log")
pg_restart_healthy=$(cat "$out/pg-restart-healthy.txt")
pg_restart_line=$(grep -oE 'Import done: [0-9]+ files read \([0-9]+ unchanged.*' "$out/pg-restart.log" | head -1)
pg_version=$(psql "$pg_admin" -qtAc 'SHOW server_version' | cut -d' ' -f1)"
if [[ $KEEP != 1 ]]; then psql "$pg_admin" -qc 'DROP DATABASE IF EXISTS paperlisting_bench WITH (FORCE)' >/dev/null; fi
if ((!pg_was_running)); then bash "$root/scripts/postgres-start.sh" --stop >/dev/null 2>&1; fi
