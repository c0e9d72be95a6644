#!/usr/bin/env bash
# Start a hot standby of the throwaway PostgreSQL 15 server that .ci/start-postgres.sh started
# in PRIMARY_DIR (its data in PRIMARY_DIR/data, its socket in PRIMARY_DIR), for the
# read-replica tests (decision 056): pg_basebackup -R copies the primary and writes the
# standby's connection to it, so the standby streams and replays its WAL from then on.
# The standby lives in PRIMARY_DIR/standby, so whatever stops the primary's directory finds it.
# Prints the standby's connection URL on stdout. Usage: start-replica.sh PRIMARY_DIR [PORT]
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PRIMARY_DIR="${1:?usage: start-replica.sh PRIMARY_DIR [PORT]}"
PORT="${2:-55532}"
# The primary's port is the fourth line of its postmaster.pid.
PRIMARY_PORT=$(sed -n 4p "$PRIMARY_DIR/data/postmaster.pid")
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
DIR="$PRIMARY_DIR/standby"
mkdir -p "$DIR"
chown postgres "$DIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$PGBIN/pg_basebackup" -h "$PRIMARY_DIR" -p "$PRIMARY_PORT" -U postgres -D "$DIR/data" \
  -R -X stream -c fast >"$DIR/basebackup.log" 2>&1
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on" -w start >/dev/null
echo "postgresql://postgres@127.0.0.1:$PORT/busola_test"
