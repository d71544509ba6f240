#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the read-side index and its tests (docs/storage.md):
#   start   install postgresql with apt-get when missing, create the cluster, start it; print its connection string
#   stop    stop it (the data stays until the directory is removed)
#   status  exit 0 when it runs
#   url     print the Npgsql connection string
# The cluster lives in ${FAIRSHARE_PG_DIR:-/tmp/fairshare-pg}, listens on 127.0.0.1:${FAIRSHARE_PG_PORT:-54329}
# only, and trusts local connections (it is for development and tests, never for production data).
set -euo pipefail

dir=${FAIRSHARE_PG_DIR:-/tmp/fairshare-pg}
port=${FAIRSHARE_PG_PORT:-54329}
data="$dir/data"
log="$dir/postgres.log"

say() { echo "postgres.sh: $*" >&2; }

url() { echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"; }

bin_dir() {
  local initdb
  initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] && dirname "$initdb"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# initdb refuses to run as root, so root runs the cluster as the 'postgres' user the package creates.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  else
    "$@"
  fi
}

install() {
  [ -n "$(bin_dir)" ] && return 0
  say "installing postgresql with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  [ -n "$(bin_dir)" ] || { say "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"; exit 1; }
}

running() {
  local bin
  bin=$(bin_dir) || return 1
  [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  install
  local bin
  bin=$(bin_dir)
  if running; then
    url
    return 0
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating a cluster in $data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >/dev/null
  fi
  say "starting on 127.0.0.1:$port"
  if ! as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null; then
    say "PostgreSQL did not start; the end of $log:"
    tail -n 20 "$log" >&2 || true
    exit 1
  fi
  url
}

stop() {
  local bin
  bin=$(bin_dir) || { say "postgresql is not installed"; return 0; }
  if running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running ;;
  url) url ;;
  *) echo "usage: scripts/postgres.sh start|stop|status|url" >&2; exit 2 ;;
esac
