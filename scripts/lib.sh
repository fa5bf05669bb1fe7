# Shared by scripts/test, scripts/demo and bench: install what dtks needs, build
# it, and run a throwaway PostgreSQL 15 cluster.  Source it; do not run it.

# DTKS_PG_BINDIR picks another PostgreSQL 15 tree (a relocated copy, say).
PG_BINDIR=${DTKS_PG_BINDIR:-/usr/lib/postgresql/15/bin}
PG_CONFIG=$PG_BINDIR/pg_config
export PG_CONFIG
DTKS_DATA=${DTKS_DATA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/shared/data}
export DTKS_DATA
DTKS_PAKET="postgresql-15 postgresql-server-dev-15 postgresql-15-postgis-3 postgresql-15-pgtap
  libtap-parser-sourcehandler-pgtap-perl make gcc libc6-dev gzip python3 python3-psycopg2 sqlsmith"

# Run a command as root: directly when we are root, else through sudo.
sebagai_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Print a step header.
langkah() {
  printf '\n==> %s\n' "$*"
}

# Install the Debian packages dtks needs, unless all are there already.
pasang_paket() {
  local kurang=()
  for p in $DTKS_PAKET; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || kurang+=("$p")
  done
  if [ ${#kurang[@]} -gt 0 ]; then
    langkah "installing ${kurang[*]}"
    sebagai_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sebagai_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${kurang[@]}" >/dev/null
  fi
}

# Build with warnings as errors and install into PostgreSQL 15.
bangun() {
  langkah "building dtks (-Wall -Wextra -Werror) and installing it"
  make -s PG_CONFIG="$PG_CONFIG" clean >/dev/null
  make -s PG_CONFIG="$PG_CONFIG" >/dev/null
  sebagai_root make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Start a throwaway cluster (as postgres when we are root) and stop it on exit.
mulai_klaster() {
  local pemilik=()
  KLASTER_DIR=$(mktemp -d /tmp/dtks-klaster.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$KLASTER_DIR"
    pemilik=(runuser -u postgres --)
  fi
  KLASTER_PEMILIK=("${pemilik[@]}")
  export PGHOST=$KLASTER_DIR PGUSER=postgres PGDATABASE=postgres
  PGPORT=$(( 54000 + RANDOM % 1000 ))
  export PGPORT
  langkah "starting a throwaway PostgreSQL 15 cluster in $KLASTER_DIR (port $PGPORT)"
  "${pemilik[@]}" "$PG_BINDIR/initdb" -D "$KLASTER_DIR/data" -U postgres --auth=trust \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  "${pemilik[@]}" "$PG_BINDIR/pg_ctl" -D "$KLASTER_DIR/data" -l "$KLASTER_DIR/log" -w \
    -o "-p $PGPORT -k $KLASTER_DIR -c listen_addresses=''" start >/dev/null
  trap hentikan_klaster EXIT
}

# Stop and remove the throwaway cluster.
hentikan_klaster() {
  if [ -n "${KLASTER_DIR:-}" ] && [ -d "$KLASTER_DIR/data" ]; then
    "${KLASTER_PEMILIK[@]}" "$PG_BINDIR/pg_ctl" -D "$KLASTER_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$KLASTER_DIR"
  fi
}

# Create a database with dtks (and optionally more extensions) and the region data.
siapkan_basis_data() {
  local db=$1; shift
  createdb "$db"
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION dtks CASCADE"
  for ext in "$@"; do psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION $ext"; done
  psql -X -q -d "$db" -c "ALTER DATABASE $db SET search_path = \"\$user\", dtks, public"
  PGDATABASE=$db scripts/load-wilayah "$DTKS_DATA" >"$KLASTER_DIR/muat-$db.log"
  sed -n '/^ edisi/,$p' "$KLASTER_DIR/muat-$db.log"
}
