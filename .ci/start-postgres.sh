#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 server on a spare port with its socket under /tmp.
# Prints the connection URL on stdout. PostgreSQL refuses to run as root, hence runuser.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PORT="${1:-55432}"
# Skip ports already taken (another server, another CI run on this machine).
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
DIR=$(mktemp -d /tmp/busola-pg.XXXXXX)
chown postgres "$DIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
# Replication for .ci/start-replica.sh (decision 056): PostgreSQL 15's defaults, stated so the
# standby does not depend on them; initdb --auth=trust already lets local replication in.
grep -q '^local[[:space:]]\+replication' "$DIR/data/pg_hba.conf" ||
  echo "local replication all trust" >>"$DIR/data/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica -c max_wal_senders=4" -w start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres busola_test
echo "$DIR" > /tmp/busola-pg.dir
echo "postgresql://postgres@127.0.0.1:$PORT/busola_test"
