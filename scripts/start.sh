#!/usr/bin/env bash
# `npm start`: installs what is missing (npm packages only when package-lock.json changed), builds the console only
# when its sources are newer than the last build, then replaces itself with the server (exec), so the signals npm
# passes on (SIGTERM from `docker stop` or a service manager, Ctrl+C) reach the server itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh start
built=dispatch-console/dist/index.html
if [ ! -f "$built" ] || [ -n "$(find dispatch-console shared package-lock.json -newer "$built" -type f -not -path 'dispatch-console/dist/*' -print -quit)" ]; then
  npm run --silent build:console
fi
# The V8 heap is capped and its young generation enlarged (docs/scaling.md, "Memory"): uncapped, V8 lets garbage grow to several times the live heap
# before a full collection. A NODE_OPTIONS given by the operator comes after, so it wins.
NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=64 ${NODE_OPTIONS:-}" exec node --import tsx server/main.ts
