#!/usr/bin/env bash
# `npm start`: installs what is missing (npm packages only when package-lock.json changed), builds the console and the
# server (one bundle of its modules, dist/server/main.mjs) only when their sources are newer than the last build, then
# replaces itself with the server (exec), so the signals npm passes on (SIGTERM from `docker stop` or a service
# manager, Ctrl+C) reach the server itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh start
built=dispatch-console/dist/index.html
if [ ! -f "$built" ] || [ -n "$(find dispatch-console shared package-lock.json -newer "$built" -type f -not -path 'dispatch-console/dist/*' -print -quit)" ]; then
  npm run --silent build:console
fi
bundle=dist/server/main.mjs
if [ ! -f "$bundle" ] || [ -n "$(find server shared -newer "$bundle" -type f -name '*.ts' -print -quit)" ] || [ package-lock.json -nt "$bundle" ]; then
  npm run --silent build:server
fi
# The V8 heap is capped and its young generation enlarged (docs/scaling.md, "Memory"): uncapped, V8 lets garbage grow to several times the live heap
# before a full collection. A NODE_OPTIONS given by the operator comes after, so it wins.
NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=64 ${NODE_OPTIONS:-}" exec node --enable-source-maps "$bundle"
