#!/usr/bin/env bash
# Installs what the system needs before it starts or tests run, so a fresh machine and CI take
# the same path: npm packages (when package-lock.json is newer than node_modules), redis-server,
# PostgreSQL's server, and for tests Debian's chromium. System packages are installed only where that is possible
# (Debian/Ubuntu, as root or with passwordless sudo); otherwise a clear message says what to do.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-start}"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

apt_install() {
  local runner=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then runner="sudo"; else return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "Installing Debian packages: $*"
  $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { $runner apt-get update -qq >/dev/null 2>&1 && $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

have_redis() { command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; }

if [ -z "${REDIS_URL:-}" ] || [ "$purpose" = "test" ]; then
  if ! have_redis; then
    apt_install redis-server || true
    if ! have_redis; then
      echo "No redis-server binary was found and it could not be installed here. Install it" >&2
      echo "(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), or set" >&2
      echo "REDIS_URL=redis://host:6379 to use an existing Redis 7 server." >&2
      exit 1
    fi
  fi
fi

# [OPS11] The Redis Cluster test starts three redis-server nodes and joins them with redis-cli (Debian's
# redis-tools, which redis-server depends on; installed here in case a machine has the server without it).
have_redis_cli() { command -v redis-cli >/dev/null 2>&1 || [ -x /usr/bin/redis-cli ]; }
if [ "$purpose" = "test" ] && ! have_redis_cli; then
  apt_install redis-tools || echo "warning: redis-cli could not be installed; the Redis Cluster test (test/ops/redisCluster.test.ts) will fail" >&2
fi

# [AR1] The durable record: PostgreSQL's server binaries (initdb, pg_ctl, postgres), started by the project
# under the city's data folder when DATABASE_URL is not set, and by the tests on free ports.
have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
if [ -z "${DATABASE_URL:-}" ] || [ "$purpose" = "test" ]; then
  if ! have_postgres; then
    apt_install postgresql || true
    if ! have_postgres; then
      echo "No PostgreSQL server binaries (initdb) were found and they could not be installed here. Install them" >&2
      echo "(Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql), or set" >&2
      echo "DATABASE_URL=postgres://user:password@host:5432/database to use an existing PostgreSQL server." >&2
      exit 1
    fi
  fi
fi

if [ "$purpose" = "test" ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium || echo "warning: /usr/bin/chromium could not be installed; the browser tests will say so and skip" >&2
fi
