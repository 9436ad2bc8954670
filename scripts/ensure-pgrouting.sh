#!/usr/bin/env bash
# Makes sure PostgreSQL 15 with pgRouting is installed, for the route-query comparison in `npm run bench`
# (bench/routing/pgRouting.ts starts a cluster of its own in a temporary folder; this script starts nothing).
# Installs Debian's postgresql-15-pgrouting when missing, as root or with passwordless sudo, quietly.
# Exits 0 when initdb, pg_ctl, postgres, psql and the pgrouting extension are all there, non-zero otherwise.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
EXTENSION_DIR="${PG_EXTENSION_DIR:-/usr/share/postgresql/15/extension}"

have_pgrouting() {
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/psql" ] \
    && compgen -G "$EXTENSION_DIR/pgrouting.control" >/dev/null
}

if have_pgrouting; then exit 0; fi

runner=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    runner="sudo -n"
  else
    echo "ensure-pgrouting: pgRouting is not installed and this user can neither install it (not root, no passwordless sudo)." >&2
    echo "ensure-pgrouting: install it with: sudo apt-get install postgresql-15-pgrouting" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-pgrouting: pgRouting is not installed and there is no apt-get here; install PostgreSQL 15 with pgRouting (binaries in $PG_BIN)." >&2
  exit 1
fi

echo "ensure-pgrouting: installing Debian's postgresql-15-pgrouting..." >&2
install() { $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15-pgrouting >/dev/null 2>&1; }
if ! install; then
  $runner apt-get update -qq >/dev/null 2>&1 || true
  if ! install; then
    echo "ensure-pgrouting: apt-get could not install postgresql-15-pgrouting." >&2
    exit 1
  fi
fi

if ! have_pgrouting; then
  echo "ensure-pgrouting: postgresql-15-pgrouting was installed but $PG_BIN or $EXTENSION_DIR/pgrouting.control is still missing." >&2
  exit 1
fi
